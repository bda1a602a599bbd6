// Activating jobs for a REST job worker (Camunda 8's POST /jobs/activation): stored jobs no one holds first, else a
// long poll of the type's Temporal task queue until one arrives or the request's time is up.
import type { ActivatedJob } from '../../contracts/api/jobs';
import { BUILTIN_JOB_TYPE_NAMES } from '../../contracts/jobTypes';
import { forbidden, unprocessable } from '../../platform/errors';
import { externalJobRoute } from '../../platform/jobRouting';
import { isDuplicateKey } from '../../store/duplicateKey';
import { type JobDoc, JobWorker } from '../../store/models';
import { mayRunJobType, type Principal } from '../auth/principal';
import type { JobBridge } from './jobBridge';
import { claimStoredJobs, nextLockExpiry } from './jobRows';

/** The shortest wait before looking again for a job whose lock ran out (ms). */
const LOCK_RECHECK_MIN_MS = 50;

/** What a worker asks for. */
export interface ActivationRequest {
  type: string;
  worker: string;
  maxJobsToActivate: number;
  /** How long the worker holds each job (ms). */
  timeout: number;
  /** The variables to hand over (all the task sees when absent or empty). */
  fetchVariable?: string[];
  /** How long to wait for a job when none is stored (ms). */
  requestTimeout: number;
}

/** Refuses a caller whose job types do not include `type` (403 naming it). */
export function assertMayRunJobType(user: Principal, type: string): void {
  if (!mayRunJobType(user, type)) {
    throw forbidden(`job type ${type} is not among the job types of ${user.username} (ask an admin to add it to the account's jobTypes)`, 'job-type-out-of-scope');
  }
}

/** How many attempts a job has left, this one included (Camunda's `retries`). */
export const retriesLeft = (row: Pick<JobDoc, 'retries' | 'attempt'>) => Math.max(1, Math.max(1, row.retries) - row.attempt + 1);

/** A stored job as the worker gets it, with only the variables it asked for. */
export function activatedJobView(row: JobDoc, fetchVariable?: string[]): ActivatedJob {
  const all = JSON.parse(row.variablesJson) as Record<string, unknown>;
  const variables = fetchVariable && fetchVariable.length > 0 ? Object.fromEntries(fetchVariable.filter((name) => Object.hasOwn(all, name)).map((name) => [name, all[name]])) : all;
  return {
    jobKey: row._id,
    type: row.type,
    processInstanceKey: row.instanceId,
    bpmnProcessId: row.bpmnProcessId,
    elementId: row.elementId,
    elementInstanceKey: row.elementInstanceId,
    customHeaders: JSON.parse(row.headersJson) as Record<string, string>,
    variables,
    retries: retriesLeft(row),
    deadline: (row.lockedUntil as Date).getTime(),
    worker: row.worker ?? '',
  };
}

/** Records that `worker` of `username` asked for jobs of `type` now (for the job type registry). */
async function recordWorkerSeen(type: string, worker: string, username: string): Promise<void> {
  const _id = `${type}|${worker}|${username}`;
  const set = { type, worker, username, lastSeenAt: new Date() };
  try {
    await JobWorker.updateOne({ _id }, { $set: set }, { upsert: true });
  } catch (error) {
    // FerretDB v1 runs an upsert as a find then an insert: a concurrent first sighting inserted the row
    if (!isDuplicateKey(error)) throw error;
    await JobWorker.updateOne({ _id }, { $set: set });
  }
}

/** Activates up to `maxJobsToActivate` jobs of `type` for the caller; an empty list when none came in time. */
export async function activateJobs(bridge: JobBridge, user: Principal, request: ActivationRequest): Promise<{ jobs: ActivatedJob[] }> {
  const { type } = request;
  assertMayRunJobType(user, type);
  if (BUILTIN_JOB_TYPE_NAMES.has(type)) {
    throw unprocessable('job-type-builtin', `job type ${type} is run by Sparrow's own worker; the REST job API serves external job types only`);
  }
  await recordWorkerSeen(type, request.worker, user.username);
  const holder = { username: user.username, worker: request.worker, lockMs: request.timeout };
  const queue = externalJobRoute(type).taskQueue;
  const deadline = Date.now() + request.requestTimeout;
  let rows = await claimStoredJobs(type, holder, request.maxJobsToActivate);
  while (rows.length === 0) {
    // wait for Temporal to hand out a job, or until a held job's lock runs out (then it is free again)
    const freed = await nextLockExpiry(type);
    const left = deadline - Date.now();
    const wait = freed ? Math.min(left, Math.max(LOCK_RECHECK_MIN_MS, freed.getTime() - Date.now() + LOCK_RECHECK_MIN_MS)) : left;
    const row = await bridge.waitForJob(queue, type, holder, wait);
    // with the job that came, whatever else is stored and free (up to the number asked for)
    if (row) rows = [row, ...(request.maxJobsToActivate > 1 ? await claimStoredJobs(type, holder, request.maxJobsToActivate - 1) : [])];
    else if (Date.now() >= deadline) break;
    else rows = await claimStoredJobs(type, holder, request.maxJobsToActivate);
  }
  return { jobs: rows.map((row) => activatedJobView(row, request.fetchVariable)) };
}
