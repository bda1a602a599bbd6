// One year of the current working-day calendar as the admin page shows it: every day, working or not, and why.
import { dateOfDay, dayNumber, isWorkingDay } from '../../engine/calendar/workCalendar';
import { isWeekend, readBaseSchedule } from './calendarBase';
import type { StoredVersion } from './calendars';

/** What a day is: a plain working day, a weekend, a statutory holiday or local day off, a make-up working day (调休). */
type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

/** One day of the year view. */
export interface CalendarDay {
  date: string;
  working: boolean;
  kind: DayKind;
  holiday?: string;
  adjustment?: { note: string; by: string; at: string };
}

/** The days of `year` in `version`'s calendar; holiday names from the installed package's schedule (a year it knows). */
export function calendarYear(version: StoredVersion, year: number) {
  const { calendar } = version;
  const known = year >= calendar.knownFrom && year <= calendar.knownThrough;
  const schedule = readBaseSchedule();
  const adjustments = new Map(version.adjustments.map((a) => [a.date, { note: a.note, by: a.by, at: new Date(a.at).toISOString() }]));
  const days: CalendarDay[] = [];
  for (let day = dayNumber(`${year}-01-01`); day <= dayNumber(`${year}-12-31`); day += 1) {
    const date = dateOfDay(day);
    const working = isWorkingDay(calendar, date);
    const weekend = isWeekend(date);
    const name = known ? (working ? schedule.makeupDays.get(date) : schedule.holidays.get(date)) : undefined;
    const kind: DayKind = working ? (weekend ? 'makeup' : 'workday') : weekend && !name ? 'weekend' : 'holiday';
    const adjustment = adjustments.get(date);
    days.push({ date, working, kind, ...(name !== undefined && { holiday: name }), ...(adjustment && { adjustment }) });
  }
  return { version: calendar.version, sha256: calendar.sha256, source: calendar.source, knownFrom: calendar.knownFrom, knownThrough: calendar.knownThrough, year, known, days };
}
