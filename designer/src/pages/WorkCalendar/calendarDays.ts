// The month grids of the working-day calendar page (pure): each month's days in Monday-first weeks, filled from the
// API's days (a day it does not list counts as a plain weekday or weekend), and the zh-CN texts of sources and changes.
import type { CalendarDay, CalendarVersion } from '../../api/calendar';
import type { MessageKey } from '../../i18n/messages/zh-CN';
import type { MessageParams } from '../../i18n/useT';

/** A message of the dictionaries with its parameters. */
export interface CalendarText {
  key: MessageKey;
  params?: MessageParams;
}

/** One week of a month grid: seven cells, Monday first; null before the 1st and after the last day. */
export type Week = Array<CalendarDay | null>;

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of `day` in `month` (1–12) of `year`. */
export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** The day `date` as the API lists it, or a plain weekday or weekend day when it does not. */
export function dayOf(byDate: ReadonlyMap<string, CalendarDay>, date: string): CalendarDay {
  const listed = byDate.get(date);
  if (listed) return listed;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday' };
}

/** The weeks of `month` (1–12) of `year`, Monday first. */
export function monthWeeks(year: number, month: number, byDate: ReadonlyMap<string, CalendarDay>): Week[] {
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const leading = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: Array<CalendarDay | null> = [...Array<null>(leading).fill(null), ...Array.from({ length }, (_, i) => dayOf(byDate, isoDate(year, month, i + 1)))];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** The marker a day carries: 休 on a day off that is not a weekend, 班 on a weekend working day, none otherwise. */
export function dayMarker(day: Pick<CalendarDay, 'date' | 'working' | 'kind'>): 'off' | 'work' | null {
  const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  if (!day.working && !weekend) return 'off';
  if (day.working && weekend) return 'work';
  return null;
}

/** How people read a calendar's source `chinese-days@1.5.7 + 2 local adjustments`: 全国节假日数据 1.5.7，含 2 项本地调整. */
export function sourceText(source: string): CalendarText {
  const match = /^([\w.-]+)@([\w.-]+)(?: \+ (\d+) local adjustments?)?$/.exec(source.trim());
  if (!match) return { key: 'calendar.source.other', params: { source } };
  const [, , version, count] = match;
  return count ? { key: 'calendar.source.adjusted', params: { version, count } } : { key: 'calendar.source.package', params: { version } };
}

/** What a version changed: new holiday data, a day made a working day or a day off (with its note), an adjustment removed. */
export function changeText(change: CalendarVersion['change'], basePackage: string): CalendarText {
  if (change.kind === 'package') return { key: 'calendar.change.package', params: { version: basePackage.split('@')[1] ?? basePackage } };
  if (change.kind === 'adjustment.removed') return { key: 'calendar.change.removed', params: { date: change.date ?? '—' } };
  return { key: change.working ? 'calendar.change.toWork' : 'calendar.change.toOff', params: { date: change.date ?? '—', note: change.note ?? '—' } };
}
