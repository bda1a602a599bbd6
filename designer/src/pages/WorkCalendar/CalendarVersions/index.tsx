// The versions of the working-day calendar, newest first: each with its number, source, what changed, who and when.
import { Card, Table, Typography } from 'antd';
import type { CalendarVersion } from '../../../api/calendar';
import { useCalendarVersions } from '../../../api/hooks/useCalendar.query';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useFormatDateTime } from '../../../i18n/useFormatDateTime';
import { useT } from '../../../i18n/useT';
import { changeText, sourceText } from '../calendarDays';

/** The 版本记录 card (admins and auditors). */
export function CalendarVersions() {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const versions = useCalendarVersions(true);
  const text = ({ key, params }: { key: Parameters<typeof t>[0]; params?: Parameters<typeof t>[1] }) => t(key, params);
  if (versions.error) return <ProblemAlert message={t('calendar.versions.loadFailed')} error={versions.error} />;

  return (
    <Card size="small" title={t('calendar.versions.title')}>
      <Table<CalendarVersion>
        size="small"
        rowKey="version"
        loading={versions.isPending}
        dataSource={versions.data ?? []}
        pagination={(versions.data?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        scroll={{ x: 640 }}
        columns={[
          { key: 'version', title: t('calendar.versions.version'), width: 70, render: (_, v) => t('calendar.versionNumber', { version: v.version }) },
          { key: 'source', title: t('calendar.versions.source'), render: (_, v) => text(sourceText(v.source)) },
          { key: 'change', title: t('calendar.versions.change'), render: (_, v) => text(changeText(v.change, v.basePackage)) },
          { key: 'by', title: t('calendar.versions.by'), width: 110, render: (_, v) => (v.createdBy === 'system' ? t('calendar.by.system') : v.createdBy) },
          { key: 'at', title: t('calendar.versions.at'), width: 160, render: (_, v) => <Typography.Text>{formatDateTime(v.createdAt)}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
