// A webhook's deliveries (投递记录): each event with its status in words, attempts, the last error and the next
// attempt; a failed or delivered one can be sent again.
import { App, Button, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../../contracts/api/webhooks';
import { useRetryDelivery } from '../../api/hooks/useChangeWebhook.mutation';
import { useWebhookDeliveries } from '../../api/hooks/useWebhooks.query';
import type { Webhook, WebhookDelivery } from '../../api/webhooks';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormatDateTime } from '../../i18n/useFormatDateTime';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { casePath } from '../../routing/paths';
import { EVENT_LABEL, statusLabel } from './eventLabels';

const PAGE_SIZE = 20;

/** The deliveries of `webhook` in a side panel; `onClose` hides it. */
export function Deliveries({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const formatDateTime = useFormatDateTime();
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const [page, setPage] = useState(1);
  const deliveries = useWebhookDeliveries(webhook.id, { status, page, size: PAGE_SIZE });
  const retry = useRetryDelivery();

  const columns: ColumnsType<WebhookDelivery> = [
    { title: t('webhooks.delivery.event'), dataIndex: 'event', render: (event: WebhookDelivery['event']) => t(EVENT_LABEL[event]) },
    {
      title: t('webhooks.delivery.case'),
      dataIndex: 'instanceId',
      render: (id: string) => <Typography.Link onClick={() => navigate(casePath(id))}>{id}</Typography.Link>,
    },
    { title: t('webhooks.delivery.occurredAt'), dataIndex: 'occurredAt', render: (at: string) => formatDateTime(at) },
    {
      title: t('webhooks.delivery.status'),
      key: 'status',
      render: (_: unknown, row) => {
        const label = statusLabel(row.status, row.attempts);
        return <Tag color={label.color}>{t(label.key)}</Tag>;
      },
    },
    { title: t('webhooks.delivery.attempts'), key: 'attempts', render: (_: unknown, row) => t('webhooks.delivery.attemptsOf', { attempts: row.attempts, max: row.maxAttempts }) },
    {
      title: t('webhooks.delivery.lastError'),
      key: 'lastError',
      render: (_: unknown, row) =>
        row.lastStatusCode !== null && row.status !== 'delivered' ? (
          <Typography.Text type="danger">{t('webhooks.delivery.answered', { code: row.lastStatusCode })}</Typography.Text>
        ) : row.lastError ? (
          <Typography.Text type="danger">{row.lastError}</Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('webhooks.delivery.next'),
      key: 'next',
      render: (_: unknown, row) => (row.nextAttemptAt ? formatDateTime(row.nextAttemptAt) : row.deliveredAt ? t('webhooks.delivery.deliveredAt', { at: formatDateTime(row.deliveredAt) }) : '—'),
    },
    {
      key: 'actions',
      render: (_: unknown, row) =>
        row.status === 'failed' || row.status === 'delivered' ? (
          <Button
            size="small"
            loading={retry.isPending && retry.variables?.deliveryId === row.id}
            onClick={() => retry.mutate({ webhookId: webhook.id, deliveryId: row.id }, { onSuccess: () => void message.success(t('webhooks.delivery.retried')) })}
          >
            {t('webhooks.delivery.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Drawer open title={t('webhooks.deliveries.title', { name: webhook.name })} size="large" onClose={onClose} width={1100}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select<DeliveryStatus | undefined>
          allowClear
          placeholder={t('webhooks.deliveries.allStatuses')}
          style={{ width: 200 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(statusLabel(s, s === 'pending' ? 0 : 1).key) }))}
        />
        {deliveries.error && <ProblemAlert message={t('webhooks.deliveries.loadFailed')} error={deliveries.error} />}
        {retry.error && <ProblemAlert message={t('webhooks.delivery.retryFailed')} error={retry.error} />}
        <Table<WebhookDelivery>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={deliveries.data?.items ?? []}
          loading={deliveries.isPending}
          locale={{ emptyText: t('webhooks.deliveries.empty') }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: deliveries.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        />
      </Space>
    </Drawer>
  );
}
