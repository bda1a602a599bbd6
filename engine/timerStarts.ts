// Timer start events as schedules: a static timeDate or timeCycle (ISO 8601 repeating interval or Spring cron, as
// Camunda 8 accepts) read into a plain description the server turns into a Temporal Schedule. Pure: the deploy time is
// an argument.
import { DateTime, Duration } from 'luxon';
import { parseCycle, parseDate } from './timers';

/** When a timer start event fires, described independently of Temporal. `repetitions` null: for ever. */
export type StartSchedule =
  /** Once, at `at` (ISO 8601, UTC). */
  | { kind: 'once'; at: string }
  /** Every `everySeconds` from `firstAt` (ISO 8601, UTC; the first firing). */
  | { kind: 'interval'; everySeconds: number; firstAt: string; repetitions: number | null }
  /** Every `step` months from `firstAt` (the first firing), at its day and clock time in `zone`. */
  | { kind: 'months'; step: number; firstAt: string; zone: string; repetitions: number | null }
  /** A cron calendar: the 7 fields `second minute hour day-of-month month day-of-week year` (numbers only) in `zone`. */
  | { kind: 'cron'; fields: string; zone: string };

/** A timer start event's value could not be read; the message says what is wrong. */
export class StartScheduleError extends Error {}

/** How Spring's 6-field cron names months and days of the week. */
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Spring's macros as the 6 fields they stand for. */
const MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

/** Each cron field: its name, bounds and names (Spring's order: second minute hour day-of-month month day-of-week). */
const FIELDS: ReadonlyArray<{ name: string; min: number; max: number; names?: string[]; namesFrom?: number }> = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES, namesFrom: 1 },
  { name: 'day-of-week', min: 0, max: 7, names: DAY_NAMES, namesFrom: 0 },
];

/** True for text that looks like a cron expression rather than an ISO 8601 repeating interval. */
export function isCronLike(value: string): boolean {
  return value.trim().startsWith('@') || value.trim().split(/\s+/).length > 1;
}

/**
 * Reads a timer start event's static value (`type` date or cycle) into a StartSchedule. `deployedAt` anchors cycles
 * without a start (`R/PT1H`: first at deploy + 1 hour, as Camunda 8) and `zone` is the zone cron fields and such
 * anchored monthly cycles are read in. Throws StartScheduleError with a readable reason.
 */
export function startScheduleOf(type: 'date' | 'cycle', value: string, deployedAt: Date, zone: string): StartSchedule {
  const text = value.trim();
  // a date-time may name its zone after the offset (`…+08:00[Asia/Shanghai]`), which luxon does not parse
  const named = /\[([A-Za-z0-9_+\-/]+)\]/.exec(text)?.[1];
  const plain = text.replace(/\[[^\]]*\]/, '');
  if (type === 'date') {
    const date = parseDate(plain);
    if (!date) throw new StartScheduleError(`"${text}" is not an ISO 8601 date-time`);
    return { kind: 'once', at: isoSeconds(date) };
  }
  if (isCronLike(text)) return { kind: 'cron', fields: cronFields(text), zone };
  const parsed = parseCycle(plain);
  const cycle = parsed && named && parsed.start ? { ...parsed, start: parsed.start.setZone(named) } : parsed;
  if (!cycle || (cycle.start && !cycle.start.isValid)) throw new StartScheduleError(`"${text}" is neither an ISO 8601 repeating interval nor a cron expression`);
  const repetitions = cycle.repetitions;
  if (repetitions === 0) throw new StartScheduleError(`"${text}" repeats 0 times`);
  const months = calendarMonths(cycle.interval, text);
  if (months === null) {
    const everySeconds = Math.round(cycle.interval.as('seconds'));
    if (everySeconds < 1) throw new StartScheduleError(`"${text}" repeats more often than once a second`);
    const first = cycle.start ?? DateTime.fromJSDate(deployedAt, { zone: 'utc' }).startOf('second').plus({ seconds: everySeconds });
    return { kind: 'interval', everySeconds, firstAt: isoSeconds(first), repetitions };
  }
  // without a start: a month after the deployment, on day 28 at the latest (so it falls in every month)
  const anchored = DateTime.fromJSDate(deployedAt, { zone }).startOf('second').plus({ months });
  const first = cycle.start ?? (anchored.day > 28 ? anchored.set({ day: 28 }) : anchored);
  if (12 % months !== 0 && months % 12 !== 0) throw new StartScheduleError(`"${text}" repeats every ${months} months; a monthly cycle must divide a year (1, 2, 3, 4, 6 or 12 months) or be whole years`);
  if (first.day > 28) throw new StartScheduleError(`"${text}" starts on day ${first.day} of a month; a monthly cycle must start on day 1 to 28 (not every month has day ${first.day})`);
  return { kind: 'months', step: months, firstAt: isoSeconds(first), zone: zoneOf(first, text), repetitions };
}

/** The number of months of a duration of whole months or years only; null for a fixed-length duration; throws for a mix. */
function calendarMonths(interval: Duration, text: string): number | null {
  const { years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0, milliseconds = 0 } = interval.toObject();
  if (years === 0 && months === 0) return null;
  if (weeks || days || hours || minutes || seconds || milliseconds) throw new StartScheduleError(`"${text}" mixes months or years with days or hours, which a schedule cannot repeat`);
  return years * 12 + months;
}

/** The IANA zone a monthly cycle's start is read in: its zone id, or the Etc zone of a whole-hour offset. */
function zoneOf(start: DateTime, text: string): string {
  if (start.zone.type === 'iana') return start.zoneName as string;
  if (start.offset % 60 !== 0) throw new StartScheduleError(`"${text}" starts at an offset of ${start.toFormat('ZZ')}; give a zone such as [Asia/Kolkata] for a monthly cycle`);
  const hours = -start.offset / 60;
  return hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '+' : ''}${hours}`;
}

function isoSeconds(date: DateTime): string {
  return date.toUTC().toISO({ suppressMilliseconds: true }) as string;
}

/** Spring's 6-field cron (or a macro) as Temporal's 7 fields with numbers only; throws for forms a schedule cannot run. */
export function cronFields(expression: string): string {
  const text = MACROS[expression.trim().toLowerCase()] ?? expression.trim();
  const parts = text.split(/\s+/);
  if (parts.length !== 6) {
    throw new StartScheduleError(`cron "${expression}" has ${parts.length} fields; Camunda 8 reads 6 (second minute hour day-of-month month day-of-week)`);
  }
  return [...parts.map((part, index) => cronField(part, FIELDS[index], expression)), '*'].join(' ');
}

function cronField(part: string, field: (typeof FIELDS)[number], expression: string): string {
  const refuse = (why: string) => new StartScheduleError(`cron "${expression}": ${field.name} "${part}" ${why}`);
  if (/[LW#]/i.test(part.replace(new RegExp(`\\b(${(field.names ?? []).join('|') || '^$'})\\b`, 'gi'), ''))) {
    throw refuse('uses L, W or #, which Sparrow\'s schedules do not run');
  }
  const items = part.split(',').map((item) => {
    const [range, step, extra] = item.split('/');
    if (extra !== undefined || range === '' || (step !== undefined && !/^\d+$/.test(step))) throw refuse('is not a valid cron field');
    if (step !== undefined && Number(step) < 1) throw refuse('steps by 0');
    if (range === '*' || range === '?') return step ? `*/${Number(step)}` : '*';
    const [from, to, more] = range.split('-').map((bound) => valueOf(bound, field, refuse));
    if (more !== undefined || (to !== undefined && to < from)) throw refuse('is not a valid range');
    const end = to ?? (step ? field.max : from);
    return dayOfWeekItems(from, end, step, field.name === 'day-of-week');
  });
  return items.join(',');
}

function valueOf(bound: string, field: (typeof FIELDS)[number], refuse: (why: string) => Error): number {
  const named = field.names?.indexOf(bound.toUpperCase()) ?? -1;
  const value = named >= 0 ? named + (field.namesFrom ?? 0) : /^\d+$/.test(bound) ? Number(bound) : NaN;
  if (!Number.isInteger(value) || value < field.min || value > field.max) throw refuse(`is outside ${field.min}-${field.max}`);
  return value;
}

/** A numeric range item; a day-of-week range reaching Spring's Sunday 7 is listed value by value, 7 as Temporal's 0. */
function dayOfWeekItems(from: number, to: number, step: string | undefined, isDayOfWeek: boolean): string {
  if (!isDayOfWeek || to < 7) return from === to && !step ? `${from}` : `${from}-${to}${step ? `/${Number(step)}` : ''}`;
  const days = new Set<number>();
  for (let day = from; day <= to; day += Number(step ?? 1)) days.add(day % 7);
  return [...days].sort((a, b) => a - b).join(',');
}
