// Query hook for what starting a case of one process needs: its description and start form.
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { getStartInfo, type StartInfo } from '../definitions';
import type { ProblemError } from '../problem';
import { DEFINITIONS_QUERY_KEY } from './useDefinitions.query';

/** Query key of one process's start page. */
export const startInfoQueryKey = (key: string) => [...DEFINITIONS_QUERY_KEY, 'start', key] as const;

/** The start page of process `key` (nothing is fetched while `key` is empty). */
export function useStartInfo(key: string | undefined) {
  return useQuery<StartInfo, ProblemError>({
    queryKey: startInfoQueryKey(key ?? ''),
    queryFn: ({ signal }) => bodyOf<StartInfo>(getStartInfo(key ?? ''), signal),
    enabled: Boolean(key),
  });
}
