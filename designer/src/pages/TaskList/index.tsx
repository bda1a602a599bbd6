// The task list: 我的任务 / 我组的任务 / 本街道 tabs with counts, filters and order, polled so new tasks appear by themselves.
import { App, Badge, Button, Flex, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useClaimTask } from '../../api/hooks/useClaimTask.mutation';
import { useDefinitions } from '../../api/hooks/useDefinitions.query';
import { useMe } from '../../api/hooks/useMe.query';
import { useStreetName } from '../../api/hooks/useStreetName';
import { useTaskCounts } from '../../api/hooks/useTaskCounts.query';
import { useTasks } from '../../api/hooks/useTasks.query';
import { hasAnyRole, PROCESS_LISTERS, STARTERS, STREET_WATCHERS, TASK_WORKERS } from '../../../../contracts/roles';
import type { Task } from '../../api/tasks';
import { useNow } from '../../components/DueTag/useNow';
import { ProblemAlert } from '../../components/ProblemAlert';
import { problemLine } from '../../i18n/describeProblem';
import { useT } from '../../i18n/useT';
import { navigate, searchParam } from '../../routing/location';
import { startPath, taskListPath, taskPath } from '../../routing/paths';
import { useScreenBelow } from '../../layout/useScreenBelow';
import { TASK_TOAST } from '../Task/taskToast';
import { type ProcessOption, TaskFiltersBar } from './TaskFiltersBar';
import { DEFAULT_FILTERS, displayOrder, type TaskFilters, type TaskTab, taskListParams } from './taskQuery';
import { TaskCards } from './TaskCards';
import { TaskTable } from './TaskTable';

/** How often the list and the tab counts are refetched. */
const POLL_MS = 5000;
const TABS: readonly TaskTab[] = ['mine', 'group', 'street'];

/**
 * The task workers' home page: a table, or cards on a phone (below antd's md). The tab is kept in the URL (`?tab=group`),
 * so it survives a reload and the back button.
 */
export function TaskList() {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe().data;
  const roles = me?.roles ?? [];
  const streets = me?.streets ?? [];
  const tabs = TABS.filter((tab) => tab !== 'street' || hasAnyRole(roles, STREET_WATCHERS));
  const requested = searchParam('tab') as TaskTab | null;
  const [tab, setTab] = useState<TaskTab>(requested && tabs.includes(requested) ? requested : 'mine');
  const [filters, setFilters] = useState<TaskFilters>(DEFAULT_FILTERS);
  const now = useNow();
  const streetName = useStreetName();
  const claim = useClaimTask();
  const phone = useScreenBelow('md');

  const list = useTasks(taskListParams(tab, filters, streets), { refetchInterval: POLL_MS });
  // Without filters the counts are the server's maintained tab counts (one small read); with filters, each tab's list total.
  const filtered = Boolean(filters.definitionKey || filters.dueBefore || filters.minPriority !== undefined || filters.text?.trim());
  const oneStreet = streets.length === 1 && streets[0] !== '*' ? streets[0] : undefined;
  const maintained = useTaskCounts(oneStreet, { refetchInterval: POLL_MS, enabled: Boolean(me) && !filtered }).data;
  const listed = {
    mine: useTasks(taskListParams('mine', filters, streets, 1), { refetchInterval: POLL_MS, enabled: filtered }).data?.total,
    group: useTasks(taskListParams('group', filters, streets, 1), { refetchInterval: POLL_MS, enabled: filtered }).data?.total,
    street: useTasks(taskListParams('street', filters, streets, 1), { refetchInterval: POLL_MS, enabled: filtered && tabs.includes('street') }).data?.total,
  };
  const counts = filtered ? listed : { mine: maintained?.mine, group: maintained?.group, street: maintained?.street ?? undefined };

  // Volunteers may not list processes (403): their process filter offers the keys of their tasks.
  const mayReadDefinitions = hasAnyRole(roles, PROCESS_LISTERS);
  const definitions = useDefinitions({ enabled: Boolean(me) && mayReadDefinitions });
  const processes = useMemo<ProcessOption[]>(() => {
    const named = new Map<string, string>();
    if (mayReadDefinitions) for (const d of definitions.data?.items ?? []) named.set(d.key, d.name ?? d.key);
    for (const task of list.data?.items ?? []) if (!named.has(task.definitionKey)) named.set(task.definitionKey, task.definitionKey);
    return [...named].map(([key, name]) => ({ key, name }));
  }, [definitions.data, list.data, mayReadDefinitions]);
  const processName = (key: string) => processes.find((p) => p.key === key)?.name ?? key;
  const tasks = displayOrder(list.data?.items ?? [], filters.sort);

  function selectTab(next: TaskTab) {
    setTab(next);
    navigate(taskListPath(next), { replace: true });
  }

  function claimAndOpen(task: Task) {
    claim.mutate(task.id, {
      onSuccess: () => {
        void message.success({ content: t('tasks.claimed', { name: task.name ?? task.elementId }), key: TASK_TOAST });
        navigate(taskPath(task.id));
      },
      onError: (error) => void message.error({ content: t('tasks.claimFailed', { title: problemLine(t, error) }), key: TASK_TOAST }),
    });
  }

  return (
    <Flex vertical gap="small">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('tasks.title')}
        </Typography.Title>
        {hasAnyRole(roles, STARTERS) && <Button onClick={() => navigate(startPath())}>{t('nav.start')}</Button>}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => selectTab(key as TaskTab)}
        items={tabs.map((key) => ({
          key,
          label: (
            <span>
              {t(`tasks.tab.${key}`)}{' '}
              <Badge count={counts[key] ?? 0} showZero overflowCount={999} color={key === tab ? '#1677ff' : '#bfbfbf'} aria-label={t('tasks.count', { count: counts[key] ?? 0 })} />
            </span>
          ),
        }))}
        tabBarStyle={{ marginBottom: 8 }}
      />
      <TaskFiltersBar filters={filters} processes={processes} onChange={setFilters} fill={phone} />
      {list.error && <ProblemAlert message={t('tasks.loadFailed')} error={list.error} />}
      {phone ? (
        <TaskCards
          tasks={tasks}
          loading={list.isPending}
          now={now}
          username={me?.username ?? ''}
          processName={processName}
          claiming={claim.isPending ? (claim.variables ?? null) : null}
          onClaim={hasAnyRole(roles, TASK_WORKERS) ? claimAndOpen : undefined}
        />
      ) : (
        <TaskTable
          tasks={tasks}
          loading={list.isPending}
          now={now}
          username={me?.username ?? ''}
          processName={processName}
          streetName={streetName}
          claiming={claim.isPending ? (claim.variables ?? null) : null}
          onClaim={hasAnyRole(roles, TASK_WORKERS) ? claimAndOpen : undefined}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('tasks.autoRefresh', { seconds: POLL_MS / 1000 })}
      </Typography.Text>
    </Flex>
  );
}
