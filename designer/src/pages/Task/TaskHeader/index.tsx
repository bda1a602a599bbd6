// The facts of a task: case, process, street, who holds it or may take it, priority, due date, status.
import { Descriptions, Space, Tag } from 'antd';
import { memo } from 'react';
import { useDisplayName } from '../../../api/hooks/useDisplayName';
import { useGroupLabel } from '../../../api/hooks/useGroupLabel';
import { useProcessName } from '../../../api/hooks/useProcessName';
import { useStreetName } from '../../../api/hooks/useStreetName';
import type { TaskDetail } from '../../../api/tasks';
import { DueTag } from '../../../components/DueTag';
import { useNow } from '../../../components/DueTag/useNow';
import { useFormatDateTime } from '../../../i18n/useFormatDateTime';
import { useT } from '../../../i18n/useT';
import { navigate } from '../../../routing/location';
import { casePath } from '../../../routing/paths';
import { priorityLevel } from '../../TaskList/taskQuery';

const STATUS_COLORS = { open: 'blue', claimed: 'geekblue', completed: 'success', cancelled: 'default' } as const;

/**
 * Describes `task` for the user `username`. Memoised, and it keeps its own clock and looks the names up itself: a name
 * list arriving or the time left ticking re-renders the facts, not the whole task page (a re-render a query or a timer
 * starts renders in one task, not in slices).
 */
export const TaskHeader = memo(function TaskHeader({ task, username }: { task: TaskDetail; username: string }) {
  const t = useT();
  const now = useNow();
  const streetName = useStreetName();
  const formatDateTime = useFormatDateTime();
  const groupLabel = useGroupLabel();
  const processName = useProcessName();
  const personName = useDisplayName([task.assignee, task.completedBy, ...task.candidateUsers]);
  const candidates = [...task.candidateGroups.map(groupLabel), ...task.candidateUsers.map(personName)];
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 4 }}
      items={[
        { key: 'status', label: t('task.status'), children: <Tag color={STATUS_COLORS[task.status]} data-testid="task-status">{t(`task.status.${task.status}`)}</Tag> },
        {
          key: 'case',
          label: t('task.case'),
          children: (
            <a href={casePath(task.instanceId)} onClick={(event) => { event.preventDefault(); navigate(casePath(task.instanceId)); }}>
              {task.businessKey}
            </a>
          ),
        },
        { key: 'process', label: t('task.process'), children: t('task.processVersion', { name: processName(task.definitionKey), version: task.definitionVersion }) },
        { key: 'street', label: t('task.street'), children: streetName(task.street) },
        {
          key: 'holder',
          label: t('task.assignee'),
          children: task.assignee ? (task.assignee === username ? t('tasks.holder.me') : personName(task.assignee)) : t('task.unassigned'),
        },
        {
          key: 'candidates',
          label: t('task.candidates'),
          children: candidates.length ? (
            <Space size={4} wrap>
              {candidates.map((c) => (
                <Tag key={c} variant="filled">
                  {c}
                </Tag>
              ))}
            </Space>
          ) : (
            '—'
          ),
        },
        { key: 'priority', label: t('task.priority'), children: t('task.priorityValue', { level: t(`priority.${priorityLevel(task.priority)}`), value: task.priority }) },
        {
          key: 'due',
          label: t('task.due'),
          children:
            task.status === 'completed' || task.status === 'cancelled' ? (task.dueDate ? formatDateTime(task.dueDate) : '—') : <DueTag dueDate={task.dueDate} now={now} provisional={task.dueProvisional} />,
        },
        ...(task.completedAt
          ? [{ key: 'completed', label: t('task.completedAt'), children: t('task.completedBy', { at: formatDateTime(task.completedAt), by: task.completedBy ? personName(task.completedBy) : '—' }) }]
          : []),
      ]}
    />
  );
});
