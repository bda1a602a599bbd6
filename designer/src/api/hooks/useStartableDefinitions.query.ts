// Query hook for the processes the caller may start (the start page's choice).
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { listStartableDefinitions, type DefinitionList } from '../definitions';
import type { ProblemError } from '../problem';
import { DEFINITIONS_QUERY_KEY } from './useDefinitions.query';

/** Query key of the startable list (under the definitions key, so a deployment refreshes it too). */
export const STARTABLE_QUERY_KEY = [...DEFINITIONS_QUERY_KEY, 'startable'] as const;

/** The deployed processes the caller may start. */
export function useStartableDefinitions() {
  return useQuery<DefinitionList, ProblemError>({
    queryKey: STARTABLE_QUERY_KEY,
    queryFn: ({ signal }) => bodyOf<DefinitionList>(listStartableDefinitions(), signal),
  });
}
