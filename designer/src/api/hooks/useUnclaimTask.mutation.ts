// Mutation hook that gives a claimed task back to its candidates.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { type Task, unclaimTask } from '../tasks';
import { TASKS_QUERY_KEY } from './useTasks.query';

/** Unclaims task `id`; every task query is refreshed. */
export function useUnclaimTask() {
  const queryClient = useQueryClient();
  return useMutation<Task, ProblemError, string>({
    mutationFn: (id) => bodyOf<Task>(unclaimTask(id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TASKS_QUERY_KEY }),
  });
}
