// Why a clock change or a calendar update cannot be applied to a case (issue 14), in words the API passes on: the
// Update validators call this through rejectionOf, so a refused change is never recorded.
import { SUSPENSION_GROUNDS, type WorkCalendar } from '../../contracts/legalTime';
import type { ExecutableModel } from '../model';
import { own } from './own';
import type { EngineEvent, EngineState } from './types';

/** The longest reason a clock change may give, in characters. */
export const MAX_REASON_LENGTH = 500;
/** The most days a clock may be declared with in working days, or extended by at once: ten years. */
export const MAX_CLOCK_DAYS = 3650;

/** An event of legal time that a person (or the calendar rollout) sends to a running case. */
export type LegalTimeEvent = Extract<EngineEvent, { type: 'clockSuspended' | 'clockResumed' | 'clockExtended' | 'calendarUpdated' }>;

const GROUNDS: ReadonlySet<string> = new Set(SUSPENSION_GROUNDS);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Why the event cannot be applied, or null. With `model`, a clock the process does not declare is named as such;
 * without (a validator that has no model at hand), it is refused as not started.
 */
export function legalTimeRejectionOf(state: EngineState, event: LegalTimeEvent, legalTime: boolean | undefined, model?: ExecutableModel): string | null {
  if (!legalTime) return 'this case does not keep legal time: it started before statutory clocks and the working-day calendar';
  if (event.type === 'calendarUpdated') return calendarRejectionOf(event.calendar, state.calendar);
  if (typeof event.clock !== 'string' || event.clock === '') return 'a clock change must name the clock';
  if (model && !Object.hasOwn(model.clocks ?? {}, event.clock)) return `clock "${event.clock}" is not declared by process ${model.processId}`;
  const clock = state.clocks === undefined ? undefined : own(state.clocks, event.clock);
  if (!clock) return `clock "${event.clock}" has not started in this case`;
  if (clock.status === 'stopped') return `clock "${event.clock}" has stopped`;
  if (event.type === 'clockSuspended' && clock.status === 'suspended') return `clock "${event.clock}" is already suspended`;
  if (event.type === 'clockSuspended' && !GROUNDS.has(event.ground)) return `the ground of a suspension must be one of ${SUSPENSION_GROUNDS.join(', ')}, got ${JSON.stringify(event.ground)}`;
  if (event.type === 'clockResumed' && clock.status !== 'suspended') return `clock "${event.clock}" is running, not suspended`;
  if (event.type === 'clockExtended' && (!Number.isInteger(event.days) || event.days < 1 || event.days > MAX_CLOCK_DAYS)) {
    return `an extension must be a whole number of days from 1 to ${MAX_CLOCK_DAYS}, got ${JSON.stringify(event.days)}`;
  }
  if (typeof event.reason !== 'string' || event.reason.trim() === '') return 'a clock change needs a reason';
  if (event.reason.length > MAX_REASON_LENGTH) return `the reason must be at most ${MAX_REASON_LENGTH} characters, got ${event.reason.length}`;
  return null;
}

/** Why a calendar cannot be the case's next one (malformed, or not newer than the one it has), or null. */
export function calendarRejectionOf(calendar: WorkCalendar, current: WorkCalendar | undefined): string | null {
  const malformed = calendarProblemOf(calendar);
  if (malformed) return `the calendar is malformed: ${malformed}`;
  if (current && calendar.version <= current.version) return `calendar version ${calendar.version} is not newer than version ${current.version} the case computes with`;
  return null;
}

/** What is wrong with a calendar's shape, or null. */
export function calendarProblemOf(calendar: WorkCalendar): string | null {
  if (typeof calendar !== 'object' || calendar === null) return 'it is not an object';
  if (!Number.isInteger(calendar.version) || calendar.version < 1) return `its version must be a whole number from 1, got ${JSON.stringify(calendar.version)}`;
  if (typeof calendar.sha256 !== 'string' || typeof calendar.source !== 'string') return 'it needs a sha256 and a source';
  if (!Number.isInteger(calendar.knownFrom) || !Number.isInteger(calendar.knownThrough) || calendar.knownFrom > calendar.knownThrough) return 'knownFrom and knownThrough must be years, the first not after the last';
  const dates = (list: unknown) => Array.isArray(list) && list.every((day) => typeof day === 'string' && DATE.test(day));
  if (!dates(calendar.offDays) || !dates(calendar.workDays)) return 'offDays and workDays must be lists of dates (YYYY-MM-DD)';
  return null;
}
