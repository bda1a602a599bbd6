// Query hook for a page of tasks (a task-list tab with its filters), polled so new tasks appear without reload.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { listTasks, type TaskList, type TaskListParams } from '../tasks';

/** Query key of every task list; invalidate it after a claim, unclaim, completion or start. */
export const TASKS_QUERY_KEY = ['tasks'] as const;

/** Query key of one task list query. */
export const tasksQueryKey = (params: TaskListParams) => [...TASKS_QUERY_KEY, 'list', params] as const;

/** The tasks matching `params`; `refetchInterval` (ms) polls while the list is on screen. */
export function useTasks(params: TaskListParams, options: { refetchInterval?: number; enabled?: boolean } = {}) {
  return useQuery<TaskList, ProblemError>({
    queryKey: tasksQueryKey(params),
    queryFn: ({ signal }) => bodyOf<TaskList>(listTasks(params), signal),
    refetchInterval: options.refetchInterval,
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
  });
}
