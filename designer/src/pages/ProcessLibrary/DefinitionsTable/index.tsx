// The table of deployed process definitions.
import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DefinitionSummary } from '../../../api/definitions';
import { useFormatDateTime } from '../../../i18n/useFormatDateTime';
import { useT } from '../../../i18n/useT';

/** Lists definitions with name, key, latest version, deployer and deployment time (in the user's locale). */
export function DefinitionsTable({ items, loading }: { items: readonly DefinitionSummary[]; loading: boolean }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const none = t('library.none');

  const columns: ColumnsType<DefinitionSummary> = [
    { title: t('library.column.name'), dataIndex: 'name', render: (name: string | null) => name ?? none },
    {
      title: t('library.column.key'),
      dataIndex: 'key',
      render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
    },
    {
      title: t('library.column.version'),
      dataIndex: 'version',
      render: (version: number) => <Tag color="blue">{t('library.version', { version })}</Tag>,
    },
    { title: t('library.column.deployedBy'), dataIndex: 'deployedBy', render: (by: string | null) => by ?? none },
    {
      title: t('library.column.deployedAt'),
      dataIndex: 'deployedAt',
      render: (at: string) => <time dateTime={at}>{formatDateTime(at)}</time>,
    },
  ];

  return (
    <Table<DefinitionSummary>
      data-testid="definitions-table"
      rowKey="key"
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('library.empty')} /> }}
      pagination={{ hideOnSinglePage: true, pageSize: 20 }}
    />
  );
}
