// The change note an imported draft carries, for the deploy dialog: read from the cache the editor filled (never fetched
// here: a fetch of a never-deployed key's latest version puts that query back to pending, and the editor would unmount
// the workspace), and only while the draft is newer than the latest deployment (a deployed import's note is spent).
import { useQueryClient } from '@tanstack/react-query';
import type { Draft, VersionView } from '../../../api/definitions';
import { draftQueryKey } from '../../../api/hooks/useDraft.query';
import { versionQueryKey } from '../../../api/hooks/useVersion.query';

/** The draft's note of `definitionKey` while `wanted` (the dialog is open), or null. */
export function useImportNote(definitionKey: string, wanted: boolean): string | null {
  const queryClient = useQueryClient();
  if (!wanted) return null;
  const draft = queryClient.getQueryData<Draft | null>(draftQueryKey(definitionKey));
  const latest = queryClient.getQueryData<VersionView>(versionQueryKey(definitionKey, 'latest'));
  if (!draft?.note) return null;
  return latest && Date.parse(latest.deployedAt) > Date.parse(draft.savedAt) ? null : draft.note;
}
