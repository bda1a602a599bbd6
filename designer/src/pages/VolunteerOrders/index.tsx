// The volunteers' pages: 可接单 (open orders of their community — unassigned tasks of their groups — to take with one
// tap) and 我的服务 (the orders they hold, to record the service, and those they have done). Cards, for phones.
import { App, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useClaimTask } from '../../api/hooks/useClaimTask.mutation';
import { useTasks } from '../../api/hooks/useTasks.query';
import type { Task } from '../../api/tasks';
import { DueTag } from '../../components/DueTag';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormatDateTime } from '../../i18n/useFormatDateTime';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { taskPath } from '../../routing/paths';
import { OrderDetails } from './OrderDetails';

/** How often the lists are refreshed while shown. */
const REFRESH_MS = 10_000;

/** One order's card: its step, number, details, time, and the card's action. */
function OrderCard({ task, action }: { task: Task; action: React.ReactNode }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  return (
    <Card size="small" role="listitem" aria-label={t('orders.number', { key: task.businessKey })}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="center" gap="small" wrap>
          <Typography.Text strong>{task.name ?? t('orders.act')}</Typography.Text>
          {task.status !== 'completed' && <DueTag dueDate={task.dueDate} now={Date.now()} provisional={task.dueProvisional} />}
        </Flex>
        <Typography.Text type="secondary">{t('orders.number', { key: task.businessKey })}</Typography.Text>
        {task.status !== 'completed' && <OrderDetails taskId={task.id} />}
        <Typography.Text type="secondary">
          {task.completedAt ? t('volunteer.completedAt', { at: formatDateTime(task.completedAt) }) : t('orders.placedAt', { at: formatDateTime(task.createdAt ?? '') })}
        </Typography.Text>
        {action}
      </Flex>
    </Card>
  );
}

/** A list of order cards with its loading, error and empty states. */
function OrderList({ label, tasks, empty, action }: { label: string; tasks: ReturnType<typeof useTasks>; empty: string; action: (task: Task) => React.ReactNode }) {
  const t = useT();
  const items = tasks.data?.items ?? [];
  return (
    <>
      {tasks.error && <ProblemAlert message={t('volunteer.loadFailed')} error={tasks.error} />}
      {tasks.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {tasks.data && items.length === 0 && <Empty description={empty} />}
      <Flex vertical gap="small" role="list" aria-label={label}>
        {items.map((task) => (
          <OrderCard key={task.id} task={task} action={action(task)} />
        ))}
      </Flex>
    </>
  );
}

/** 可接单: the open orders the volunteer may take; taking one opens it. */
export function OpenOrdersPage() {
  const t = useT();
  const { message } = App.useApp();
  const tasks = useTasks({ myGroups: 'true', status: 'open', sort: 'created' }, { refetchInterval: REFRESH_MS });
  const claim = useClaimTask();
  const take = (task: Task) =>
    claim.mutate(task.id, {
      onSuccess: () => {
        void message.success(t('volunteer.taken'));
        navigate(taskPath(task.id));
      },
      onError: (error) => void message.error(error.code === 'task-claimed' ? t('volunteer.takenByOther') : t('volunteer.takeFailed')),
    });
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('volunteer.open.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('volunteer.open.intro')}
      </Typography.Paragraph>
      <OrderList
        label={t('volunteer.open.title')}
        tasks={tasks}
        empty={t('volunteer.open.empty')}
        action={(task) => (
          <Flex gap="small" style={{ marginTop: 8 }}>
            <Button style={{ flex: 1 }} onClick={() => navigate(taskPath(task.id))}>
              {t('volunteer.view')}
            </Button>
            <Button type="primary" style={{ flex: 1 }} loading={claim.isPending && claim.variables === task.id} onClick={() => take(task)}>
              {t('volunteer.take')}
            </Button>
          </Flex>
        )}
      />
    </Flex>
  );
}

/** 我的服务: the orders the volunteer holds (to record the service) and those they have done. */
export function MyServicesPage() {
  const t = useT();
  const doing = useTasks({ mine: 'true', status: 'open,claimed', sort: 'created' }, { refetchInterval: REFRESH_MS });
  const done = useTasks({ mine: 'true', status: 'completed', sort: '-created', size: '20' });
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('volunteer.mine.title')}
      </Typography.Title>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('volunteer.mine.doing')}
      </Typography.Title>
      <OrderList
        label={t('volunteer.mine.doing')}
        tasks={doing}
        empty={t('volunteer.mine.doingEmpty')}
        action={(task) => (
          <Button type="primary" block style={{ marginTop: 8 }} onClick={() => navigate(taskPath(task.id))}>
            {t('volunteer.record')}
          </Button>
        )}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('volunteer.mine.done')}
      </Typography.Title>
      <OrderList label={t('volunteer.mine.done')} tasks={done} empty={t('volunteer.mine.doneEmpty')} action={() => null} />
    </Flex>
  );
}
