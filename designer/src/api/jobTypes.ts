// Request builder and types of the job type registry (任务类型): built-in and external job types and who serves them.
import type { z } from 'zod';
import type { jobTypesReply, jobTypeView } from '../../../contracts/api/jobs';
import type { RequestBuilder } from './request';

/** One job type as `GET /api/job-types` lists it. */
export type JobTypeInfo = z.output<typeof jobTypeView>;

/** The answer of `GET /api/job-types`. */
export type JobTypeList = z.output<typeof jobTypesReply>;

/** Every job type: built-in ones, then the external ones deployed processes name (designers and admins). */
export function listJobTypes(): RequestBuilder {
  return { method: 'GET', url: '/api/job-types' };
}
