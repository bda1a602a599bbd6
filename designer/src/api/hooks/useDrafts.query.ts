// Query hook for the list of autosaved drafts (every definition's, from the server).
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { listDrafts, type DraftList } from '../definitions';
import type { ProblemError } from '../problem';

/** Query key of the draft list; invalidate it after a draft is saved or discarded. */
export const DRAFTS_QUERY_KEY = ['drafts'] as const;

/** The drafts; `refetchInterval` (ms) keeps the list fresh while it is on screen. */
export function useDrafts(options: { refetchInterval?: number } = {}) {
  return useQuery<DraftList, ProblemError>({
    queryKey: DRAFTS_QUERY_KEY,
    queryFn: ({ signal }) => bodyOf<DraftList>(listDrafts(), signal),
    refetchInterval: options.refetchInterval,
  });
}
