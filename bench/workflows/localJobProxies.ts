// Bench-only stand-in for workflows/activityProxies.ts (swapped in by bench/tuning.ts's bundle): jobs run as local
// activities, in the worker that runs the workflow task, with no task-queue round trip and no history events per
// attempt. Not used by Sparrow: a measurement of what local activities would save.
import { proxyLocalActivities } from '@temporalio/workflow';
import { BPMN_ERROR_TYPE, type JobActivities } from '../../contracts/activities';

export { calendars, calledProcesses, progress, readModel } from '../../workflows/activityProxies';

const jobProxies = new Map<number, JobActivities>();

/** Job activities as local activities, one proxy per retry count, with the same timeout and retries as the real ones. */
export function jobs(retries: number): JobActivities {
  let proxy = jobProxies.get(retries);
  if (!proxy) {
    proxy = proxyLocalActivities<JobActivities>({
      startToCloseTimeout: '5 minutes',
      retry: { maximumAttempts: Math.max(1, retries), initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: [BPMN_ERROR_TYPE] },
    });
    jobProxies.set(retries, proxy);
  }
  return proxy;
}
