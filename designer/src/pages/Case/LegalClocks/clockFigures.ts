// The figures of a statutory clock as messages (pure): amounts in its unit, what its remaining time says, and who may
// suspend, resume or extend it.
import type { ClockView } from '../../../../../contracts/legalTime';
import type { Me } from '../../../api/auth';
import type { MessageKey } from '../../../i18n/messages/zh-CN';
import type { MessageParams } from '../../../i18n/useT';

/** A message of the dictionaries with its parameters. */
export interface ClockText {
  key: MessageKey;
  params: MessageParams;
}

/** Roles that may change any clock of the cases they see, besides a clock's own approvers. */
export const CLOCK_OFFICERS = ['street-commander', 'admin'] as const;

/** The message for `seconds` of exact time: days and hours, hours and minutes, minutes and seconds, or seconds. */
export function timeAmount(seconds: number): ClockText {
  const s = Math.floor(Math.abs(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return { key: 'duration.days', params: { d, h } };
  if (h > 0) return { key: 'duration.hours', params: { h, m } };
  if (m > 0) return { key: 'legalTime.minutesSeconds', params: { m, s: s % 60 } };
  return { key: 'legalTime.seconds', params: { s } };
}

/** `n` units of a clock (its sign ignored): N 天, N 个工作日, or a duration for a time clock (n in seconds). */
export function amount(unit: ClockView['unit'], n: number): ClockText {
  if (unit === 'time') return timeAmount(n);
  return { key: unit === 'workingDays' ? 'legalTime.workingDays' : 'legalTime.calendarDays', params: { n: Math.abs(n) } };
}

/** Seconds of an ISO 8601 duration with days, hours, minutes and seconds (`P1DT2H`, `PT30S`); NaN for anything else. */
export function durationSeconds(iso: string): number {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!match || iso === 'P' || iso.endsWith('T')) return NaN;
  const [, d = '0', h = '0', m = '0', s = '0'] = match;
  return Number(d) * 86_400 + Number(h) * 3600 + Number(m) * 60 + Number(s);
}

/** The clock's declared length as an amount (a time clock's ISO duration converted; one that will not parse is null). */
export function lengthAmount(clock: Pick<ClockView, 'unit' | 'length'>): ClockText | null {
  if (typeof clock.length === 'number') return amount(clock.unit, clock.length);
  const seconds = durationSeconds(clock.length);
  if (Number.isNaN(seconds)) return null;
  return clock.unit === 'time' ? timeAmount(seconds) : amount(clock.unit, Math.round(seconds / 86_400));
}

/** What its remaining time says: 剩余 {amount} / 已超期 {amount} / 中止期间不计时 / 已停止计时 (`amount` fills the placeholder). */
export function remainingText(clock: Pick<ClockView, 'unit' | 'status' | 'remaining' | 'urgency'>): { key: MessageKey; amount?: ClockText } {
  if (clock.status === 'stopped') return { key: 'legalTime.remaining.stopped' };
  if (clock.remaining === null) return { key: 'legalTime.remaining.suspended' };
  const overdue = clock.urgency === 'overdue' || clock.remaining < 0;
  return { key: overdue ? 'legalTime.overdue' : 'legalTime.remaining', amount: amount(clock.unit, clock.remaining) };
}

/** Whether `me` may suspend, resume and extend `clock`: a street commander, an admin, or one of its approvers (a role or a group). */
export function mayChangeClock(me: Pick<Me, 'roles' | 'groups'> | undefined, clock: Pick<ClockView, 'approvers'>): boolean {
  if (!me) return false;
  if (me.roles.some((role) => (CLOCK_OFFICERS as readonly string[]).includes(role))) return true;
  const mine = new Set<string>([...me.roles, ...me.groups]);
  return clock.approvers.some((approver) => mine.has(approver));
}
