// The REST job API for HTTP-only job workers (Camunda 8 style: activate, complete, fail, throw a BPMN error), for
// accounts with the role job-worker scoped to job types, and the job type registry for designers.
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { activateJobsReply, JOB_ACTIVATION_LIMITS as LIMITS, jobTypeName, jobTypesReply } from '../../contracts/api/jobs';
import { JOB_TYPE_READERS, JOB_WORKERS } from '../../contracts/roles';
import { createLogger } from '../../platform/logger';
import { type AnyRoute, reply, route } from '../http/route';
import { variables } from '../http/schemas';
import { activateJobs } from '../services/jobActivation';
import { JobBridge } from '../services/jobBridge';
import { completeJob, failJob, throwJobError } from '../services/jobReports';
import { storePolledJob } from '../services/jobRows';
import { listJobTypes } from '../services/jobTypeRegistry';

const jobKeyParams = z.object({ jobKey: z.string().min(1).max(500) });
const errorMessage = z.string().max(10_000);

const activationBody = z.object({
  type: jobTypeName,
  worker: z.string().min(1).max(200).describe('the name of the worker, shown in the job type registry'),
  maxJobsToActivate: z.number().int().min(1).max(LIMITS.maxJobsToActivate),
  timeout: z.number().int().min(1_000).max(LIMITS.maxLockMs).describe('how long the worker holds the jobs (ms); then they are free again, under the same key'),
  fetchVariable: z.array(z.string().min(1).max(200)).max(LIMITS.maxFetchVariables).optional().describe('the variables to hand over (all when absent or empty)'),
  requestTimeout: z
    .number()
    .int()
    .min(0)
    .max(LIMITS.maxRequestTimeoutMs)
    .default(LIMITS.defaultRequestTimeoutMs)
    .describe('how long to wait for a job when none is ready (ms; 0: answer at once)'),
});

/** Who may report on a job, and what else they get. */
const REPORT_PROBLEMS = 'only the account holding its lock (404 job-not-found; 403 job-type-out-of-scope; 409 job-not-activated, job-locked-by-other, job-lock-expired, job-no-longer-active)';

/** The job routes; activations long-poll the job types' Temporal task queues through one bridge per app. */
export function jobRoutes(client: Client, taskQueue: string): AnyRoute[] {
  const bridge = new JobBridge(client, storePolledJob, createLogger('job-bridge'));
  return [
    route({
      method: 'post',
      path: '/jobs/activation',
      summary:
        'Activates jobs of an external job type for the calling worker (role job-worker, the type among its job types): jobs ready now, else waits up to requestTimeout for one',
      tag: 'jobs',
      access: JOB_WORKERS,
      body: activationBody,
      responses: { 200: { description: 'the jobs now held by the worker (none when none came in time)', schema: activateJobsReply } },
      problems: [422],
      handler: ({ body, user }) => activateJobs(bridge, user, body),
    }),
    route({
      method: 'post',
      path: '/jobs/:jobKey/completion',
      summary: `Completes a job with variables, which the case sets as the job's result; ${REPORT_PROBLEMS}`,
      tag: 'jobs',
      access: JOB_WORKERS,
      params: jobKeyParams,
      body: z.object({ variables: variables.default({}) }),
      responses: { 204: { description: 'completed' } },
      problems: [404, 409],
      handler: async ({ params, body, user }) => {
        await completeJob(client, user, params.jobKey, body.variables);
        return reply(204);
      },
    }),
    route({
      method: 'post',
      path: '/jobs/:jobKey/failure',
      summary: `Fails a job: with retries left it runs again after retryBackOff ms (while the task's retries allow), with none the task gets an incident; ${REPORT_PROBLEMS}`,
      tag: 'jobs',
      access: JOB_WORKERS,
      params: jobKeyParams,
      // Strict: Camunda 8's fail job also takes variables, which Sparrow does not set from a failure — refused, not dropped.
      body: z.strictObject({
        retries: z.number().int().min(0).max(1_000).default(0).describe('retries left; 0 (the default, as in Camunda 8): give up (an incident)'),
        errorMessage: errorMessage.default(''),
        retryBackOff: z.number().int().min(0).max(LIMITS.maxLockMs).default(0).describe('wait before the next attempt (ms; 0: the task\'s backoff)'),
      }),
      responses: { 204: { description: 'failed' } },
      problems: [404, 409],
      handler: async ({ params, body, user }) => {
        await failJob(client, user, params.jobKey, body);
        return reply(204);
      },
    }),
    route({
      method: 'post',
      path: '/jobs/:jobKey/error',
      summary: `Throws a BPMN error from a job: an error boundary event or error event subprocess of its code takes over with the variables, else the task gets an incident; ${REPORT_PROBLEMS}`,
      tag: 'jobs',
      access: JOB_WORKERS,
      params: jobKeyParams,
      body: z.object({ errorCode: z.string().min(1).max(200), errorMessage: errorMessage.optional(), variables: variables.optional() }),
      responses: { 204: { description: 'thrown' } },
      problems: [404, 409],
      handler: async ({ params, body, user }) => {
        await throwJobError(client, user, params.jobKey, body);
        return reply(204);
      },
    }),
    route({
      method: 'get',
      path: '/job-types',
      summary: 'The job type registry: built-in types and the external types deployed processes name, with their task queue and who serves them',
      tag: 'jobs',
      access: JOB_TYPE_READERS,
      responses: { 200: { description: 'job types', schema: jobTypesReply } },
      handler: async () => ({ items: await listJobTypes(client, taskQueue) }),
    }),
  ];
}
