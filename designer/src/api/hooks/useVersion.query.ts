// Query hook for one deployed version (with XML) of a definition.
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { getVersion, type VersionView } from '../definitions';
import type { ProblemError } from '../problem';

/** Query key of one version; `latest` for the newest one. */
export const versionQueryKey = (key: string, version: number | 'latest') => ['definitions', key, 'version', version] as const;

/** Version `version` of `key` (the latest when undefined); `enabled: false` waits. A 404 is an error like any other. */
export function useVersion(key: string, version?: number, options: { enabled?: boolean } = {}) {
  return useQuery<VersionView, ProblemError>({
    queryKey: versionQueryKey(key, version ?? 'latest'),
    queryFn: ({ signal }) => bodyOf<VersionView>(getVersion(key, version), signal),
    enabled: options.enabled ?? true,
    staleTime: version === undefined ? 0 : Infinity,
  });
}
