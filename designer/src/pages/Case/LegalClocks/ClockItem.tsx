// One statutory clock of a case: status, start, time used and left, deadline (暂定 when provisional), its suspensions
// and extensions, and — for those who may — the 中止 / 恢复 / 延期 buttons. Near its deadline orange, overdue red.
import { Button, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import type { ClockView } from '../../../../../contracts/legalTime';
import type { ClockAction } from '../../../api/clocks';
import { ProvisionalTag } from '../../../components/ProvisionalTag';
import { useFormatLegalDate } from '../../../i18n/useFormatLegalDate';
import { useT } from '../../../i18n/useT';
import { amount, lengthAmount, remainingText } from './clockFigures';

const STATUS_COLORS = { running: 'processing', suspended: 'warning', stopped: 'default' } as const;
const URGENCY_COLORS = { normal: 'default', near: 'orange', overdue: 'red' } as const;
/** A stripe at the clock's start: orange near its deadline, red overdue (antd's orange-7 and red-7). */
const URGENCY_STRIPES = { normal: '#d9d9d9', near: '#d46b08', overdue: '#cf1322' } as const;

/** Clock `clock`; `onAction` set (the user may change it and the case runs) shows the buttons its status allows. */
export function ClockItem({ clock, onAction }: { clock: ClockView; onAction?: (action: ClockAction) => void }) {
  const t = useT();
  const format = useFormatLegalDate();
  const text = (message: { key: Parameters<typeof t>[0]; params?: Parameters<typeof t>[1] }) => t(message.key, message.params);
  const remaining = remainingText(clock);
  const urgency = clock.status === 'stopped' ? 'normal' : clock.urgency;
  const length = lengthAmount(clock);
  const actions: ClockAction[] = clock.status === 'running' ? ['suspend', 'extend'] : clock.status === 'suspended' ? ['resume', 'extend'] : [];
  const formatDeadline = clock.unit === 'time' ? format.dateTime : format.date;

  return (
    <Flex vertical gap={8} role="listitem" aria-label={clock.name} data-clock={clock.name} data-urgency={urgency} style={{ borderInlineStart: `3px solid ${URGENCY_STRIPES[urgency]}`, paddingInlineStart: 12 }}>
      <Flex justify="space-between" align="center" gap="small" wrap>
        <Space wrap size={[8, 4]}>
          <Typography.Text strong>{clock.name}</Typography.Text>
          <Tag color={STATUS_COLORS[clock.status]} data-testid="clock-status">
            {t(`legalTime.status.${clock.status}`)}
          </Tag>
          <Tag color={URGENCY_COLORS[urgency]} data-testid="clock-remaining">
            {t(remaining.key, remaining.amount ? { amount: text(remaining.amount) } : undefined)}
          </Tag>
        </Space>
        {onAction && actions.length > 0 && (
          <Space wrap>
            {actions.map((action) => (
              <Button key={action} size="small" onClick={() => onAction(action)}>
                {t(`legalTime.${action}`)}
              </Button>
            ))}
          </Space>
        )}
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, xl: 4 }}
        items={[
          { key: 'startedAt', label: t('legalTime.startedAt'), children: format.dateTime(clock.startedAt) },
          {
            key: 'length',
            label: t('legalTime.length'),
            children: (length ? text(length) : '—') + (clock.extendedDays > 0 ? t('legalTime.extendedBy', { amount: text(amount(clock.unit === 'workingDays' ? 'workingDays' : 'calendarDays', clock.extendedDays)) }) : ''),
          },
          { key: 'elapsed', label: t('legalTime.elapsed'), children: text(amount(clock.unit, clock.elapsed)) },
          {
            key: 'deadline',
            label: t('legalTime.deadline'),
            children: (
              <Space size={4} wrap>
                <Typography.Text type={urgency === 'overdue' ? 'danger' : urgency === 'near' ? 'warning' : undefined} data-testid="clock-deadline">
                  {clock.deadline ? formatDeadline(clock.deadline) : t('legalTime.deadline.suspended')}
                </Typography.Text>
                {clock.deadline && clock.provisional && <ProvisionalTag />}
              </Space>
            ),
          },
          ...(clock.stoppedAt ? [{ key: 'stoppedAt', label: t('legalTime.stoppedAt'), children: format.dateTime(clock.stoppedAt) }] : []),
        ]}
      />
      {clock.suspensions.length > 0 && (
        <Flex vertical gap={4} role="list" aria-label={t('legalTime.suspensions')}>
          <Typography.Text type="secondary">{t('legalTime.suspensions')}</Typography.Text>
          {clock.suspensions.map((suspension) => (
            <Flex key={suspension.from} role="listitem" vertical>
              <Space wrap size={[8, 0]}>
                <Typography.Text>
                  {t('legalTime.period', { from: format.dateTime(suspension.from), to: suspension.to ? format.dateTime(suspension.to) : t('legalTime.period.ongoing') })}
                </Typography.Text>
                <Tag>{t(`legalTime.ground.${suspension.ground}`)}</Tag>
              </Space>
              <Typography.Text type="secondary">{t('legalTime.record.reason', { reason: suspension.reason })}</Typography.Text>
              <Typography.Text type="secondary">
                {t('legalTime.record.suspendedBy', { by: suspension.by })}
                {suspension.resumedBy ? t('legalTime.record.resumedBy', { by: suspension.resumedBy, reason: suspension.resumeReason ?? '—' }) : ''}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
      {clock.extensions.length > 0 && (
        <Flex vertical gap={4} role="list" aria-label={t('legalTime.extensions')}>
          <Typography.Text type="secondary">{t('legalTime.extensions')}</Typography.Text>
          {clock.extensions.map((extension) => (
            <Flex key={extension.at} role="listitem" vertical>
              <Typography.Text>{t('legalTime.record.extended', { amount: text(amount(clock.unit === 'workingDays' ? 'workingDays' : 'calendarDays', extension.days)), at: format.dateTime(extension.at) })}</Typography.Text>
              <Typography.Text type="secondary">{t('legalTime.record.reason', { reason: extension.reason })}</Typography.Text>
              <Typography.Text type="secondary">{t('legalTime.record.approvedBy', { by: extension.by })}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
