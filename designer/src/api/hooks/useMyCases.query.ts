// Query hook for the caller's own cases (我的工单), polled so a volunteer taking an order shows without reload.
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { listMyCases, type MyCaseList } from '../myCases';
import type { ProblemError } from '../problem';
import { TASKS_QUERY_KEY } from './useTasks.query';

/** Query key of the caller's cases (under the tasks key: a start, claim or completion refreshes it too). */
export const MY_CASES_QUERY_KEY = [...TASKS_QUERY_KEY, 'my-cases'] as const;

/** The caller's newest cases, refreshed every `refetchInterval` ms while shown. */
export function useMyCases(options: { refetchInterval?: number } = {}) {
  return useQuery<MyCaseList, ProblemError>({
    queryKey: MY_CASES_QUERY_KEY,
    queryFn: ({ signal }) => bodyOf<MyCaseList>(listMyCases(), signal),
    refetchInterval: options.refetchInterval,
  });
}
