// Query hook for the autosaved draft of a definition.
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { getDraft, type Draft } from '../definitions';
import { ProblemError } from '../problem';

/** Query key of the draft of `key`; the save mutation writes it. */
export const draftQueryKey = (key: string) => ['definitions', key, 'draft'] as const;

async function draftOrNull(key: string, signal: AbortSignal): Promise<Draft | null> {
  try {
    return await bodyOf<Draft>(getDraft(key), signal);
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) return null;
    throw error;
  }
}

/** The draft of `key`, or null when it has none. */
export function useDraft(key: string, options: { enabled?: boolean } = {}) {
  return useQuery<Draft | null, ProblemError>({
    queryKey: draftQueryKey(key),
    queryFn: ({ signal }) => draftOrNull(key, signal),
    enabled: options.enabled ?? true,
    staleTime: 0,
  });
}
