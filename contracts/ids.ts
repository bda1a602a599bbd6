// The formats of Sparrow's ids, written once: the engine, the workflow, the read model and the audit timeline build and
// read them from here.

/** What a token waits for, as the suffix of its wait id. */
export type WaitSuffix = 'job' | 'timer' | 'msg' | 'signal' | 'child';

/** The id of the wait a token holds: `<tokenId>:<suffix>`. */
export const waitIdOf = (tokenId: string, suffix: WaitSuffix): string => `${tokenId}:${suffix}`;

/**
 * The id of a subscription an instance holds for another element (a boundary event, an event subprocess's start, an
 * event-based gateway's target): `<instanceId>:<elementId>:<n>`, `n` unique in the case (a repeating timer gets a new one).
 */
export const eventWaitIdOf = (instanceId: string, elementId: string, n: string): string => `${instanceId}:${elementId}:${n}`;

/** A job's key, stable across retries and unique over all cases: `<workflowId>/<waitId>`. */
export const jobKeyOf = (workflowId: string, waitId: string): string => `${workflowId}/${waitId}`;

/** A user task's id, also its read-model row id: `<workflowId>/<elementId>/<tokenId>`. */
export const taskIdOf = (workflowId: string, elementId: string, tokenId: string): string => `${workflowId}/${elementId}/${tokenId}`;

/**
 * The workflow id of a call activity's child case: `<parentWorkflowId>/<elementId>/<elementInstanceId>`; a child started
 * again after an incident (`attempt` 2, 3 …) gets `…/<elementInstanceId>.<attempt>`, so each run has its own audit chain.
 */
export const childInstanceIdOf = (parentWorkflowId: string, elementId: string, elementInstanceId: string, attempt = 1): string =>
  `${parentWorkflowId}/${elementId}/${elementInstanceId}${attempt > 1 ? `.${attempt}` : ''}`;
