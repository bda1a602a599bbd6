// Query hooks for what an auditor reads of one case: its audit chain, and its history with the timeline.
import { useQuery } from '@tanstack/react-query';
import { type CaseAudit, type CaseHistory, getCaseAudit, getCaseHistory } from '../audit';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';

/** The audit chain (rows and seal) of case `id`. */
export function useCaseAudit(id: string) {
  return useQuery<CaseAudit, ProblemError>({
    queryKey: ['cases', id, 'audit'],
    queryFn: ({ signal }) => bodyOf<CaseAudit>(getCaseAudit(id), signal),
  });
}

/** The Temporal history and timeline of case `id` (the server replays the history: it may take a few seconds). */
export function useCaseHistory(id: string) {
  return useQuery<CaseHistory, ProblemError>({
    queryKey: ['cases', id, 'history'],
    queryFn: ({ signal }) => bodyOf<CaseHistory>(getCaseHistory(id), signal),
  });
}
