// Mutation hook that starts a case of a deployed process.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { startCase, type StartCaseInput, type StartedCase } from '../instances';
import type { ProblemError } from '../problem';
import { TASKS_QUERY_KEY } from './useTasks.query';

/** Starts a case; `idempotencyKey` makes a retried click harmless. Task lists are refreshed (the case may open tasks). */
export function useStartCase() {
  const queryClient = useQueryClient();
  return useMutation<StartedCase, ProblemError, StartCaseInput & { idempotencyKey: string }>({
    mutationFn: ({ idempotencyKey, ...input }) => bodyOf<StartedCase>(startCase(input, idempotencyKey)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TASKS_QUERY_KEY }),
  });
}
