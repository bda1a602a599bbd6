// All activities of the worker, built by a factory so tests and benches can add job types.
import { Context } from '@temporalio/activity';
import { builtinJobTypes, type JobHandler, type JobInput, type JobType } from './jobs';
import { closeUserTask, openUserTask, recordProgress, setTaskHolder } from './readModel';

/** The read-model activities every worker registers (their names are fixed). */
export const readModelActivities = { openUserTask, closeUserTask, recordProgress, setTaskHolder };

/** Read-model activities as the workflow calls them. */
export type ReadModelActivities = typeof readModelActivities;

/** Wraps a job handler as an activity: the activity's type name is the job type. */
function asActivity(handler: JobHandler) {
  return (input: JobInput) => {
    Context.current().log.debug('job started', { jobType: input.jobType, elementId: input.elementId });
    return handler(input);
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
