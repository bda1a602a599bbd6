// 工作日历: the working-day calendar cases count legal days with — a year's twelve months with 休 / 班 and the district's
// local adjustments, a banner for a year whose holidays are not published yet, and for admins the adjustments, the
// versions and how far the newest version has reached the running cases. Other roles read it.
import { Alert, Button, Flex, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { CALENDAR_VERSION_READERS, hasAnyRole } from '../../../../contracts/roles';
import { LEGAL_TIME_ZONE } from '../../../../contracts/legalTime';
import type { CalendarDay } from '../../api/calendar';
import { useCalendarYear } from '../../api/hooks/useCalendar.query';
import { useMe } from '../../api/hooks/useMe.query';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useT } from '../../i18n/useT';
import { navigate, searchParam } from '../../routing/location';
import { calendarPath } from '../../routing/paths';
import { AdjustDayModal } from './AdjustDayModal';
import { CalendarVersions } from './CalendarVersions';
import { sourceText } from './calendarDays';
import { MonthGrid } from './MonthGrid';
import { RolloutStatus } from './RolloutStatus';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The current year in Beijing. */
const thisYear = () => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: LEGAL_TIME_ZONE }).format(new Date()));

/** The year `?year=` names, or this year. */
function initialYear(): number {
  const year = Number(searchParam('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : thisYear();
}

/** The calendar page: admins adjust days and see versions and rollout; auditors see versions; others read the months. */
export function WorkCalendarPage() {
  const t = useT();
  const roles = useMe().data?.roles ?? [];
  const isAdmin = roles.includes('admin');
  const readsVersions = hasAnyRole(roles, CALENDAR_VERSION_READERS);
  const [year, setYear] = useState(initialYear);
  const [picked, setPicked] = useState<CalendarDay | null>(null);
  const calendar = useCalendarYear(year);
  const byDate = useMemo(() => new Map((calendar.data?.days ?? []).map((day) => [day.date, day])), [calendar.data]);
  const data = calendar.data?.year === year ? calendar.data : undefined;

  const goTo = (next: number) => {
    setYear(next);
    navigate(calendarPath(next), { replace: true });
  };
  const years = useMemo(() => {
    const from = Math.min(data?.knownFrom ?? year, year, thisYear()) - 1;
    const through = Math.max(data?.knownThrough ?? year, year, thisYear()) + 2;
    return Array.from({ length: through - from + 1 }, (_, i) => from + i);
  }, [data, year]);
  const source = data ? sourceText(data.source) : null;

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('calendar.title')}
        </Typography.Title>
        <Space wrap>
          <Button onClick={() => goTo(year - 1)} disabled={year <= 2000}>
            {t('calendar.prevYear')}
          </Button>
          <Select aria-label={t('calendar.year')} value={year} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: t('calendar.yearOption', { year: y }) }))} onChange={goTo} />
          <Button onClick={() => goTo(year + 1)} disabled={year >= 2100}>
            {t('calendar.nextYear')}
          </Button>
        </Space>
      </Flex>
      {calendar.error && <ProblemAlert message={t('calendar.loadFailed')} error={calendar.error} />}
      {data && source && (
        <Space wrap size={[8, 4]}>
          <Tag color="blue">{t('calendar.versionNumber', { version: data.version })}</Tag>
          <Typography.Text type="secondary">{t(source.key, source.params)}</Typography.Text>
          <Typography.Text type="secondary">{t('calendar.knownYears', { from: data.knownFrom, through: data.knownThrough })}</Typography.Text>
        </Space>
      )}
      {data && !data.known && <Alert type="warning" showIcon title={t('calendar.unknownYear.title', { year })} description={t('calendar.unknownYear.detail')} data-testid="calendar-unknown-year" />}
      <Space wrap size={[16, 4]} aria-label={t('calendar.legend')}>
        <Typography.Text>
          <Tag color="red">{t('calendar.mark.off')}</Tag>
          {t('calendar.legend.off')}
        </Typography.Text>
        <Typography.Text>
          <Tag color="blue">{t('calendar.mark.work')}</Tag>
          {t('calendar.legend.work')}
        </Typography.Text>
        <Typography.Text>
          <Tag style={{ outline: '2px solid #1677ff', outlineOffset: -2 }}>{t('calendar.legend.adjustedMark')}</Tag>
          {t('calendar.legend.adjusted')}
        </Typography.Text>
        {!isAdmin && <Typography.Text type="secondary">{t('calendar.readOnly')}</Typography.Text>}
        {isAdmin && <Typography.Text type="secondary">{t('calendar.adminHint')}</Typography.Text>}
      </Space>
      {!data && !calendar.error ? (
        <Skeleton active />
      ) : (
        data && (
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 12 }}>
            {MONTHS.map((month) => (
              <MonthGrid key={month} year={year} month={month} byDate={byDate} onPick={isAdmin ? setPicked : undefined} />
            ))}
          </div>
        )
      )}
      {isAdmin && <RolloutStatus />}
      {readsVersions && <CalendarVersions />}
      {picked && <AdjustDayModal day={picked} onClose={() => setPicked(null)} />}
    </Flex>
  );
}
