// Mutation hook that discards the draft of a definition.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { deleteDraft } from '../definitions';
import type { ProblemError } from '../problem';
import { draftQueryKey } from './useDraft.query';
import { DRAFTS_QUERY_KEY } from './useDrafts.query';

/** Discards the draft of the given key; then that key has no draft and the draft list is refetched. */
export function useDeleteDraft() {
  const queryClient = useQueryClient();
  return useMutation<void, ProblemError, string>({
    mutationFn: (key) => bodyOf<void>(deleteDraft(key)),
    onSuccess: async (_, key) => {
      queryClient.setQueryData(draftQueryKey(key), null);
      await queryClient.invalidateQueries({ queryKey: DRAFTS_QUERY_KEY });
    },
  });
}
