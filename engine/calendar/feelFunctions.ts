// FEEL functions of legal time: working-day arithmetic on the case's calendar, its statutory clocks, and now()/today()
// at the step's own instant — so an expression gives the same value when the case's history is replayed.
import { dateAndTime, FeelDate, FeelDateTime, parseDate } from 'feelin';
import { DateTime } from 'luxon';
import { type ClockDeclaration, type ClockState, LEGAL_TIME_ZONE, type WorkCalendar } from '../../contracts/legalTime';
import { clockView } from './clocks';
import { addWorkingDays, type DayReads, endOfDay, isWorkingDay, localDateOf, nextWorkingDay, workingDaysBetween } from './workCalendar';

/** What one evaluation read: the calendar, which clocks, and whether a day of a year the calendar does not know. */
export interface LegalTimeReads extends DayReads {
  calendar: boolean;
  clocks: string[];
}

/** What the functions compute with: the step's instant, the case's calendar, its clocks and their declarations. */
export interface LegalTimeScope {
  at: string;
  calendar?: WorkCalendar;
  clocks?: Record<string, ClockState>;
  declarations?: Record<string, ClockDeclaration>;
}

/** A FEEL function as feelin calls it: positional arguments, parameter names in `$args`. */
export type FeelFunction = ((...args: unknown[]) => unknown) & { $args: string[] };

const fn = (args: string[], body: (...args: unknown[]) => unknown): FeelFunction => Object.assign(body, { $args: args });

/** A date argument: FEEL date, FEEL date-time (its Beijing date) or ISO text; `dateTime` says which kind came in. */
function dayOf(value: unknown, what: string): { date: string; dateTime: boolean } | null {
  if (value === null || value === undefined) return null;
  if (value instanceof FeelDate) return { date: value.iso, dateTime: false };
  if (value instanceof FeelDateTime) return { date: localDateOf(new Date(instantOf(value)).toISOString()), dateTime: true };
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return { date: value.trim(), dateTime: false };
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return { date: localDateOf(value), dateTime: true };
  throw new TypeError(`${what} must be a date or date and time, got ${JSON.stringify(value)}`);
}

/** The instant of a FEEL date-time; one without a zone is read in Beijing time. */
function instantOf(value: FeelDateTime): number {
  const at = value.iso.indexOf('@');
  if (at >= 0) return DateTime.fromISO(value.iso.slice(0, at), { zone: value.iso.slice(at + 1) }).toMillis();
  if (value.zone === null) return DateTime.fromISO(value.iso, { zone: LEGAL_TIME_ZONE }).toMillis();
  return Date.parse(value.iso);
}

const feelDate = (date: string) => parseDate(date);
const feelDateTime = (iso: string) => dateAndTime(iso);

/** The FEEL scope entries of legal time, each recording in `reads` what it consulted. */
export function legalTimeFunctions(scope: LegalTimeScope, reads: LegalTimeReads): Record<string, FeelFunction> {
  const cal = scope.calendar;
  const useCalendar = () => {
    reads.calendar = true;
  };
  const addDays = fn(['date', 'days'], (date, days) => {
    const day = dayOf(date, 'add working days: the date');
    if (day === null || days === null || days === undefined) return null;
    if (typeof days !== 'number') throw new TypeError(`add working days: the number of days must be a number, got ${JSON.stringify(days)}`);
    useCalendar();
    const result = addWorkingDays(cal, day.date, days, reads);
    // A deadline of N working days ends at the end of the N-th working day, in Beijing time.
    return day.dateTime ? feelDateTime(endOfDay(result)) : feelDate(result);
  });
  const between = fn(['from', 'to'], (from, to) => {
    const a = dayOf(from, 'working days between: from');
    const b = dayOf(to, 'working days between: to');
    if (a === null || b === null) return null;
    useCalendar();
    return workingDaysBetween(cal, a.date, b.date, reads);
  });
  const isWorking = fn(['date'], (date) => {
    const day = dayOf(date, 'is working day: the date');
    if (day === null) return null;
    useCalendar();
    return isWorkingDay(cal, day.date, reads);
  });
  const next = fn(['date'], (date) => {
    const day = dayOf(date, 'next working day: the date');
    if (day === null) return null;
    useCalendar();
    return feelDate(nextWorkingDay(cal, day.date, reads));
  });
  const clock = fn(['name'], (name) => {
    if (typeof name !== 'string') throw new TypeError(`clock: the name must be a string, got ${JSON.stringify(name)}`);
    const decl = scope.declarations?.[name];
    if (!decl || !Object.hasOwn(scope.declarations ?? {}, name)) throw new RangeError(`clock "${name}" is not declared by this process`);
    if (!reads.clocks.includes(name)) reads.clocks.push(name);
    const state = scope.clocks && Object.hasOwn(scope.clocks, name) ? scope.clocks[name] : undefined;
    if (!state) return null;
    const view = clockView(decl, state, cal, scope.at);
    if (view.provisional) reads.provisional = true;
    return {
      name,
      status: view.status,
      startedAt: feelDateTime(view.startedAt),
      deadline: view.deadline === null ? null : feelDateTime(view.deadline),
      elapsed: view.elapsed,
      remaining: view.remaining,
      suspended: view.status === 'suspended',
      extendedDays: view.extendedDays,
      provisional: view.provisional,
    };
  });
  return {
    now: fn([], () => feelDateTime(scope.at)),
    today: fn([], () => feelDate(localDateOf(scope.at))),
    'add working days': addDays,
    'working days between': between,
    'is working day': isWorking,
    'next working day': next,
    加工作日: addDays,
    工作日间隔: between,
    是工作日: isWorking,
    下一工作日: next,
    clock,
    时限: clock,
  };
}

/** Names of the legal-time functions, as a compiler finds them in FEEL sources (`clock(` and `时限(` by call). */
export const LEGAL_TIME_FUNCTION_NAMES = ['add working days', 'working days between', 'is working day', 'next working day', '加工作日', '工作日间隔', '是工作日', '下一工作日', 'clock', '时限'] as const;
