// Query hook for the version history of one definition.
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { listVersions, type VersionSummary } from '../definitions';
import type { ProblemError } from '../problem';

/** Query key of a definition's version list; invalidate it after deploying that definition. */
export const versionsQueryKey = (key: string) => ['definitions', key, 'versions'] as const;

/** Every version of `key`, newest first (404 when it was never deployed). */
export function useVersions(key: string) {
  return useQuery<VersionSummary[], ProblemError>({
    queryKey: versionsQueryKey(key),
    queryFn: async ({ signal }) => (await bodyOf<{ items: VersionSummary[] }>(listVersions(key), signal)).items,
  });
}
