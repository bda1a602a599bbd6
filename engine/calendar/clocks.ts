// Statutory clocks: the deadline of a period from its start, its length and extensions, skipping the days it was
// suspended (中止) — on the working-day calendar for working-day clocks. Pure; the engine and the API compute with it.
import { DateTime, Duration } from 'luxon';
import type { ClockDeclaration, ClockState, ClockView, WorkCalendar } from '../../contracts/legalTime';
import { type DayReads, dateOfDay, dayEndMs, dayNumber, endOfDay, isWorkingDayNumber, localDateOf } from './workCalendar';

const DAY_MS = 86_400_000;
/** Most days a clock may span, suspensions included: a hundred years. */
const MAX_DAYS = 36_600;

/** What a clock counts: calendar days, working days, or exact time (a duration with hours, minutes or seconds). */
export function clockUnit(decl: ClockDeclaration): ClockView['unit'] {
  if (decl.workingDays !== undefined) return 'workingDays';
  const duration = durationOf(decl);
  return duration.hours || duration.minutes || duration.seconds || duration.milliseconds ? 'time' : 'calendarDays';
}

function durationOf(decl: ClockDeclaration): Duration {
  const duration = Duration.fromISO(decl.duration ?? '');
  if (!duration.isValid) throw new RangeError(`clock ${decl.name} has no valid duration or working days`);
  return duration;
}

/** The declared length in days of a day-counting clock started on `startDate` (P3M is as many days as those months have). */
function lengthDays(decl: ClockDeclaration, startDate: string): number {
  if (decl.workingDays !== undefined) return decl.workingDays;
  const start = DateTime.fromISO(startDate, { zone: 'utc' });
  return Math.round(start.plus(durationOf(decl)).diff(start, 'days').days);
}

const extendedDaysOf = (clock: ClockState) => clock.extensions.reduce((sum, extension) => sum + extension.days, 0);

/** Whether the clock was suspended when `day` ended (24:00 Beijing): such a day does not count. */
function suspendedAtEndOf(clock: ClockState, day: number): boolean {
  const end = dayEndMs(day);
  return clock.suspensions.some((s) => Date.parse(s.from) <= end && (s.to === undefined || Date.parse(s.to) > end));
}

/** Whether `day` counts for the clock's unit (suspensions aside). */
const unitDay = (working: boolean, cal: WorkCalendar | undefined, day: number, reads: DayReads) => !working || isWorkingDayNumber(cal, day, reads);

/**
 * The clock's deadline: the end of its last counted day (a calendar-day period ending on a day off ends on the next
 * working day, 民法典 Art. 203), or for a `time` clock the exact instant; null while suspended. The start day never counts.
 */
export function clockDeadline(decl: ClockDeclaration, clock: ClockState, cal: WorkCalendar | undefined, reads: DayReads = { provisional: false }): { deadline: string | null; provisional: boolean } {
  if (clock.status === 'suspended') return { deadline: null, provisional: false };
  const unit = clockUnit(decl);
  if (unit === 'time') {
    const suspended = clock.suspensions.reduce((sum, s) => sum + (s.to ? Date.parse(s.to) - Date.parse(s.from) : 0), 0);
    const due = DateTime.fromISO(clock.startedAt, { zone: 'utc' }).plus(durationOf(decl)).toMillis() + suspended + extendedDaysOf(clock) * DAY_MS;
    return { deadline: new Date(due).toISOString(), provisional: false };
  }
  const working = unit === 'workingDays';
  const startDate = localDateOf(clock.startedAt);
  const total = lengthDays(decl, startDate) + extendedDaysOf(clock);
  let day = dayNumber(startDate);
  for (let counted = 0, walked = 0; counted < total; walked += 1) {
    if (walked > MAX_DAYS) throw new RangeError(`clock ${decl.name} would end more than ${MAX_DAYS} days after its start`);
    day += 1;
    if (unitDay(working, cal, day, reads) && !suspendedAtEndOf(clock, day)) counted += 1;
  }
  if (!working) while (!isWorkingDayNumber(cal, day, reads)) day += 1;
  return { deadline: endOfDay(dateOfDay(day)), provisional: reads.provisional };
}

/** Days in (from, to] that count for the clock's unit, skipping those it was suspended at the end of when `suspensions`. */
function countDays(clock: ClockState, working: boolean, cal: WorkCalendar | undefined, from: number, to: number, suspensions: boolean): number {
  if (to - from > MAX_DAYS) throw new RangeError(`clock ${clock.name} spans more than ${MAX_DAYS} days`);
  const reads = { provisional: false };
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) if (unitDay(working, cal, day, reads) && !(suspensions && suspendedAtEndOf(clock, day))) count += 1;
  return count;
}

/** The clock as the case page shows it at `at`: elapsed and remaining units, urgency, extensions. */
export function clockView(decl: ClockDeclaration, clock: ClockState, cal: WorkCalendar | undefined, at: string): ClockView {
  const unit = clockUnit(decl);
  const { deadline, provisional } = clockDeadline(decl, clock, cal);
  const reference = clock.stoppedAt ?? at;
  let elapsed: number;
  let remaining: number | null = null;
  let length: number | string;
  if (unit === 'time') {
    const end = Date.parse(reference);
    const suspended = clock.suspensions.reduce((sum, s) => sum + Math.max(0, Math.min(s.to ? Date.parse(s.to) : end, end) - Date.parse(s.from)), 0);
    elapsed = Math.floor((end - Date.parse(clock.startedAt) - suspended) / 1000);
    if (deadline !== null) remaining = Math.floor((Date.parse(deadline) - end) / 1000);
    length = decl.duration ?? '';
  } else {
    const working = unit === 'workingDays';
    const startDay = dayNumber(localDateOf(clock.startedAt));
    const refDay = dayNumber(localDateOf(reference));
    elapsed = countDays(clock, working, cal, startDay, refDay, true);
    if (deadline !== null) {
      const deadlineDay = dayNumber(deadline.slice(0, 10));
      remaining = refDay <= deadlineDay ? countDays(clock, working, cal, refDay, deadlineDay, false) : -countDays(clock, working, cal, deadlineDay, refDay, false);
    }
    length = lengthDays(decl, localDateOf(clock.startedAt));
  }
  const warnWithin = unit === 'time' ? decl.warnWithin * 86_400 : decl.warnWithin;
  const overdue = clock.status !== 'stopped' && deadline !== null && Date.parse(at) > Date.parse(deadline);
  const near = clock.status !== 'stopped' && remaining !== null && remaining <= warnWithin;
  return {
    ...clock,
    deadline,
    provisional,
    unit,
    length,
    elapsed,
    remaining,
    extendedDays: extendedDaysOf(clock),
    urgency: overdue ? 'overdue' : near ? 'near' : 'normal',
    approvers: decl.approvers,
    warnWithin: decl.warnWithin,
  };
}
