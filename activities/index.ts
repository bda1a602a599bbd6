// All activities of the worker, built by a factory so tests and benches can add job types.
import { Context } from '@temporalio/activity';
import { builtinJobTypes, type JobHandler, type JobInput, type JobType } from './jobs';
import { closeUserTask, openUserTask, recordProgress, setTaskHolder } from './readModel';

/** The read-model activities every worker registers (their names are fixed). */
export const readModelActivities = { openUserTask, closeUserTask, recordProgress, setTaskHolder };

/** Read-model activities as the workflow calls them. */
export type ReadModelActivities = typeof readModelActivities;

/** How often a running job tells Temporal it is alive (the workflow's job heartbeat timeout is 15 s). */
const JOB_HEARTBEAT_MS = 5000;

/** Wraps a job handler as an activity: the activity's type name is the job type; it heartbeats while it runs, so a job of a killed worker is retried within the heartbeat timeout rather than after its 5-minute start-to-close timeout. */
function asActivity(handler: JobHandler) {
  return async (input: JobInput) => {
    const context = Context.current();
    context.log.debug('job started', { jobType: input.jobType, elementId: input.elementId });
    const beat = setInterval(() => context.heartbeat(), JOB_HEARTBEAT_MS);
    try {
      return await handler(input);
    } finally {
      clearInterval(beat);
    }
  };
}

/** Builds the activity map of a worker: read-model activities plus one activity per job type. */
export function createActivities(jobTypes: JobType[] = builtinJobTypes): Record<string, (...args: never[]) => Promise<unknown>> {
  const jobs = Object.fromEntries(jobTypes.map((job) => [job.type, asActivity(job.handler)]));
  for (const name of Object.keys(readModelActivities)) {
    if (name in jobs) throw new Error(`job type ${name} clashes with a built-in activity name`);
  }
  return { ...readModelActivities, ...jobs };
}
