// The contract of a job handler: what a service task's activity receives and returns.
import type { Localized } from '../../contracts/jobTypes';
import type { Variables } from '../../engine/interpreter/types';

/** What a job handler is given: the case, the element, its headers and the variables it can see. */
export interface JobInput {
  /** Stable across activity retries and replays: use it to make side effects idempotent. */
  jobKey: string;
  instanceId: string;
  elementId: string;
  jobType: string;
  headers: Record<string, string>;
  variables: Variables;
}

/** A job handler: runs the work of a service task and returns variables to set in the case. */
export type JobHandler = (input: JobInput) => Promise<Variables>;

/** A registered job type: its handler plus what the designer shows for it. */
export interface JobType {
  type: string;
  title: Localized;
  description: Localized;
  handler: JobHandler;
}
