// 我的工单: the cases the resident started, newest first, each with its status and next step in plain words (等待志愿者
// 接单, 志愿者 … 正在服务, 待您评价服务, 已完成（评分 5）); a step waiting for the resident opens from its card.
import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useGroupLabel } from '../../api/hooks/useGroupLabel';
import { useMyCases } from '../../api/hooks/useMyCases.query';
import type { MyCase } from '../../api/myCases';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ProcessIcon } from '../../components/ProcessIcon';
import { useFormatDateTime } from '../../i18n/useFormatDateTime';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { serviceDeskPath, taskPath } from '../../routing/paths';
import { orderStatus } from './orderStatus';

/** How often the list is refreshed while shown (a volunteer taking the order shows without reload). */
const REFRESH_MS = 10_000;

/** One order's card. */
function OrderCard({ order }: { order: MyCase }) {
  const t = useT();
  const group = useGroupLabel();
  const formatDateTime = useFormatDateTime();
  const status = orderStatus(order, { group, separator: t('orders.groupSeparator') });
  const name = order.processName ?? t('serviceDesk.unnamed');
  const action = order.openSteps.find((step) => step.taskId === status.actionTaskId);
  return (
    <Card size="small" role="listitem" aria-label={t('orders.number', { key: order.businessKey })}>
      <Flex gap="middle" align="flex-start">
        <ProcessIcon icon={order.icon} name={name} size={40} />
        <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Flex justify="space-between" align="center" gap="small" wrap>
            <Typography.Text strong>{name}</Typography.Text>
            <Tag color={status.color} data-testid="order-status" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
              {t(status.key, status.params)}
            </Tag>
          </Flex>
          <Typography.Text type="secondary">{t('orders.number', { key: order.businessKey })}</Typography.Text>
          <Typography.Text type="secondary">{t('orders.placedAt', { at: formatDateTime(order.startedAt) })}</Typography.Text>
          {action && (
            <Button type="primary" block style={{ marginTop: 8 }} onClick={() => navigate(taskPath(action.taskId))}>
              {action.name ?? t('orders.act')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}

/** The resident's orders. */
export function MyOrdersPage() {
  const t = useT();
  const cases = useMyCases({ refetchInterval: REFRESH_MS });
  const items = cases.data?.items ?? [];
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('orders.title')}
      </Typography.Title>
      {cases.error && <ProblemAlert message={t('orders.loadFailed')} error={cases.error} />}
      {cases.isPending && <Skeleton active avatar paragraph={{ rows: 2 }} />}
      {cases.data && items.length === 0 && (
        <Empty description={t('orders.empty')}>
          <Button type="primary" onClick={() => navigate(serviceDeskPath())}>
            {t('nav.serviceDesk')}
          </Button>
        </Empty>
      )}
      <Flex vertical gap="small" role="list" aria-label={t('orders.title')}>
        {items.map((order) => (
          <OrderCard key={order.id} order={order} />
        ))}
      </Flex>
    </Flex>
  );
}
