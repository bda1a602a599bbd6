// The actions of one library row: edit, version history, export XML or SVG, discard the draft (after a confirmation).
import { App, Button, Dropdown, Space } from 'antd';
import { bodyOf } from '../../../api/bodyOf';
import { getDraft, getVersion, type Draft, type VersionView } from '../../../api/definitions';
import { useDeleteDraft } from '../../../api/hooks/useDeleteDraft.mutation';
import { useMe } from '../../../api/hooks/useMe.query';
import { ProblemError } from '../../../api/problem';
import { DESIGNERS, hasAnyRole } from '../../../../../contracts/roles';
import { downloadText } from '../../../bpmn/download';
import { describeProblem } from '../../../i18n/describeProblem';
import { useT } from '../../../i18n/useT';
import { navigate } from '../../../routing/location';
import { modelerPath, versionsPath } from '../../../routing/paths';
import type { LibraryRow } from '../libraryRows';

/** The XML to export: the latest deployed version, or the draft of a process never deployed. */
async function xmlOf(row: LibraryRow): Promise<string> {
  if (row.version !== null) return (await bodyOf<VersionView>(getVersion(row.key))).xml;
  return (await bodyOf<Draft>(getDraft(row.key))).xml;
}

/** Buttons for `row`; exports fetch the XML and render SVG on demand; designers may discard a draft once they confirm. */
export function RowActions({ row }: { row: LibraryRow }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const mayDiscard = hasAnyRole(useMe().data?.roles ?? [], DESIGNERS) && row.draftSavedAt !== null;
  const discard = useDeleteDraft();

  function confirmDiscard() {
    const name = row.name ?? row.key;
    void modal.confirm({
      title: t('library.discard.title', { name }),
      content: t(row.version === null ? 'library.discard.neverDeployed' : 'library.discard.keepsVersions', { version: row.version ?? 0 }),
      okText: t('library.discard.ok'),
      okButtonProps: { danger: true },
      cancelText: t('library.discard.cancel'),
      onOk: () =>
        discard.mutateAsync(row.key).then(
          () => void message.success(t('library.discard.done', { name })),
          (error: ProblemError) => void message.error(t('library.discard.failed', { title: describeProblem(t, error).title })),
        ),
    });
  }

  async function exportAs(kind: 'xml' | 'svg') {
    try {
      const xml = await xmlOf(row);
      if (kind === 'xml') downloadText(`${row.key}.bpmn`, xml, 'application/xml');
      else {
        const { svgOf } = await import('../../../bpmn/exportSvg');
        downloadText(`${row.key}.svg`, await svgOf(xml), 'image/svg+xml');
      }
    } catch (error) {
      const text = error instanceof ProblemError ? describeProblem(t, error).title : String(error);
      void message.error(t('export.failed', { title: text }));
    }
  }

  return (
    <Space size={4} wrap>
      <Button size="small" type="link" onClick={() => navigate(modelerPath(row.key))}>
        {t('library.action.edit')}
      </Button>
      <Button size="small" type="link" disabled={row.version === null} onClick={() => navigate(versionsPath(row.key))}>
        {t('library.action.history')}
      </Button>
      <Dropdown
        menu={{
          items: [
            { key: 'xml', label: t('export.xml') },
            { key: 'svg', label: t('export.svg') },
          ],
          onClick: ({ key }) => void exportAs(key as 'xml' | 'svg'),
        }}
      >
        <Button size="small" type="link">
          {t('library.action.export')}
        </Button>
      </Dropdown>
      {mayDiscard && (
        <Button size="small" type="link" danger onClick={confirmDiscard}>
          {t('library.action.discard')}
        </Button>
      )}
    </Space>
  );
}
