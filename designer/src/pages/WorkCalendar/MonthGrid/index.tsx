// One month of the working-day calendar: Monday-first weeks, 休 on days off that are not weekends, 班 on weekend
// working days, local adjustments outlined in blue; for admins each day is a button that opens its adjustment.
import { Card, Tooltip } from 'antd';
import type { CSSProperties } from 'react';
import type { CalendarDay } from '../../../api/calendar';
import { useLocale } from '../../../i18n/LocaleProvider';
import { useT } from '../../../i18n/useT';
import { dayMarker, monthWeeks } from '../calendarDays';

const MONDAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

const cellBase: CSSProperties = { position: 'relative', minHeight: 36, borderRadius: 4, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', fontSize: 13, lineHeight: 1.2, padding: 2, border: '1px solid transparent', background: 'transparent', font: 'inherit' };
const MARKER_STYLES = { off: { background: '#fff1f0', color: '#cf1322' }, work: { background: '#e6f4ff', color: '#0958d9' } } as const;
const ADJUSTED_STYLE: CSSProperties = { outline: '2px solid #1677ff', outlineOffset: -2 };

/** Month `month` (1–12) of `year` from `byDate`; `onPick` (admins) makes each day a button. */
export function MonthGrid({ year, month, byDate, onPick }: { year: number; month: number; byDate: ReadonlyMap<string, CalendarDay>; onPick?: (day: CalendarDay) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  const weekdays = Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' }).format(new Date(MONDAY + i * DAY_MS)));
  const dateLabel = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });

  /** What a day is, in words: 工作日 / 周末 / 休息日（春节）/ 调休上班（春节）, and its local adjustment. */
  const describe = (day: CalendarDay) => {
    const what = t(`calendar.day.${day.kind}`) + (day.holiday ? t('calendar.day.holiday.name', { name: day.holiday }) : '');
    const adjusted = day.adjustment ? t('calendar.day.adjusted', { note: day.adjustment.note, by: day.adjustment.by }) : '';
    return [what, adjusted].filter(Boolean).join(t('list.separator'));
  };

  return (
    <Card size="small" title={monthName} styles={{ body: { padding: 8 } }}>
      <div role="grid" aria-label={monthName} style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 2 }}>
        <div role="row" style={{ display: 'contents' }}>
          {weekdays.map((weekday, i) => (
            <div key={weekday + String(i)} role="columnheader" style={{ textAlign: 'center', fontSize: 12, color: i >= 5 ? '#8c8c8c' : undefined }}>
              {weekday}
            </div>
          ))}
        </div>
        {monthWeeks(year, month, byDate).map((week, w) => (
          <div key={`w${w}`} role="row" style={{ display: 'contents' }}>
            {week.map((day, d) => {
              if (!day) return <div key={`${w}-${d}`} role="gridcell" />;
              const marker = dayMarker(day);
              const description = describe(day);
              const label = `${dateLabel.format(new Date(`${day.date}T00:00:00Z`))}：${description}`;
              const style: CSSProperties = {
                ...cellBase,
                ...(marker ? MARKER_STYLES[marker] : { color: day.working ? undefined : '#8c8c8c' }),
                ...(day.adjustment ? ADJUSTED_STYLE : {}),
                width: '100%',
                cursor: onPick ? 'pointer' : 'default',
              };
              const content = (
                <>
                  <span>{Number(day.date.slice(8))}</span>
                  {marker && <span style={{ fontSize: 10 }}>{t(`calendar.mark.${marker}`)}</span>}
                </>
              );
              const data = { 'data-date': day.date, 'data-marker': marker ?? undefined, 'data-adjusted': day.adjustment ? 'true' : undefined };
              return (
                <div key={day.date} role="gridcell">
                  <Tooltip title={description}>
                    {onPick ? (
                      <button type="button" aria-label={label} {...data} style={style} onClick={() => onPick(day)}>
                        {content}
                      </button>
                    ) : (
                      <div aria-label={label} {...data} style={style}>
                        {content}
                      </div>
                    )}
                  </Tooltip>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </Card>
  );
}
