// A REST job worker reports on a job it holds: completed with variables, failed (retried after a backoff while it has
// retries left, else an incident), or a BPMN error; each goes to Temporal through the job's task token.
import { ActivityNotFoundError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { BPMN_ERROR_TYPE } from '../../contracts/activities';
import { conflict, notFound } from '../../platform/errors';
import { Job, type JobDoc } from '../../store/models';
import type { Principal } from '../auth/principal';
import { assertMayRunJobType } from './jobActivation';
import { removeJob } from './jobRows';

/** The ApplicationFailure type of a job a REST worker reported failed. */
export const JOB_FAILED_TYPE = 'JobFailed';

/** The caller's job `jobKey`, refused unless the caller holds its lock now (404 unknown, 403 out of scope, 409 not held). */
async function heldJob(user: Principal, jobKey: string): Promise<JobDoc> {
  const row = await Job.findById(jobKey).lean<JobDoc>();
  if (!row) throw notFound(`job ${jobKey}`, 'job-not-found');
  assertMayRunJobType(user, row.type);
  const now = Date.now();
  if (!row.lockedBy || !row.lockedUntil) {
    throw conflict('job-not-activated', `job ${jobKey} is not held by any worker (its lock ran out or a new attempt began); activate jobs of type ${row.type} to take it`);
  }
  if (row.lockedBy !== user.username) {
    throw conflict('job-locked-by-other', `job ${jobKey} is held by another worker until ${row.lockedUntil.toISOString()}`);
  }
  if (row.lockedUntil.getTime() <= now) {
    throw conflict('job-lock-expired', `your lock on job ${jobKey} ran out at ${row.lockedUntil.toISOString()}; activate it again to report on it`);
  }
  return row;
}

/** Sends a report for the caller's held job to Temporal and removes the job's row (a job the case stopped waiting for: 409). */
async function report(user: Principal, jobKey: string, send: (taskToken: Uint8Array) => Promise<void>): Promise<void> {
  const row = await heldJob(user, jobKey);
  try {
    await send(Buffer.from(row.taskToken, 'base64'));
  } catch (error) {
    if (!(error instanceof ActivityNotFoundError)) throw error;
    await removeJob(row._id, row.taskToken);
    throw conflict(
      'job-no-longer-active',
      `case ${row.instanceId} no longer waits for job ${jobKey}: the case was cancelled, the task was left (a boundary event), or this attempt timed out in Temporal`,
    );
  }
  await removeJob(row._id, row.taskToken);
}

/** Completes the caller's job with `variables` (they are set in the case as a job's result). */
export function completeJob(client: Client, user: Principal, jobKey: string, variables: Record<string, unknown>): Promise<void> {
  return report(user, jobKey, (token) => client.activity.complete(token, variables));
}

/** What a worker says about a failed job: retries left (0: give up, an incident) and how long to wait before the next attempt. */
export interface JobFailure {
  retries: number;
  errorMessage: string;
  retryBackOff: number;
}

/**
 * Fails the caller's job: with retries left, Temporal runs it again after `retryBackOff` ms (as long as the task's own
 * retries in the model allow: the attempts are Temporal's); with none, the failure is not retried and the task gets an
 * incident.
 */
export function failJob(client: Client, user: Principal, jobKey: string, failure: JobFailure): Promise<void> {
  const message = failure.errorMessage || `job ${jobKey} failed`;
  const error =
    failure.retries <= 0
      ? ApplicationFailure.create({ message, type: JOB_FAILED_TYPE, nonRetryable: true })
      : ApplicationFailure.create({ message, type: JOB_FAILED_TYPE, nonRetryable: false, nextRetryDelay: failure.retryBackOff > 0 ? failure.retryBackOff : undefined });
  return report(user, jobKey, (token) => client.activity.fail(token, error));
}

/** Throws a BPMN error from the caller's job: an error boundary event or event subprocess of `errorCode` catches it, else an incident. */
export function throwJobError(client: Client, user: Principal, jobKey: string, error: { errorCode: string; errorMessage?: string; variables?: Record<string, unknown> }): Promise<void> {
  const failure = ApplicationFailure.create({
    message: error.errorMessage || `BPMN error ${error.errorCode}`,
    type: BPMN_ERROR_TYPE,
    nonRetryable: true,
    details: error.variables ? [error.errorCode, error.variables] : [error.errorCode],
  });
  return report(user, jobKey, (token) => client.activity.fail(token, failure));
}
