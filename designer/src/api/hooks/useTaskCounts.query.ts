// Query hook for the task list's tab counts (GET /api/tasks/counts), polled with the list.
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { getTaskCounts, type TaskCounts } from '../tasks';
import { TASKS_QUERY_KEY } from './useTasks.query';

/** The caller's tab counts (for `street`, or every street in scope); `refetchInterval` (ms) polls while on screen. */
export function useTaskCounts(street: string | undefined, options: { refetchInterval?: number; enabled?: boolean } = {}) {
  return useQuery<TaskCounts, ProblemError>({
    queryKey: [...TASKS_QUERY_KEY, 'counts', street ?? '*'],
    queryFn: ({ signal }) => bodyOf<TaskCounts>(getTaskCounts(street), signal),
    refetchInterval: options.refetchInterval,
    enabled: options.enabled ?? true,
  });
}
