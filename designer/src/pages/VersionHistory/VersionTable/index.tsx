// The table of a definition's deployed versions: number, change note, forms pinned, who and when.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { VersionSummary } from '../../../api/definitions';
import { useFormatDateTime } from '../../../i18n/useFormatDateTime';
import { useT } from '../../../i18n/useT';

/** Lists `items` newest first. */
export function VersionTable({ items, loading }: { items: readonly VersionSummary[]; loading: boolean }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const none = t('library.none');
  const columns: ColumnsType<VersionSummary> = [
    { title: t('history.column.version'), dataIndex: 'version', render: (version: number) => <Tag color="blue">{t('library.version', { version })}</Tag> },
    { title: t('history.column.note'), dataIndex: 'note', render: (note: string | null) => note ?? none },
    {
      title: t('history.column.forms'),
      dataIndex: 'forms',
      render: (forms: VersionSummary['forms']) =>
        forms.length ? forms.map((form) => <Tag key={form.formId}>{t('history.formVersion', { id: form.formId, version: form.version })}</Tag>) : none,
    },
    { title: t('library.column.deployedBy'), dataIndex: 'deployedBy', render: (by: string | null) => by ?? none },
    { title: t('library.column.deployedAt'), dataIndex: 'deployedAt', render: (at: string) => <time dateTime={at}>{formatDateTime(at)}</time> },
    { title: 'SHA-256', dataIndex: 'sha256', render: (sha: string) => <Typography.Text code>{sha.slice(0, 12)}</Typography.Text> },
  ];
  return <Table<VersionSummary> rowKey="version" size="small" columns={columns} dataSource={items as VersionSummary[]} loading={loading} pagination={{ hideOnSinglePage: true, pageSize: 10 }} />;
}
