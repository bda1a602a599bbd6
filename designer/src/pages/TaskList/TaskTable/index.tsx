// The task table: name and case, process, street, who holds it, priority, time left, and the row's action.
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useDisplayName } from '../../../api/hooks/useDisplayName';
import { useGroupLabel } from '../../../api/hooks/useGroupLabel';
import type { Task } from '../../../api/tasks';
import { DueTag } from '../../../components/DueTag';
import { useFormatDateTime } from '../../../i18n/useFormatDateTime';
import { plainKindKey } from '../../../i18n/plainKindKey';
import { useT } from '../../../i18n/useT';
import { navigate } from '../../../routing/location';
import { taskPath } from '../../../routing/paths';
import { dueStatus } from '../../../components/DueTag/dueStatus';
import { PRIORITY_COLORS, priorityLevel } from '../taskQuery';
import '../taskList.css';

/** Lists `tasks`; `onClaim` is offered on unassigned rows when the user may claim, otherwise 办理 opens the task. */
export function TaskTable({
  tasks,
  loading,
  now,
  username,
  processName,
  streetName,
  claiming,
  onClaim,
}: {
  tasks: readonly Task[];
  loading: boolean;
  now: number;
  username: string;
  processName: (key: string) => string;
  streetName: (id: string | null) => string;
  claiming: string | null;
  onClaim?: (task: Task) => void;
}) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const groupLabel = useGroupLabel();
  const personName = useDisplayName(tasks.map((task) => task.assignee));
  return (
    <Table<Task>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={tasks as Task[]}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('tasks.empty') }}
      rowClassName={(task) => `sparrow-task-${dueStatus(task.dueDate, now).state}`}
      onRow={(task) => ({ onDoubleClick: () => navigate(taskPath(task.id)) })}
      columns={[
        {
          title: t('tasks.column.task'),
          key: 'task',
          render: (_, task) => (
            <Space orientation="vertical" size={0}>
              <Typography.Link href={taskPath(task.id)} onClick={(event) => { event.preventDefault(); navigate(taskPath(task.id)); }}>
                {task.name ?? t(plainKindKey('userTask'))}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('tasks.businessKey', { key: task.businessKey })}
              </Typography.Text>
            </Space>
          ),
        },
        { title: t('tasks.column.process'), key: 'process', ellipsis: true, render: (_, task) => processName(task.definitionKey) },
        { title: t('tasks.column.street'), key: 'street', width: 110, render: (_, task) => streetName(task.street) },
        {
          title: t('tasks.column.holder'),
          key: 'holder',
          render: (_, task) =>
            task.assignee ? (
              <Tag color={task.assignee === username ? 'geekblue' : 'default'}>{task.assignee === username ? t('tasks.holder.me') : personName(task.assignee)}</Tag>
            ) : (
              <Space size={4} wrap>
                {task.candidateGroups.map((group) => (
                  <Tag key={`g:${group}`} variant="filled">
                    {groupLabel(group)}
                  </Tag>
                ))}
                {task.candidateUsers.map((user) => (
                  <Tag key={`u:${user}`} variant="filled">
                    {user}
                  </Tag>
                ))}
              </Space>
            ),
        },
        {
          title: t('tasks.column.priority'),
          key: 'priority',
          width: 90,
          render: (_, task) => <Tag color={PRIORITY_COLORS[priorityLevel(task.priority)]}>{t(`priority.${priorityLevel(task.priority)}`)}</Tag>,
        },
        { title: t('tasks.column.due'), key: 'due', width: 160, render: (_, task) => <DueTag dueDate={task.dueDate} now={now} provisional={task.dueProvisional} /> },
        { title: t('tasks.column.created'), key: 'created', width: 150, render: (_, task) => (task.createdAt ? formatDateTime(task.createdAt) : '—') },
        {
          title: t('tasks.column.action'),
          key: 'action',
          width: 100,
          fixed: 'right',
          render: (_, task) =>
            onClaim && !task.assignee ? (
              <Button type="primary" size="small" loading={claiming === task.id} onClick={() => onClaim(task)}>
                {t('tasks.claim')}
              </Button>
            ) : (
              <Button size="small" onClick={() => navigate(taskPath(task.id))}>
                {t('tasks.open')}
              </Button>
            ),
        },
      ]}
    />
  );
}
