// The activities the bpmnProcess workflow calls (contracts/activities.ts types them), with their timeouts and retries.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import {
  BPMN_ERROR_TYPE,
  CALLED_PROCESS_NOT_FOUND,
  type CalendarActivities,
  type CallActivityActivities,
  type ExternalJobActivities,
  type JobActivities,
  type ReadModelActivities,
} from '../contracts/activities';
import type { ExternalJobRoute } from '../engine/model';
import type { MessageBufferActivities } from '../contracts/messageBuffer';

// Timeouts bound how long a killed worker's in-flight activity stalls its case before it is retried elsewhere: read-model
// writes are short (20 s), jobs may run long but heartbeat (activities/index.ts) so a dead worker is noticed in 15 s.

/** The read-model writes of user tasks and their holders. */
export const readModel = proxyActivities<ReadModelActivities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** recordProgress as a local activity: the audit rows and the summary, written from the worker without a task queue round trip. */
export const progress = proxyLocalActivities<Pick<ReadModelActivities, 'recordProgress'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** The definitions-store lookup of call activities: retried while the database is unreachable, not when the process is missing. */
export const calledProcesses = proxyActivities<CallActivityActivities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: [CALLED_PROCESS_NOT_FOUND] },
});

/** The current working-day calendar, read as a local activity before the start of a case that has none in its input. */
export const calendars = proxyLocalActivities<CalendarActivities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const jobProxies = new Map<number, JobActivities>();

/** Job activities, one proxy per retry count (a service task's `retries` is its number of attempts); a BPMN error is never retried. */
export function jobs(retries: number): JobActivities {
  let proxy = jobProxies.get(retries);
  if (!proxy) {
    proxy = proxyActivities<JobActivities>({
      startToCloseTimeout: '5 minutes',
      heartbeatTimeout: '15 seconds',
      retry: { maximumAttempts: Math.max(1, retries), initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: [BPMN_ERROR_TYPE] },
    });
    jobProxies.set(retries, proxy);
  }
  return proxy;
}

const externalProxies = new Map<string, ExternalJobActivities>();

/**
 * External job activities on a route's task queue, one proxy per queue, timeout and retry count: no heartbeat timeout
 * (workers in other SDKs may not heartbeat) and no schedule-to-start limit (a job waits until a worker comes, as in
 * Camunda 8); a failure may set its own `nextRetryDelay`; a BPMN error is never retried.
 */
export function externalJobs(route: ExternalJobRoute, retries: number): ExternalJobActivities {
  const key = JSON.stringify([route.taskQueue, route.timeoutMs, retries]);
  let proxy = externalProxies.get(key);
  if (!proxy) {
    proxy = proxyActivities<ExternalJobActivities>({
      taskQueue: route.taskQueue,
      startToCloseTimeout: route.timeoutMs,
      retry: { maximumAttempts: Math.max(1, retries), initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: [BPMN_ERROR_TYPE] },
    });
    externalProxies.set(key, proxy);
  }
  return proxy;
}

/**
 * The message buffer, taken from when a message subscription opens (retried while the database is unreachable). Not a
 * local activity: the message it returns is applied at the workflow's clock, which for a local activity's result differs
 * between the live run and a replay, so the audit cross-check would find another `at`.
 */
export const messageBuffer = proxyActivities<MessageBufferActivities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
