// Mutation hook that completes a task with its form data.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { type CompletedTask, completeTask } from '../tasks';
import { CASES_QUERY_KEY } from './useCase.query';
import { TASKS_QUERY_KEY } from './useTasks.query';

/** What completing needs: the task, the form's data, and a key that makes a retried click harmless. */
export interface CompleteTaskInput {
  id: string;
  variables: Record<string, unknown>;
  idempotencyKey: string;
}

/** Completes a task; task and case queries are refreshed. A 422 `invalid-form-data` carries `errors[].path`. */
export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation<CompletedTask, ProblemError, CompleteTaskInput>({
    mutationFn: ({ id, variables, idempotencyKey }) => bodyOf<CompletedTask>(completeTask(id, variables, idempotencyKey)),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: TASKS_QUERY_KEY }), queryClient.invalidateQueries({ queryKey: CASES_QUERY_KEY })]),
  });
}
