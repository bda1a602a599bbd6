// The statuses cases and tasks have in the read model: stored by the models, answered by the API, searched by the designer.

/** Statuses a case can have in the summary (incident: running, but some step is stopped; failed: its workflow ended without finishing). */
export const INSTANCE_STATUSES = ['running', 'incident', 'completed', 'cancelled', 'failed'] as const;
/** One case status. */
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

/** Lifecycle of a task in the read model. */
export const TASK_STATUSES = ['open', 'claimed', 'completed', 'cancelled'] as const;
/** One task status. */
export type TaskStatus = (typeof TASK_STATUSES)[number];
