// Query hook for the list of deployed process definitions.
import { useQuery } from '@tanstack/react-query';
import { listDefinitions, type DefinitionList } from '../definitions';
import type { ProblemError } from '../problem';
import { request } from '../request';

/** Query key of the definition list; invalidate it after anything that deploys. */
export const DEFINITIONS_QUERY_KEY = ['definitions'] as const;

/** The deployed definitions; `refetchInterval` (ms) keeps the list fresh while it is on screen. */
export function useDefinitions(options: { refetchInterval?: number } = {}) {
  return useQuery<DefinitionList, ProblemError>({
    queryKey: DEFINITIONS_QUERY_KEY,
    queryFn: async ({ signal }) => {
      const { response, error } = await request<DefinitionList>(listDefinitions(), { signal });
      if (error) throw error;
      return response.body;
    },
    refetchInterval: options.refetchInterval,
  });
}
