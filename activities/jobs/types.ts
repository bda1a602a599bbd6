// The contract of a job handler: what a service task's activity receives (contracts/activities.ts) and returns.
import type { JobActivity } from '../../contracts/activities';

/** A job handler: runs the work of a service task and returns variables to set in the case. */
export type JobHandler = JobActivity;

/** A registered job type: its handler plus what the designer shows for it. */
export interface JobType {
  type: string;
  title: { 'zh-CN': string; en: string };
  description: { 'zh-CN': string; en: string };
  handler: JobHandler;
}
