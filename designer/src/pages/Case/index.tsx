// A case: its facts and status, its statutory clocks (法定时限), its open tasks, the cases its call activities started
// (and the case that called it), and its diagram and timeline (polled until it ends). An ended case (its summary says
// completed, cancelled or failed) offers no task to open; a failed one says why it stopped.
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Space, Typography } from 'antd';
import { useCase } from '../../api/hooks/useCase.query';
import { useDisplayName } from '../../api/hooks/useDisplayName';
import { useGroupLabel } from '../../api/hooks/useGroupLabel';
import { useProcessName } from '../../api/hooks/useProcessName';
import { useStreetName } from '../../api/hooks/useStreetName';
import { useTasks } from '../../api/hooks/useTasks.query';
import { caseStatusOf } from '../../api/instances';
import { CaseProgress } from '../../components/CaseProgress';
import { CaseStatusTag } from '../../components/CaseStatusTag';
import { DueTag } from '../../components/DueTag';
import { useNow } from '../../components/DueTag/useNow';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormatDateTime } from '../../i18n/useFormatDateTime';
import { plainKindKey } from '../../i18n/plainKindKey';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { casePath, type RouteParams, taskListPath, taskPath } from '../../routing/paths';
import { ChildCases } from './ChildCases';
import { LegalClocks } from './LegalClocks';
import { SetVariables } from './SetVariables';

const POLL_MS = 3000;

/** Case `params.id`, as its street's users see it. */
export function CasePage({ params }: { params: RouteParams }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const streetName = useStreetName();
  const groupLabel = useGroupLabel();
  const processName = useProcessName();
  const now = useNow();
  const view = useCase(params.id);
  const running = view.data !== undefined && caseStatusOf(view.data) === 'running';
  const tasks = useTasks({ instanceId: params.id, status: 'open,claimed', sort: 'created', size: '50' }, { enabled: running, refetchInterval: running ? POLL_MS : undefined });
  const personName = useDisplayName([view.data?.startedBy, ...(tasks.data?.items ?? []).flatMap((task) => [task.assignee, ...task.candidateUsers])]);

  if (view.error) return <ProblemAlert message={t('case.loadFailed')} error={view.error} />;
  if (!view.data) return <Skeleton active />;
  const c = view.data;
  const status = caseStatusOf(c);

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('case.title', { key: c.businessKey })}
          </Typography.Title>
          <CaseStatusTag status={status} incidents={c.state.incidents.length} />
        </Space>
        <Space wrap>
          {c.parent && <Button onClick={() => navigate(casePath(c.parent?.instanceId ?? ''))}>{t('case.parent')}</Button>}
          {running && <SetVariables view={c} />}
          <Button onClick={() => navigate(taskListPath())}>{t('case.toTasks')}</Button>
        </Space>
      </Flex>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'process', label: t('task.process'), children: t('task.processVersion', { name: processName(c.definitionKey), version: c.definitionVersion }) },
            { key: 'street', label: t('task.street'), children: streetName(c.street) },
            { key: 'startedBy', label: t('case.startedBy'), children: c.startedBy ? personName(c.startedBy) : '—' },
            { key: 'startedAt', label: t('case.startedAt'), children: formatDateTime(c.startedAt) },
            ...(c.endedAt ? [{ key: 'endedAt', label: t('case.endedAt'), children: formatDateTime(c.endedAt) }] : []),
          ]}
        />
      </Card>
      {status === 'failed' && <Alert type="error" showIcon title={t('case.failedExplanation')} />}
      <LegalClocks instanceId={c.id} clocks={c.clocks} running={running} />
      {running && (
        <Card size="small" title={t('case.openTasks')}>
          {tasks.isPending ? (
            <Skeleton active paragraph={{ rows: 1 }} />
          ) : (tasks.data?.items.length ?? 0) === 0 ? (
            <Typography.Text type="secondary">{t('case.noOpenTasks')}</Typography.Text>
          ) : (
            <Flex vertical gap={8} role="list" aria-label={t('case.openTasks')}>
              {tasks.data?.items.map((task) => (
                <Flex key={task.id} role="listitem" justify="space-between" align="center" gap="small" wrap>
                  <Space wrap>
                    <Typography.Text strong>{task.name ?? t(plainKindKey('userTask'))}</Typography.Text>
                    <Typography.Text type="secondary">
                      {task.assignee ? t('task.heldBy', { assignee: personName(task.assignee) }) : t('case.candidates', { who: [...task.candidateGroups.map(groupLabel), ...task.candidateUsers.map(personName)].join('、') || '—' })}
                    </Typography.Text>
                    <DueTag dueDate={task.dueDate} now={now} provisional={task.dueProvisional} />
                  </Space>
                  <Button size="small" onClick={() => navigate(taskPath(task.id))}>
                    {t('tasks.open')}
                  </Button>
                </Flex>
              ))}
            </Flex>
          )}
        </Card>
      )}
      <ChildCases view={c} />
      <CaseProgress instanceId={c.id} showStatus={false} />
    </Flex>
  );
}
