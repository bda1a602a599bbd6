// Where external job workers serve a job type: its Temporal task queue and attempt timeout, from the environment.
import { z } from 'zod';

/** An external job's attempt timeout when SPARROW_JOB_TIMEOUTS does not name its type: 5 minutes (Camunda 8's default job timeout). */
export const DEFAULT_EXTERNAL_JOB_TIMEOUT_MS = 300_000;

/** The task queue of a job type when SPARROW_JOB_TASK_QUEUES does not name it. */
export const defaultJobTaskQueue = (type: string) => `jobs.${type}`;

/** A JSON object in an environment variable, checked value by value (absent or empty: {}). */
const jsonMap = <T extends z.ZodTypeAny>(value: T) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text?.trim()) return {};
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON (a JSON object of job type to value is expected)' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().min(1), value));

/** SPARROW_JOB_TASK_QUEUES: a JSON object of job type → Temporal task queue. */
export const jobTaskQueuesSchema = jsonMap(z.string().min(1).max(200));

/** SPARROW_JOB_TIMEOUTS: a JSON object of job type → attempt timeout in milliseconds (1 s to 24 h). */
export const jobTimeoutsSchema = jsonMap(z.number().int().min(1_000).max(86_400_000));

/** Where an external job type runs. */
export interface JobRoute {
  taskQueue: string;
  timeoutMs: number;
}

/**
 * The task queue and attempt timeout of an external job type: SPARROW_JOB_TASK_QUEUES / SPARROW_JOB_TIMEOUTS when they
 * name it, else `jobs.<type>` and 5 minutes. A malformed variable throws an error naming it (start-up checks it first).
 */
export function externalJobRoute(type: string, env: NodeJS.ProcessEnv = process.env): JobRoute {
  const queues = jobTaskQueuesSchema.safeParse(env.SPARROW_JOB_TASK_QUEUES);
  if (!queues.success) throw new Error(`invalid configuration: SPARROW_JOB_TASK_QUEUES: ${queues.error.issues[0].message}`);
  const timeouts = jobTimeoutsSchema.safeParse(env.SPARROW_JOB_TIMEOUTS);
  if (!timeouts.success) throw new Error(`invalid configuration: SPARROW_JOB_TIMEOUTS: ${timeouts.error.issues[0].message}`);
  return {
    taskQueue: Object.hasOwn(queues.data, type) ? queues.data[type] : defaultJobTaskQueue(type),
    timeoutMs: Object.hasOwn(timeouts.data, type) ? timeouts.data[type] : DEFAULT_EXTERNAL_JOB_TIMEOUT_MS,
  };
}
