// The form library: every saved form-js form, with a button to create one.
import { Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { FormSummary } from '../../api/forms';
import { useForms } from '../../api/hooks/useForms.query';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormatDateTime } from '../../i18n/useFormatDateTime';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { formPath } from '../../routing/paths';
import { NewFormButton } from './NewFormButton';

/** Lists forms with name, id, latest version and last save; a row opens the form editor. */
export function FormLibrary() {
  const t = useT();
  const forms = useForms();
  const formatDateTime = useFormatDateTime();
  const columns: ColumnsType<FormSummary> = [
    { title: t('forms.column.name'), dataIndex: 'name', render: (name: string | null) => name ?? t('library.none') },
    { title: t('forms.column.id'), dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
    { title: t('library.column.version'), dataIndex: 'latestVersion', render: (version: number) => <Tag color="blue">{t('library.version', { version })}</Tag> },
    { title: t('forms.column.savedAt'), dataIndex: 'updatedAt', render: (at: string) => <time dateTime={at}>{formatDateTime(at)}</time> },
    {
      title: t('library.column.actions'),
      key: 'actions',
      render: (_: unknown, form) => (
        <Button size="small" type="link" onClick={() => navigate(formPath(form.id))}>
          {t('library.action.edit')}
        </Button>
      ),
    },
  ];
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('forms.title')}
        </Typography.Title>
        <NewFormButton />
      </Flex>
      {forms.error && <ProblemAlert message={t('forms.loadFailed')} error={forms.error} />}
      <Table<FormSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={forms.data?.items ?? []}
        loading={forms.isPending}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('forms.empty')} /> }}
        pagination={{ hideOnSinglePage: true, pageSize: 20 }}
      />
    </Flex>
  );
}
