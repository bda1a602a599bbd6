// The process library's rows: deployed definitions and drafts merged by key, with their status.
import type { DefinitionSummary, DraftSummary } from '../../../../designer/src/api/definitions';
import { libraryRows, searchRows } from '../../../../designer/src/pages/ProcessLibrary/libraryRows';

const deployed = (key: string, deployedAt: string): DefinitionSummary => ({ key, name: key.toUpperCase(), version: 3, sha256: 'x', deployedAt, deployedBy: 'owner' });
const draft = (key: string, savedAt: string, name = 'Drafted'): DraftSummary => ({ key, name, baseVersion: null, note: null, savedBy: 'bajiao-owner', savedAt });

describe('libraryRows', () => {
  it('should mark a definition deployed when its draft is older than the deployment, changed when newer', () => {
    // given
    const definitions = [deployed('a', '2026-01-02T00:00:00Z'), deployed('b', '2026-01-02T00:00:00Z')];
    const drafts = [draft('a', '2026-01-01T00:00:00Z'), draft('b', '2026-01-03T00:00:00Z')];

    // when
    const rows = libraryRows(definitions, drafts);

    // then
    expect(rows.map(({ key, status, draftSavedBy }) => [key, status, draftSavedBy])).toEqual([
      ['a', 'deployed', null],
      ['b', 'changed', 'bajiao-owner'],
    ]);
  });

  it('should list drafts never deployed after the definitions, with the name the server read from their XML', () => {
    // given
    const drafts = [draft('new-one', '2026-01-03T00:00:00Z', '新流程'), draft('a', '2026-01-01T00:00:00Z')];

    // when
    const rows = libraryRows([deployed('a', '2026-01-02T00:00:00Z')], drafts);

    // then
    expect(rows.map(({ key, name, version, status }) => [key, name, version, status])).toEqual([
      ['a', 'A', 3, 'deployed'],
      ['new-one', '新流程', null, 'draft'],
    ]);
  });

  it('should search rows by every word in name or key, ignoring case', () => {
    // given
    const rows = libraryRows([deployed('street-whistle', '2026-01-02T00:00:00Z')], [draft('noise-patrol', '2026-01-03T00:00:00Z', '噪声巡查')]);

    // then
    expect(searchRows(rows, '  ').map((row) => row.key)).toEqual(['street-whistle', 'noise-patrol']);
    expect(searchRows(rows, 'WHISTLE').map((row) => row.key)).toEqual(['street-whistle']);
    expect(searchRows(rows, '巡查 noise').map((row) => row.key)).toEqual(['noise-patrol']);
    expect(searchRows(rows, '巡查 whistle')).toEqual([]);
  });
});
