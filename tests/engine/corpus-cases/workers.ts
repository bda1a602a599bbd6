// Test job workers for corpus models: what the upstream tests' workers do, as Sparrow job types that record each call.
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { JobType } from '../../../activities/jobs';
import type { JobInput } from '../../../contracts/activities';
import type { Variables } from '../../../engine/interpreter/types';

/** What a worker does with one activation of a job; `attempt` counts from 1 (Temporal's activity attempt). */
export type JobBehaviour = (input: JobInput, attempt: number) => Promise<Variables>;

/** One activation of a job as the worker saw it. */
export interface JobCall {
  instanceId: string;
  elementId: string;
  jobType: string;
  attempt: number;
  headers: Record<string, string>;
  variables: Variables;
}

/** Completes the job without variables (`job.complete()`). */
export const completes: JobBehaviour = async () => ({});

/** Completes the job with the variables it was given (`job.complete(job.variables)`). */
export const echoes: JobBehaviour = async (input) => input.variables;

/** Completes the job with `conditionVariable: false` (`job.complete({ conditionVariable: false })`). */
export const setsConditionFalse: JobBehaviour = async () => ({ conditionVariable: false });

/** Fails every activation before `attempt` (`job.fail()`, a retry), then behaves as `then`. */
export function failsBefore(attempt: number, then: JobBehaviour): JobBehaviour {
  return async (input, current) => {
    if (current < attempt) throw new Error(`job ${input.jobType} fails attempt ${current} on purpose`);
    return then(input, current);
  };
}

/** Fails with no retries left (`job.fail(message, 0)`): the element gets an incident. */
export const failsWithoutRetries: JobBehaviour = async (input) => {
  throw ApplicationFailure.nonRetryable(`job ${input.jobType} raises an incident on purpose`, 'CorpusJobFailure');
};

/** Never answers (a job no worker services): the activation ends only when it is cancelled or the worker stops. */
export const neverCompletes: JobBehaviour = () => Context.current().cancelled;

/** Builds one job type per distinct type name, each recording its calls in `log`; a type given two behaviours is an error. */
export function recordingJobTypes(behaviours: Array<Record<string, JobBehaviour>>, log: JobCall[]): JobType[] {
  const byType = new Map<string, JobBehaviour>();
  for (const jobs of behaviours) {
    for (const [type, behaviour] of Object.entries(jobs)) {
      const known = byType.get(type);
      if (known && known !== behaviour) throw new Error(`job type ${type} is given two different behaviours by the corpus cases`);
      byType.set(type, behaviour);
    }
  }
  return [...byType].map(([type, behaviour]) => ({
    type,
    title: { 'zh-CN': type, en: type },
    description: { 'zh-CN': '语料测试作业', en: 'corpus test job' },
    async handler(input) {
      const attempt = Context.current().info.attempt;
      const { instanceId, elementId, jobType, headers, variables } = input;
      log.push({ instanceId, elementId, jobType, attempt, headers, variables });
      return behaviour(input, attempt);
    },
  }));
}
