// Query hook for the list of deployed process definitions.
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { listDefinitions, type DefinitionList } from '../definitions';
import type { ProblemError } from '../problem';

/** Query key of the definition list; invalidate it after anything that deploys. */
export const DEFINITIONS_QUERY_KEY = ['definitions'] as const;

/**
 * The deployed definitions; `refetchInterval` (ms) keeps the list fresh while it is on screen. Pass `enabled: false`
 * for a user whose roles may not read definitions (the server would answer 403).
 */
export function useDefinitions(options: { refetchInterval?: number; enabled?: boolean } = {}) {
  return useQuery<DefinitionList, ProblemError>({
    queryKey: DEFINITIONS_QUERY_KEY,
    queryFn: ({ signal }) => bodyOf<DefinitionList>(listDefinitions(), signal),
    refetchInterval: options.refetchInterval,
    enabled: options.enabled ?? true,
  });
}
