// The registry of job types Sparrow's worker runs: a handler for each built-in job type contracts/jobTypes.ts names.
import { BUILTIN_JOB_TYPES, type BuiltinJobTypeName } from '../../contracts/jobTypes';
import { httpJob } from './http';
import { notify } from './notify';
import type { JobHandler, JobType } from './types';

/** The handler of each built-in job type: a name contracts/jobTypes.ts lists without a handler here (or a handler for a name it does not list) fails the type check. */
const HANDLERS: Record<BuiltinJobTypeName, JobHandler> = { 'sparrow.notify': notify, 'sparrow.http': httpJob };

/** Job types shipped with Sparrow: contracts/jobTypes.ts's list, each with its handler. */
export const builtinJobTypes: JobType[] = BUILTIN_JOB_TYPES.map(({ type, title, description }) => ({ type, title, description, handler: HANDLERS[type] }));

export type { JobHandler, JobType } from './types';
