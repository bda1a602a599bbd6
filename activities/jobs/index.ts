// The registry of job types Sparrow's worker runs; a service task's type must name one of these.
import { notify } from './notify';
import type { JobType } from './types';

/** Job types shipped with Sparrow. */
export const builtinJobTypes: JobType[] = [notify];

export type { JobHandler, JobInput, JobType } from './types';
