// Query hook for one task with its form schema and the case's variables.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { getTask, type TaskDetail } from '../tasks';
import { TASKS_QUERY_KEY } from './useTasks.query';

/** Query key of one task (under the task-list key, so invalidating the lists refreshes it too). */
export const taskQueryKey = (id: string) => [...TASKS_QUERY_KEY, 'detail', id] as const;

/** The query of task `id` (the boot starts it when the URL names a task; useTask reads it). */
export const taskQuery = (id: string) =>
  queryOptions<TaskDetail, ProblemError>({
    queryKey: taskQueryKey(id),
    queryFn: ({ signal }) => bodyOf<TaskDetail>(getTask(id), signal),
    // Fresh for the moment between the boot's prefetch and the page's mount (changes invalidate it at once).
    staleTime: 5_000,
  });

/** Task `id`; 404 when it does not exist or lies outside the caller's streets. */
export function useTask(id: string) {
  return useQuery(taskQuery(id));
}
