// The task list on a phone: one card per task (name, case, process, time left, status, priority) with its action.
import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useDisplayName } from '../../../api/hooks/useDisplayName';
import type { Task } from '../../../api/tasks';
import { DueTag } from '../../../components/DueTag';
import { dueStatus } from '../../../components/DueTag/dueStatus';
import { plainKindKey } from '../../../i18n/plainKindKey';
import { useT } from '../../../i18n/useT';
import { navigate } from '../../../routing/location';
import { taskPath } from '../../../routing/paths';
import { PRIORITY_COLORS, priorityLevel } from '../taskQuery';
import '../taskList.css';

/** Cards shown at first and added by 显示更多 (a phone scrolls one long column). */
const PAGE = 20;

/** Lists `tasks` as cards; `onClaim` is offered on unassigned tasks when the user may claim, otherwise 办理 opens the task. */
export function TaskCards({
  tasks,
  loading,
  now,
  username,
  processName,
  claiming,
  onClaim,
}: {
  tasks: readonly Task[];
  loading: boolean;
  now: number;
  username: string;
  processName: (key: string) => string;
  claiming: string | null;
  onClaim?: (task: Task) => void;
}) {
  const t = useT();
  const personName = useDisplayName(tasks.map((task) => task.assignee));
  const [shown, setShown] = useState(PAGE);
  if (loading) return <Skeleton active />;
  if (tasks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.empty')} />;
  const open = (task: Task) => navigate(taskPath(task.id));
  return (
    <Flex vertical gap="small">
      <Flex vertical gap="small" role="list" aria-label={t('tasks.title')}>
        {tasks.slice(0, shown).map((task) => {
          const name = task.name ?? t(plainKindKey('userTask'));
          const holder = task.assignee ? (task.assignee === username ? t('tasks.holder.me') : personName(task.assignee)) : null;
          const level = priorityLevel(task.priority);
          return (
            <Card
              key={task.id}
              size="small"
              role="listitem"
              aria-label={t('tasks.card', { name, key: task.businessKey })}
              className={`sparrow-task-card sparrow-task-card-${dueStatus(task.dueDate, now).state}`}
            >
              <Flex justify="space-between" align="start" gap="small">
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Link href={taskPath(task.id)} strong onClick={(event) => { event.preventDefault(); open(task); }}>
                    {name}
                  </Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('tasks.businessKey', { key: task.businessKey })}
                  </Typography.Text>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {processName(task.definitionKey)}
                  </Typography.Text>
                </Flex>
                {onClaim && !task.assignee ? (
                  <Button type="primary" loading={claiming === task.id} onClick={() => onClaim(task)}>
                    {t('tasks.claim')}
                  </Button>
                ) : (
                  <Button onClick={() => open(task)}>{t('tasks.open')}</Button>
                )}
              </Flex>
              <Flex wrap gap={4} style={{ marginTop: 8 }}>
                <DueTag dueDate={task.dueDate} now={now} provisional={task.dueProvisional} />
                <Tag color={holder ? 'geekblue' : 'blue'} style={{ marginInlineEnd: 0 }}>
                  {holder ? t('tasks.heldBy', { holder }) : t('task.status.open')}
                </Tag>
                <Tag color={PRIORITY_COLORS[level]} style={{ marginInlineEnd: 0 }}>
                  {t('tasks.priorityTag', { level: t(`priority.${level}`) })}
                </Tag>
              </Flex>
            </Card>
          );
        })}
      </Flex>
      {tasks.length > shown && (
        <Button block onClick={() => setShown((n) => n + PAGE)}>
          {t('tasks.more', { count: tasks.length - shown })}
        </Button>
      )}
    </Flex>
  );
}
