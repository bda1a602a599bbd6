// Working days on a versioned calendar (contracts/legalTime.ts): mainland China's weekends, statutory holidays and
// make-up working days (调休), counted in Beijing time. Pure and deterministic: the calendar is data a case carries.
import type { WorkCalendar } from '../../contracts/legalTime';

/** What a computation consulted: set to true when it looked at a day of a year the calendar does not know. */
export interface DayReads {
  provisional: boolean;
}

const DAY_MS = 86_400_000;
/** Beijing time is UTC+8 all year (no daylight saving since 1991). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Most days one computation may walk: a hundred years. */
const MAX_DAYS = 36_600;

/** A calendar's off and work days as sets, built once per calendar object. */
const indexes = new WeakMap<WorkCalendar, { off: Set<string>; work: Set<string> }>();

function indexOf(cal: WorkCalendar): { off: Set<string>; work: Set<string> } {
  let index = indexes.get(cal);
  if (!index) {
    index = { off: new Set(cal.offDays), work: new Set(cal.workDays) };
    indexes.set(cal, index);
  }
  return index;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date; throws a readable error for anything else. */
export function dayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  return ms / DAY_MS;
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date (YYYY-MM-DD) an ISO 8601 instant falls on in Beijing. */
export function localDateOf(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`"${instant}" is not an ISO 8601 date-time`);
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last second of a date in Beijing, as ISO 8601 with its offset: where a deadline of whole days ends. */
export function endOfDay(date: string): string {
  return `${date}T23:59:59.000+08:00`;
}

/** The instant (ms) a Beijing date ends: the midnight after it. */
export function dayEndMs(day: number): number {
  return (day + 1) * DAY_MS - BEIJING_OFFSET_MS;
}

/** Whether a day (number) is a working day; `reads.provisional` is set for a day of a year the calendar does not know. */
export function isWorkingDayNumber(cal: WorkCalendar | undefined, day: number, reads?: DayReads): boolean {
  const date = dateOfDay(day);
  const year = Number(date.slice(0, 4));
  if (!cal || year < cal.knownFrom || year > cal.knownThrough) {
    if (reads) reads.provisional = true;
  }
  if (cal) {
    const { off, work } = indexOf(cal);
    if (off.has(date)) return false;
    if (work.has(date)) return true;
  }
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

/** Whether `date` (YYYY-MM-DD) is a working day: not a weekend unless a make-up day, not a holiday or local day off. */
export function isWorkingDay(cal: WorkCalendar | undefined, date: string, reads?: DayReads): boolean {
  return isWorkingDayNumber(cal, dayNumber(date), reads);
}

/** Checks a count of days: an integer within ±MAX_DAYS / 10. */
function checkedCount(n: number, what: string): number {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_DAYS / 10) throw new RangeError(`${what} must be an integer from -${MAX_DAYS / 10} to ${MAX_DAYS / 10}, got ${n}`);
  return n;
}

/**
 * The n-th working day after `date` — the day itself never counts (期间开始的日不计算在期间内); n = 0: `date` when it is a
 * working day, else the next one; n < 0: the n-th working day before it.
 */
export function addWorkingDays(cal: WorkCalendar | undefined, date: string, n: number, reads?: DayReads): string {
  let day = dayNumber(date);
  checkedCount(n, 'the number of working days');
  if (n === 0) {
    for (let walked = 0; !isWorkingDayNumber(cal, day, reads); walked += 1) {
      if (walked > MAX_DAYS) throw new RangeError(`no working day within ${MAX_DAYS} days of ${date}`);
      day += 1;
    }
    return dateOfDay(day);
  }
  const direction = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  for (let walked = 0; left > 0; walked += 1) {
    if (walked > MAX_DAYS) throw new RangeError(`${n} working days from ${date} are more than ${MAX_DAYS} days away`);
    day += direction;
    if (isWorkingDayNumber(cal, day, reads)) left -= 1;
  }
  return dateOfDay(day);
}

/** Working days in (a, b]: after a, up to and including b; negative when b is before a. */
export function workingDaysBetween(cal: WorkCalendar | undefined, a: string, b: string, reads?: DayReads): number {
  const from = dayNumber(a);
  const to = dayNumber(b);
  if (Math.abs(to - from) > MAX_DAYS) throw new RangeError(`${a} and ${b} are more than ${MAX_DAYS} days apart`);
  const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) if (isWorkingDayNumber(cal, day, reads)) count += 1;
  return sign * count;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkCalendar | undefined, date: string, reads?: DayReads): string {
  return addWorkingDays(cal, date, 1, reads);
}
