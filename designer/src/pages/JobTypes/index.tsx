// The job type registry (任务类型): every job type a service task may name, the processes using it, and who serves it —
// Sparrow's own worker for built-in types, Temporal workers and REST job workers for external ones.
import { Empty, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { JobTypeInfo } from '../../api/jobTypes';
import { useJobTypes } from '../../api/hooks/useJobTypes.query';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/LocaleProvider';
import { useFormatDateTime } from '../../i18n/useFormatDateTime';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { modelerPath } from '../../routing/paths';

type Worker = JobTypeInfo['workers'][number];

/** Lists the job types: name, description, processes using it, who serves it, when a worker was last seen, jobs waiting. */
export function JobTypesPage() {
  const t = useT();
  const { locale } = useLocale();
  const formatDateTime = useFormatDateTime();
  const jobTypes = useJobTypes();
  const workerLabel = (w: Worker) => (w.kind === 'rest' ? t('jobTypes.worker.rest', { name: w.name }) : t('jobTypes.worker.temporal', { name: w.name }));
  const columns: ColumnsType<JobTypeInfo> = [
    {
      title: t('jobTypes.column.type'),
      dataIndex: 'type',
      render: (type: string, row) => (
        <Space orientation="vertical" size={0}>
          {row.title && <Typography.Text strong>{row.title[locale]}</Typography.Text>}
          <Typography.Text code>{type}</Typography.Text>
          <Tag color={row.builtin ? 'blue' : 'purple'}>{row.builtin ? t('jobTypes.builtin') : t('jobTypes.external')}</Tag>
        </Space>
      ),
    },
    {
      title: t('jobTypes.column.description'),
      key: 'description',
      render: (_: unknown, row) => (
        <Space orientation="vertical" size={0}>
          {row.description ? <Typography.Text>{row.description[locale]}</Typography.Text> : <Typography.Text type="secondary">{t('jobTypes.noDescription')}</Typography.Text>}
          {row.taskQueue && <Typography.Text type="secondary">{t('jobTypes.taskQueue', { queue: row.taskQueue })}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('jobTypes.column.usedBy'),
      key: 'usedBy',
      render: (_: unknown, row) =>
        row.usedBy.length === 0 ? (
          <Typography.Text type="secondary">{t('jobTypes.unused')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            {row.usedBy.map((use) => (
              <Typography.Link key={use.definitionKey} onClick={() => navigate(modelerPath(use.definitionKey))}>
                {t('jobTypes.usedByProcess', { process: use.processName ?? use.definitionKey, tasks: use.elements.map((e) => e.name ?? e.id).join('、') })}
              </Typography.Link>
            ))}
          </Space>
        ),
    },
    {
      title: t('jobTypes.column.workers'),
      key: 'workers',
      render: (_: unknown, row) =>
        row.workers.length === 0 ? (
          <Tag color="red">{t('jobTypes.noWorker')}</Tag>
        ) : (
          <Flex wrap gap={4}>
            {row.workers.map((w) => (
              <Tooltip key={`${w.kind}:${w.name}:${w.username ?? ''}`} title={w.username ? t('jobTypes.worker.account', { username: w.username }) : undefined}>
                <Tag color={w.kind === 'rest' ? 'geekblue' : 'green'}>{workerLabel(w)}</Tag>
              </Tooltip>
            ))}
          </Flex>
        ),
    },
    {
      title: t('jobTypes.column.lastSeen'),
      key: 'lastSeen',
      render: (_: unknown, row) =>
        row.lastSeen?.lastSeenAt ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text>{workerLabel(row.lastSeen)}</Typography.Text>
            <time dateTime={row.lastSeen.lastSeenAt}>{formatDateTime(row.lastSeen.lastSeenAt)}</time>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('jobTypes.neverSeen')}</Typography.Text>
        ),
    },
    { title: t('jobTypes.column.waiting'), dataIndex: 'waitingJobs', render: (count: number, row) => (row.builtin ? '—' : count) },
  ];
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('jobTypes.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('jobTypes.intro')}
      </Typography.Paragraph>
      {jobTypes.error && <ProblemAlert message={t('jobTypes.loadFailed')} error={jobTypes.error} />}
      <Table<JobTypeInfo>
        rowKey="type"
        size="middle"
        columns={columns}
        dataSource={jobTypes.data?.items ?? []}
        loading={jobTypes.isPending}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('jobTypes.empty')} /> }}
        pagination={{ hideOnSinglePage: true, pageSize: 20 }}
      />
    </Flex>
  );
}
