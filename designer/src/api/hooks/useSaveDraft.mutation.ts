// Mutation hook that autosaves the draft of a definition.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { saveDraft, type Draft, type DraftInput } from '../definitions';
import type { ProblemError } from '../problem';
import { draftQueryKey } from './useDraft.query';

/** Saves `{ key, xml, baseVersion }` as the draft of `key`; the draft query then holds the saved draft. */
export function useSaveDraft() {
  const queryClient = useQueryClient();
  return useMutation<Draft, ProblemError, DraftInput & { key: string }>({
    mutationFn: ({ key, ...input }) => bodyOf<Draft>(saveDraft(key, input)),
    onSuccess: (draft) => queryClient.setQueryData(draftQueryKey(draft.key), draft),
  });
}
