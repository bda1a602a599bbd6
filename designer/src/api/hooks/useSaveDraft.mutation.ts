// Mutation hook that autosaves the draft of a definition.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { saveDraft, type Draft, type DraftInput } from '../definitions';
import type { ProblemError } from '../problem';
import { draftQueryKey } from './useDraft.query';
import { DRAFTS_QUERY_KEY } from './useDrafts.query';

/** Saves `{ key, xml, baseVersion }` as the draft of `key`; the draft query then holds the saved draft, the draft list is refetched. */
export function useSaveDraft() {
  const queryClient = useQueryClient();
  return useMutation<Draft, ProblemError, DraftInput & { key: string }>({
    mutationFn: ({ key, ...input }) => bodyOf<Draft>(saveDraft(key, input)),
    onSuccess: (draft) => {
      queryClient.setQueryData(draftQueryKey(draft.key), draft);
      void queryClient.invalidateQueries({ queryKey: DRAFTS_QUERY_KEY });
    },
  });
}
