// Query hook for one task with its form schema and the case's variables.
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { getTask, type TaskDetail } from '../tasks';
import { TASKS_QUERY_KEY } from './useTasks.query';

/** Query key of one task (under the task-list key, so invalidating the lists refreshes it too). */
export const taskQueryKey = (id: string) => [...TASKS_QUERY_KEY, 'detail', id] as const;

/** Task `id`; 404 when it does not exist or lies outside the caller's streets. */
export function useTask(id: string) {
  return useQuery<TaskDetail, ProblemError>({
    queryKey: taskQueryKey(id),
    queryFn: ({ signal }) => bodyOf<TaskDetail>(getTask(id), signal),
  });
}
