// One row per process in the library: deployed definitions and drafts, with where each stands.
import type { DefinitionSummary, DraftSummary } from '../../api/definitions';

/** Where a process stands: only deployed, deployed with newer unsaved-to-deploy changes, or a draft never deployed. */
export type LibraryStatus = 'deployed' | 'changed' | 'draft';

/** A row of the process library. */
export interface LibraryRow {
  key: string;
  name: string | null;
  /** Latest deployed version, null for a draft never deployed. */
  version: number | null;
  status: LibraryStatus;
  deployedBy: string | null;
  deployedAt: string | null;
  draftSavedBy: string | null;
  draftSavedAt: string | null;
}

/** Merges definitions and the server's drafts by key into rows: deployed ones first, in list order, then drafts never deployed. */
export function libraryRows(definitions: readonly DefinitionSummary[], drafts: readonly DraftSummary[]): LibraryRow[] {
  const draftOf = new Map(drafts.map((draft) => [draft.key, draft]));
  const deployed = definitions.map((definition): LibraryRow => {
    const draft = draftOf.get(definition.key) ?? null;
    const changed = draft !== null && Date.parse(draft.savedAt) > Date.parse(definition.deployedAt);
    return {
      key: definition.key,
      name: definition.name,
      version: definition.version,
      status: changed ? 'changed' : 'deployed',
      deployedBy: definition.deployedBy,
      deployedAt: definition.deployedAt,
      draftSavedBy: changed ? draft.savedBy : null,
      draftSavedAt: changed ? draft.savedAt : null,
    };
  });
  const known = new Set(definitions.map((definition) => definition.key));
  const draftsOnly = drafts
    .filter((draft) => !known.has(draft.key))
    .map(
      (draft): LibraryRow => ({
        key: draft.key,
        name: draft.name,
        version: null,
        status: 'draft',
        deployedBy: null,
        deployedAt: null,
        draftSavedBy: draft.savedBy,
        draftSavedAt: draft.savedAt,
      }),
    );
  return [...deployed, ...draftsOnly];
}

/** The rows whose name or key contains every word of `text` (case-insensitive); all rows for blank text. */
export function searchRows(rows: readonly LibraryRow[], text: string): LibraryRow[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => words.every((word) => row.key.toLowerCase().includes(word) || (row.name ?? '').toLowerCase().includes(word)));
}
