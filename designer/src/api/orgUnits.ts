// Request builder and types for the org-unit list (streets, communities, departments).
import type { z } from 'zod';
import type { orgUnitView } from '../../../contracts/api/orgUnits';
import type { RequestBuilder } from './request';

/** One org unit: id, name, kind and parent. */
export type OrgUnit = z.output<typeof orgUnitView>;

/** The org units of one kind (all of them when `kind` is omitted). */
export function listOrgUnits(kind?: OrgUnit['kind']): RequestBuilder {
  return { method: 'GET', url: kind ? `/api/org-units?kind=${encodeURIComponent(kind)}` : '/api/org-units' };
}
