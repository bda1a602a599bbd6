// Query hook for one case with its workflow state; polled while the case runs.
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { caseStatusOf, getCase, type CaseView } from '../instances';
import type { ProblemError } from '../problem';

/** Query key of every case query; invalidate it after completing a task or starting a case. */
export const CASES_QUERY_KEY = ['cases'] as const;

/** Query key of one case. */
export const caseQueryKey = (id: string) => [...CASES_QUERY_KEY, id] as const;

const RUNNING_POLL_MS = 3000;

/** Case `id` (404 outside the caller's streets); refetched every few seconds until it has ended. */
export function useCase(id: string, options: { enabled?: boolean } = {}) {
  return useQuery<CaseView, ProblemError>({
    queryKey: caseQueryKey(id),
    queryFn: ({ signal }) => bodyOf<CaseView>(getCase(id), signal),
    enabled: options.enabled ?? true,
    refetchInterval: (query) => (query.state.data && caseStatusOf(query.state.data) !== 'running' ? false : RUNNING_POLL_MS),
  });
}
