// The actions of one library row: edit, version history, export XML or SVG.
import { App, Button, Dropdown, Space } from 'antd';
import { bodyOf } from '../../../api/bodyOf';
import { getDraft, getVersion, type Draft, type VersionView } from '../../../api/definitions';
import { ProblemError } from '../../../api/problem';
import { downloadText } from '../../../bpmn/download';
import { describeProblem } from '../../../i18n/describeProblem';
import { useT } from '../../../i18n/useT';
import { navigate } from '../../../routing/location';
import { modelerPath, versionsPath } from '../../../routing/routes';
import type { LibraryRow } from '../libraryRows';

/** The XML to export: the latest deployed version, or the draft of a process never deployed. */
async function xmlOf(row: LibraryRow): Promise<string> {
  if (row.version !== null) return (await bodyOf<VersionView>(getVersion(row.key))).xml;
  return (await bodyOf<Draft>(getDraft(row.key))).xml;
}

/** Buttons for `row`; exports fetch the XML and render SVG on demand. */
export function RowActions({ row }: { row: LibraryRow }) {
  const t = useT();
  const { message } = App.useApp();

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
    </Space>
  );
}
