// 事件推送: the case event webhooks an admin manages — where each sends which events of which streets, whether it is on,
// that a secret is set — with their deliveries; a street admin sees and registers only its own streets'.
import { App, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useChangeWebhook } from '../../api/hooks/useChangeWebhook.mutation';
import { useMe } from '../../api/hooks/useMe.query';
import { useStreetName } from '../../api/hooks/useStreetName';
import { useWebhooks } from '../../api/hooks/useWebhooks.query';
import type { Webhook } from '../../api/webhooks';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormatDateTime } from '../../i18n/useFormatDateTime';
import { useT } from '../../i18n/useT';
import { Deliveries } from './Deliveries';
import { EVENT_LABEL } from './eventLabels';
import { WebhookForm } from './WebhookForm';

/** The webhook list with register, edit, delete and the deliveries of each. */
export function WebhooksPage() {
  const t = useT();
  const { message } = App.useApp();
  const formatDateTime = useFormatDateTime();
  const streetName = useStreetName();
  const me = useMe().data;
  const webhooks = useWebhooks();
  const remove = useChangeWebhook();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [watching, setWatching] = useState<Webhook | null>(null);
  const ownStreets = me?.streets ?? [];
  const districtWide = ownStreets.includes('*');

  const columns: ColumnsType<Webhook> = [
    {
      title: t('webhooks.column.name'),
      key: 'name',
      render: (_: unknown, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{row.name}</Typography.Text>
          <Typography.Text type="secondary" copyable>
            {row.url}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('webhooks.column.events'),
      dataIndex: 'events',
      render: (events: Webhook['events']) => (
        <Flex wrap gap={4}>
          {events.map((event) => (
            <Tag key={event}>{t(EVENT_LABEL[event])}</Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('webhooks.column.streets'), dataIndex: 'streets', render: (streets: string[]) => streets.map(streetName).join('、') },
    { title: t('webhooks.column.active'), dataIndex: 'active', render: (active: boolean) => <Tag color={active ? 'green' : 'default'}>{t(active ? 'webhooks.active' : 'webhooks.inactive')}</Tag> },
    {
      title: t('webhooks.column.secret'),
      key: 'secret',
      render: (_: unknown, row) => (row.secretSet ? t('webhooks.secretSet', { at: row.secretUpdatedAt ? formatDateTime(row.secretUpdatedAt) : '—' }) : '—'),
    },
    {
      key: 'actions',
      render: (_: unknown, row) => (
        <Space>
          <Button size="small" onClick={() => setWatching(row)}>
            {t('webhooks.deliveries')}
          </Button>
          <Button size="small" onClick={() => setEditing(row)}>
            {t('webhooks.edit')}
          </Button>
          <Popconfirm
            title={t('webhooks.delete.confirm', { name: row.name })}
            okText={t('webhooks.delete')}
            cancelText={t('deploy.cancel')}
            onConfirm={() => remove.mutate({ remove: row.id }, { onSuccess: () => void message.success(t('webhooks.deleted', { name: row.name })) })}
          >
            <Button size="small" danger>
              {t('webhooks.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('webhooks.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('webhooks.create')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('webhooks.intro')}
      </Typography.Paragraph>
      {webhooks.error && <ProblemAlert message={t('webhooks.loadFailed')} error={webhooks.error} />}
      {remove.error && <ProblemAlert message={t('webhooks.deleteFailed')} error={remove.error} />}
      <Table<Webhook>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={webhooks.data ?? []}
        loading={webhooks.isPending}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('webhooks.empty')} /> }}
        pagination={{ hideOnSinglePage: true, pageSize: 20 }}
      />
      {editing && <WebhookForm webhook={editing === 'new' ? null : editing} districtWide={districtWide} ownStreets={ownStreets} onClose={() => setEditing(null)} />}
      {watching && <Deliveries webhook={watching} onClose={() => setWatching(null)} />}
    </Flex>
  );
}
