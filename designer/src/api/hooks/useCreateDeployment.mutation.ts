// Mutation hook that deploys BPMN XML and refreshes the definition list and the definition's versions.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createDeployment, type Deployment, type DeploymentInput } from '../deployments';
import type { ProblemError } from '../problem';
import { request } from '../request';
import { DEFINITIONS_QUERY_KEY } from './useDefinitions.query';

/** A deployment's answer plus whether it made a new version (201) or matched an existing one (200). */
export interface DeploymentResult extends Deployment {
  created: boolean;
}

/** Deploys XML; on success every definition query is refetched. Errors are ProblemErrors (422 carries `problems`). */
export function useCreateDeployment() {
  const queryClient = useQueryClient();
  return useMutation<DeploymentResult, ProblemError, DeploymentInput>({
    mutationFn: async (input) => {
      const { response, error } = await request<Deployment>(createDeployment(input));
      if (error) throw error;
      return { ...response.body, created: response.status === 201 };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEFINITIONS_QUERY_KEY }),
  });
}
