// The change note an imported draft carries, for the deploy dialog: read when the dialog opens (from the cache the editor
// filled), and only while the draft is newer than the latest deployment (a deployed import's note is spent).
import { useDraft } from '../../../api/hooks/useDraft.query';
import { useVersion } from '../../../api/hooks/useVersion.query';

/** The draft's note of `definitionKey` while `wanted`, or null. */
export function useImportNote(definitionKey: string, wanted: boolean): string | null {
  const draft = useDraft(definitionKey, { enabled: wanted }).data;
  const latest = useVersion(definitionKey, undefined, { enabled: wanted }).data;
  if (!draft?.note) return null;
  return latest && Date.parse(latest.deployedAt) > Date.parse(draft.savedAt) ? null : draft.note;
}
