// A task's due date with the time left: red once overdue, orange within a day, plain later; 暂定 when provisional.
import { Space, Tag, Tooltip, Typography } from 'antd';
import { dueStatus, durationMessage } from './dueStatus';
import { ProvisionalTag } from '../ProvisionalTag';
import { useFormatDateTime } from '../../i18n/useFormatDateTime';
import { useT } from '../../i18n/useT';

/**
 * Shows `dueDate` at `now` as 「剩余 3小时20分钟」 or 「已逾期 2天1小时」 (with the date in a tooltip), or 「无期限」; a
 * `provisional` due date (counted over holidays not yet published) adds the 暂定 tag.
 */
export function DueTag({ dueDate, now, provisional = false }: { dueDate: string | null; now: number; provisional?: boolean }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const { state, remainingMs } = dueStatus(dueDate, now);
  if (state === 'none' || !dueDate) return <Typography.Text type="secondary">{t('due.none')}</Typography.Text>;
  const duration = durationMessage(remainingMs);
  const time = t(duration.key, duration.params);
  const label = state === 'overdue' ? t('due.overdue', { time }) : t('due.left', { time });
  const color = state === 'overdue' ? 'red' : state === 'near' ? 'orange' : 'default';
  const tag = (
    // the date is formatted when the tooltip opens, not while the page renders
    <Tooltip title={() => t('due.at', { at: formatDateTime(dueDate) })}>
      <Tag color={color} data-due-state={state} style={{ marginInlineEnd: 0 }}>
        {label}
      </Tag>
    </Tooltip>
  );
  if (!provisional) return tag;
  return (
    <Space size={4} wrap>
      {tag}
      <ProvisionalTag />
    </Space>
  );
}
