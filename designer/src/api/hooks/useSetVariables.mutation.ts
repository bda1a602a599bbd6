// Mutation hook that sets variables of a case by hand (修改变量); the case is refetched so its page shows them.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { type SetVariablesInput, setVariables } from '../variables';
import { caseQueryKey } from './useCase.query';

/** Sets variables of case `instanceId`, then refetches the case. */
export function useSetVariables(instanceId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ProblemError, SetVariablesInput>({
    mutationFn: (input) => bodyOf<unknown>(setVariables(instanceId, input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseQueryKey(instanceId) }),
  });
}
