// The REST job API (Camunda 8 style) for HTTP-only job workers, and the job type registry, as the API shows them.
import { z } from 'zod';

/** Bounds of an activation request. */
export const JOB_ACTIVATION_LIMITS = {
  /** Most jobs one activation hands out. */
  maxJobsToActivate: 100,
  /** Longest lock a worker may ask for (ms): 24 h. */
  maxLockMs: 86_400_000,
  /** Longest a request waits for jobs (ms). */
  maxRequestTimeoutMs: 60_000,
  /** How long a request waits when it does not say (ms). */
  defaultRequestTimeoutMs: 10_000,
  /** Most variable names a worker may fetch. */
  maxFetchVariables: 200,
} as const;

/** A job type name as service tasks write it (`zeebe:taskDefinition type`). */
export const jobTypeName = z.string().min(1).max(200).regex(/^[^\s]+$/, 'no white space');

/** A job handed to a worker by an activation. */
export const activatedJob = z.object({
  jobKey: z.string().describe('stable across retries: the same job comes back with the same key'),
  type: z.string(),
  processInstanceKey: z.string().describe('the case id'),
  bpmnProcessId: z.string().describe("the process's BPMN id (the definition key)"),
  elementId: z.string(),
  elementInstanceKey: z.string(),
  customHeaders: z.record(z.string(), z.string()),
  variables: z.record(z.string(), z.unknown()).describe('the variables asked for with fetchVariable (all the task sees when none were named)'),
  retries: z.number().int().describe('attempts left, this one included'),
  deadline: z.number().int().describe('when the lock ends (epoch milliseconds); report before it'),
  worker: z.string(),
});
/** One activated job. */
export type ActivatedJob = z.output<typeof activatedJob>;

/** The answer of an activation. */
export const activateJobsReply = z.object({ jobs: z.array(activatedJob) });

/** Who served a job type lately. */
export const jobTypeWorker = z.object({
  kind: z.enum(['temporal', 'rest']).describe('a Temporal worker polling the task queue, or a worker of the REST job API'),
  name: z.string().describe('the Temporal poller identity, or the worker name the REST worker gave'),
  username: z.string().nullable().describe('the account a REST worker signed in with'),
  lastSeenAt: z.string().nullable(),
});

/** Text in each UI language. */
const localized = z.object({ 'zh-CN': z.string(), en: z.string() });

/** A job type of the registry. */
export const jobTypeView = z.object({
  type: z.string(),
  builtin: z.boolean().describe("Sparrow's own worker runs it"),
  title: localized.nullable(),
  description: localized.nullable().describe("a built-in type's description; for an external type the documentation of a task using it"),
  taskQueue: z.string().nullable().describe('the Temporal task queue of an external type'),
  usedBy: z
    .array(
      z.object({
        definitionKey: z.string(),
        processName: z.string().nullable(),
        version: z.number().int(),
        elements: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
      }),
    )
    .describe('the latest deployed version of each process whose tasks name the type'),
  workers: z.array(jobTypeWorker),
  lastSeen: jobTypeWorker.nullable().describe('the worker seen most recently'),
  waitingJobs: z.number().int().describe('jobs fetched from Temporal that no REST worker holds now'),
});
/** One job type of the registry. */
export type JobTypeView = z.output<typeof jobTypeView>;

/** The answer of the registry. */
export const jobTypesReply = z.object({ items: z.array(jobTypeView) });
