// Query hook for the org units of one kind (street names for the header, the start page and the task list).
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { listOrgUnits, type OrgUnit } from '../orgUnits';
import type { ProblemError } from '../problem';

/** Query key of the org units of `kind` (all when undefined). */
export const orgUnitsQueryKey = (kind?: OrgUnit['kind']) => ['org-units', kind ?? 'all'] as const;

/** The org units of `kind`; they change rarely, so they stay fresh for ten minutes. */
export function useOrgUnits(kind?: OrgUnit['kind']) {
  return useQuery<OrgUnit[], ProblemError>({
    queryKey: orgUnitsQueryKey(kind),
    queryFn: async ({ signal }) => (await bodyOf<{ items: OrgUnit[] }>(listOrgUnits(kind), signal)).items,
    staleTime: 10 * 60_000,
  });
}
