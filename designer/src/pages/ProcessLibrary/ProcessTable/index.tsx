// The table of processes: deployed definitions and drafts, with status, who and when.
import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useFormatDateTime } from '../../../i18n/useFormatDateTime';
import { useT } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/messages/zh-CN';
import type { LibraryRow, LibraryStatus } from '../libraryRows';
import { RowActions } from '../RowActions';

const STATUS: Record<LibraryStatus, { color: string; label: MessageKey }> = {
  deployed: { color: 'success', label: 'library.status.deployed' },
  changed: { color: 'warning', label: 'library.status.changed' },
  draft: { color: 'default', label: 'library.status.draft' },
};

/** Lists `rows` with name, key, latest version, status, deployer and draft author (times in the user's locale); `searching`: an empty list means nothing matched. */
export function ProcessTable({ rows, loading, searching = false }: { rows: readonly LibraryRow[]; loading: boolean; searching?: boolean }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const none = t('library.none');
  const who = (by: string | null, at: string | null) =>
    at ? (
      <span>
        {by ?? none} · <time dateTime={at}>{formatDateTime(at)}</time>
      </span>
    ) : (
      none
    );

  const columns: ColumnsType<LibraryRow> = [
    { title: t('library.column.name'), dataIndex: 'name', render: (name: string | null) => <Typography.Text strong>{name || t('modeler.untitled')}</Typography.Text> },
    { title: t('library.column.key'), dataIndex: 'key', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
    {
      title: t('library.column.version'),
      dataIndex: 'version',
      render: (version: number | null) => (version ? <Tag color="blue">{t('library.version', { version })}</Tag> : none),
    },
    {
      title: t('library.column.status'),
      dataIndex: 'status',
      render: (status: LibraryStatus) => <Tag color={STATUS[status].color}>{t(STATUS[status].label)}</Tag>,
    },
    { title: t('library.column.deployed'), key: 'deployed', render: (_: unknown, row) => who(row.deployedBy, row.deployedAt) },
    { title: t('library.column.draft'), key: 'draft', render: (_: unknown, row) => who(row.draftSavedBy, row.draftSavedAt) },
    { title: t('library.column.actions'), key: 'actions', render: (_: unknown, row) => <RowActions row={row} /> },
  ];

  return (
    <Table<LibraryRow>
      data-testid="definitions-table"
      rowKey="key"
      size="middle"
      columns={columns}
      dataSource={rows as LibraryRow[]}
      loading={loading}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(searching ? 'library.noMatch' : 'library.empty')} /> }}
      pagination={{ hideOnSinglePage: true, pageSize: 20 }}
    />
  );
}
