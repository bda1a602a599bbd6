// Job types for specs: a JobType around a plain async handler, named only by its type.
import type { JobHandler, JobType } from '../../activities/jobs';

/** A test job type: `type` runs `handler` (count attempts or record inputs in the caller's closure). */
export function testJob(type: string, handler: JobHandler): JobType {
  return { type, title: { 'zh-CN': type, en: type }, description: { 'zh-CN': type, en: type }, handler };
}
