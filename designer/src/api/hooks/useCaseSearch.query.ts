// Query hook for one page of the auditors' case search.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type CaseSearchPage, type CaseSearchParams, searchCases } from '../audit';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';

/** The cases matching `params` (server-side filters and paging); the previous page stays shown while the next loads. */
export function useCaseSearch(params: CaseSearchParams) {
  return useQuery<CaseSearchPage, ProblemError>({
    queryKey: ['cases', 'search', params],
    queryFn: ({ signal }) => bodyOf<CaseSearchPage>(searchCases(params), signal),
    placeholderData: keepPreviousData,
  });
}
