// The case search's filters and their query strings for GET /api/instances (pure).
import type { CaseSearchParams } from '../../api/audit';

/** Case statuses one can search for (the server's INSTANCE_STATUSES). */
export const CASE_STATUSES = ['running', 'incident', 'completed', 'cancelled', 'failed'] as const;

/** What the auditor searches by; absent fields do not filter. Times are ISO instants, `startedTo` exclusive. */
export interface CaseSearch {
  definitionKey?: string;
  street?: string;
  status?: (typeof CASE_STATUSES)[number];
  businessKeyPrefix?: string;
  startedFrom?: string;
  startedTo?: string;
  page: number;
  size: number;
}

const FILTERS = ['definitionKey', 'street', 'status', 'businessKeyPrefix', 'startedFrom', 'startedTo'] as const;
/** The first page of 20 without filters. */
export const EMPTY_SEARCH: CaseSearch = { page: 1, size: 20 };

/** The query strings of `search` (empty filters left out), for the API and the page's URL alike. */
export function caseSearchParams(search: CaseSearch): CaseSearchParams {
  const params: CaseSearchParams = {};
  for (const name of FILTERS) {
    const value = search[name]?.trim();
    if (value) params[name] = value;
  }
  params.page = String(search.page);
  params.size = String(search.size);
  return params;
}
