// How far the newest calendar version has reached the running cases: 已更新 n / m 个在办案件 (polled while it runs).
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { useCalendarRollout } from '../../../api/hooks/useCalendar.query';
import { useT } from '../../../i18n/useT';

/** The 在办案件更新 card (admins); nothing before any rollout or when it cannot be read. */
export function RolloutStatus() {
  const t = useT();
  const rollout = useCalendarRollout(true).data;
  if (!rollout) return null;
  const percent = rollout.total === 0 ? 100 : Math.round((rollout.updated / rollout.total) * 100);
  return (
    <Card size="small" title={t('calendar.rollout.title')}>
      <Flex vertical gap={4} data-testid="calendar-rollout">
        <Flex gap="small" align="center" wrap>
          <Typography.Text>{t('calendar.rollout.progress', { version: rollout.version, updated: rollout.updated, total: rollout.total })}</Typography.Text>
          <Tag color={rollout.running ? 'processing' : 'success'}>{t(rollout.running ? 'calendar.rollout.running' : 'calendar.rollout.done')}</Tag>
          {rollout.failed > 0 && <Tag color="error">{t('calendar.rollout.failed', { failed: rollout.failed })}</Tag>}
          {rollout.skipped > 0 && <Tag>{t('calendar.rollout.skipped', { skipped: rollout.skipped })}</Tag>}
        </Flex>
        <Progress percent={percent} size="small" status={rollout.failed > 0 ? 'exception' : rollout.running ? 'active' : 'success'} />
      </Flex>
    </Card>
  );
}
