// Mutation hook that claims a task for the signed-in user.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { claimTask, type Task } from '../tasks';
import { TASKS_QUERY_KEY } from './useTasks.query';

/** Claims task `id`; every task query is refreshed. A 409 `task-claimed` means someone was quicker. */
export function useClaimTask() {
  const queryClient = useQueryClient();
  return useMutation<Task, ProblemError, string>({
    mutationFn: (id) => bodyOf<Task>(claimTask(id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TASKS_QUERY_KEY }),
  });
}
