// Request builder and types for the caller's own cases (我的工单): GET /api/me/cases.
import type { z } from 'zod';
import type { myCaseStep, myCaseView } from '../../../contracts/api/myCases';
import type { RequestBuilder } from './request';

/** One case the caller started, with its open steps and a completed case's rating. */
export type MyCase = z.output<typeof myCaseView>;
/** An open step of one's own case. */
export type MyCaseStep = z.output<typeof myCaseStep>;

/** Body of `GET /api/me/cases`. */
export interface MyCaseList {
  items: MyCase[];
  page: number;
  size: number;
  total: number;
}

/** The caller's newest cases (at most 50). */
export function listMyCases(): RequestBuilder {
  return { method: 'GET', url: '/api/me/cases?size=50' };
}
