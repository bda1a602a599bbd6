// Timer events: which of timeDuration/timeDate/timeCycle is set, and ISO 8601 validation of static values.
import type { TimerDefinition } from '../model';
import { checkedExpression } from './expressions';
import { child, describe, text, type BpmnElement } from './moddle';
import { abbreviate, type Diagnostics } from './problems';

const DURATION = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))(\[[A-Za-z0-9_+\-/]+\])?$/;
const CYCLE = /^R(\d*)\/(.+)$/;

const TIMER_FIELDS = [
  ['timeDuration', 'duration'],
  ['timeDate', 'date'],
  ['timeCycle', 'cycle'],
] as const;

/** True for an ISO 8601 duration such as `PT30S`, `P1DT2H` or `P2W`. */
export function isIsoDuration(value: string): boolean {
  return DURATION.test(value);
}

/**
 * True for a timer's duration: an ISO 8601 duration, optionally negative (`-PT5M`), which Camunda 8 accepts and fires at
 * once (its due time has passed). A cycle's interval must be positive (isIsoDuration).
 */
export function isTimerDuration(value: string): boolean {
  return isIsoDuration(value.startsWith('-') ? value.slice(1) : value);
}

/** True for an ISO 8601 date-time with a zone offset, such as `2025-03-01T09:00:00Z` or `…+08:00[Asia/Shanghai]`. */
export function isIsoDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const offsetHours = Number(match[8] ?? 0);
  const offsetMinutes = Number(match[9] ?? 0);
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
    hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 18 && offsetMinutes <= 59
  );
}

/** True for an ISO 8601 repeating interval `R[n]/<duration>` or `R[n]/<start date-time>/<duration>`. */
export function isIsoCycle(value: string): boolean {
  const match = CYCLE.exec(value);
  if (!match) return false;
  const parts = match[2].split('/');
  if (parts.length === 1) return isIsoDuration(parts[0]);
  return parts.length === 2 && isIsoDateTime(parts[0]) && isIsoDuration(parts[1]);
}

const VALIDATORS = {
  duration: [isTimerDuration, 'an ISO 8601 duration such as PT30S or P1DT2H'],
  date: [isIsoDateTime, 'an ISO 8601 date-time with zone such as 2025-03-01T09:00:00+08:00'],
  cycle: [isIsoCycle, 'an ISO 8601 repeating interval such as R3/PT10M or R/2025-03-01T09:00:00Z/P1D'],
} as const;

/**
 * Reads the timer of a `bpmn:TimerEventDefinition` on `event`, allowing the `allowed` timer types (`where` names what
 * allows only those in the message); records a problem and returns undefined when the timer is missing, of a type not
 * allowed here, or (when static) not valid ISO 8601.
 */
export function readTimer(
  definition: BpmnElement,
  event: BpmnElement,
  allowed: readonly TimerDefinition['type'][],
  diagnostics: Diagnostics,
  where = 'this event',
): TimerDefinition | undefined {
  const set = TIMER_FIELDS.flatMap(([field, type]) => {
    const expression = child(definition, field);
    return expression ? [{ field, type, expression }] : [];
  });
  if (set.length !== 1) {
    const reason = set.length === 0 ? 'has no timeDuration, timeDate or timeCycle' : 'has more than one of timeDuration, timeDate, timeCycle';
    diagnostics.problem('timer-invalid', `timer of ${describe(event)} ${reason}`, event.id);
    return undefined;
  }
  const { field, type, expression } = set[0];
  if (!allowed.includes(type)) {
    const fields = TIMER_FIELDS.filter(([, candidate]) => allowed.includes(candidate)).map(([name]) => name);
    diagnostics.problem('timer-invalid', `timer of ${describe(event)} uses ${field}; ${where} allows only ${fields.join(' or ')}`, event.id);
    return undefined;
  }
  const raw = (text(expression, 'body') ?? '').trim();
  const value = checkedExpression(raw, `${field} of ${describe(event)}`, event.id, diagnostics);
  if (value.kind === 'static') {
    const [valid, expected] = VALIDATORS[type];
    if (!valid(value.value)) {
      diagnostics.problem('timer-invalid', `${field} of ${describe(event)} is "${abbreviate(value.value)}", which is not ${expected}`, event.id);
      return undefined;
    }
  }
  return { type, value };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
