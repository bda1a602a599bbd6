// All activities of the worker, built by a factory so tests and benches can add job types.
import { Context } from '@temporalio/activity';
import type { CalendarActivities, CallActivityActivities, JobActivities, JobActivity, ReadModelActivities } from '../contracts/activities';
import type { MessageBufferActivities } from '../contracts/messageBuffer';
import { unreachableDependency } from '../platform/unreachable';
import { builtinJobTypes, type JobHandler, type JobType } from './jobs';
import { resolveCalledProcess } from './calledProcess';
import { currentCalendar } from './calendar';
import { releaseBufferedMessage, takeBufferedMessage } from './messageBuffer';
import { closeUserTask, openUserTask, recordProgress, setTaskDates, setTaskHolder } from './readModel';

/** The read-model activities every worker registers (their names are fixed: the workflow calls them by these). */
export const readModelActivities = { openUserTask, closeUserTask, recordProgress, setTaskHolder, setTaskDates } satisfies ReadModelActivities;

/** The calendar lookup of legal time (its name is fixed too). */
export const calendarActivities = { currentCalendar } satisfies CalendarActivities;

/** The activities of call activities (their names are fixed too). */
export const callActivityActivities = { resolveCalledProcess } satisfies CallActivityActivities;

/** The message-buffer activities of message subscriptions (their names are fixed too). */
export const messageBufferActivities = { takeBufferedMessage, releaseBufferedMessage } satisfies MessageBufferActivities;

/** How often a running job tells Temporal it is alive (the workflow's job heartbeat timeout is 15 s). */
const JOB_HEARTBEAT_MS = 5000;

/**
 * Wraps a job handler as an activity: the activity's type name is the job type. It heartbeats while it runs, so a job of
 * a killed worker is retried within the heartbeat timeout rather than after its 5-minute start-to-close timeout. While
 * the database is unreachable it waits and runs the (idempotent) handler again within the same attempt, so an outage
 * does not use up the task's `retries` and become an incident; an outage longer than the attempt's 5 minutes does.
 */
function asActivity(handler: JobHandler): JobActivity {
  return async (input) => {
    const context = Context.current();
    context.log.debug('job started', { jobType: input.jobType, elementId: input.elementId });
    const beat = setInterval(() => context.heartbeat(), JOB_HEARTBEAT_MS);
    try {
      for (let wait = 1000; ; wait = Math.min(wait * 2, 10_000)) {
        try {
          return await handler(input);
        } catch (error) {
          if (unreachableDependency(error) !== 'mongo') throw error;
          context.log.warn('database unreachable: the job waits and runs again', { jobType: input.jobType, elementId: input.elementId, waitMs: wait });
          await context.sleep(wait); // throws when the attempt is cancelled or times out
        }
      }
    } finally {
      clearInterval(beat);
    }
  };
}

/** Builds the activity map of a worker: read-model activities plus one activity per job type. */
export function createActivities(jobTypes: JobType[] = builtinJobTypes): Record<string, (...args: never[]) => Promise<unknown>> {
  const jobs: JobActivities = Object.fromEntries(jobTypes.map((job) => [job.type, asActivity(job.handler)]));
  const builtIn = [readModelActivities, callActivityActivities, calendarActivities, messageBufferActivities].flatMap((activities) => Object.keys(activities));
  for (const name of builtIn) {
    if (name in jobs) throw new Error(`job type ${name} clashes with a built-in activity name`);
  }
  return { ...readModelActivities, ...callActivityActivities, ...calendarActivities, ...messageBufferActivities, ...jobs };
}
