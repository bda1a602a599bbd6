// The deadline presets of timer events and user-task due dates: 截止于时限 (`=clock("办案期限").deadline`, a clock the
// process declares), N 个工作日后 (`=add working days(now(), N)`), N 个自然日后 (`=now() + duration("PND")`) and N 小时后
// (`=now() + duration("PTNH")`), and which preset an expression is. Pure.

/** What a timer's date or a due date is: a clock's deadline, N working days, N calendar days or N hours from now, or anything else. */
export type DeadlinePreset =
  | { kind: 'clock'; clock: string }
  | { kind: 'workingDays'; days: number }
  | { kind: 'calendarDays'; days: number }
  | { kind: 'hours'; hours: number }
  | { kind: 'other' };

/** The presets that count an amount from now. */
export type AmountKind = 'workingDays' | 'calendarDays' | 'hours';

/** The amounts a new preset of each kind starts with. */
const DEFAULT_AMOUNTS: Record<AmountKind, number> = { workingDays: 5, calendarDays: 7, hours: 24 };

/** The largest amount of each kind (ten years). */
export const MAX_AMOUNTS: Record<AmountKind, number> = { workingDays: 3650, calendarDays: 3650, hours: 87600 };

const CLOCK_DEADLINE = /^=\s*(?:clock|时限)\s*\(\s*("(?:[^"\\]|\\.)*")\s*\)\s*\.\s*deadline\s*$/;
const WORKING_DAYS_FROM_NOW = /^=\s*(?:add working days|加工作日)\s*\(\s*now\s*\(\s*\)\s*,\s*(\d+)\s*\)\s*$/;
const DURATION_FROM_NOW = /^=\s*now\s*\(\s*\)\s*\+\s*duration\s*\(\s*"P(?:(\d+)D|T(\d+)H)"\s*\)\s*$/;

/** The expression of 截止于时限 `clock`. */
export const clockDeadlineExpression = (clock: string): string => `=clock(${JSON.stringify(clock)}).deadline`;

/** The expression of N 个工作日后: the end of the N-th working day from now (Asia/Shanghai). */
export const workingDaysExpression = (days: number): string => `=add working days(now(), ${days})`;

/** The expression of N 个自然日后 (`days` × 24 hours from now) or N 小时后. */
export const durationExpression = (kind: 'calendarDays' | 'hours', amount: number): string => `=now() + duration("${kind === 'hours' ? `PT${amount}H` : `P${amount}D`}")`;

/** The expression of `amount` of `kind` from now. */
export const amountExpression = (kind: AmountKind, amount: number): string => (kind === 'workingDays' ? workingDaysExpression(amount) : durationExpression(kind, amount));

/** The amount a preset counts, when it counts one. */
export const amountOf = (preset: DeadlinePreset): number | undefined => (preset.kind === 'hours' ? preset.hours : preset.kind === 'workingDays' || preset.kind === 'calendarDays' ? preset.days : undefined);

/** A typed amount of `kind`: a whole number from 1 to its maximum, else undefined. */
export function parseAmount(kind: AmountKind, text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const amount = Number(trimmed);
  return amount >= 1 && amount <= MAX_AMOUNTS[kind] ? amount : undefined;
}

/** The preset `expression` is (undefined or blank: other). */
export function deadlinePresetOf(expression: string | undefined): DeadlinePreset {
  const trimmed = expression?.trim() ?? '';
  const clock = CLOCK_DEADLINE.exec(trimmed);
  if (clock) return { kind: 'clock', clock: JSON.parse(clock[1]) as string };
  const days = WORKING_DAYS_FROM_NOW.exec(trimmed);
  if (days) return { kind: 'workingDays', days: Number(days[1]) };
  const duration = DURATION_FROM_NOW.exec(trimmed);
  if (duration?.[1]) return { kind: 'calendarDays', days: Number(duration[1]) };
  if (duration?.[2]) return { kind: 'hours', hours: Number(duration[2]) };
  return { kind: 'other' };
}

/** The value of a preset in the panel's select: `clock:<name>`, `workingDays`, `calendarDays`, `hours` or `other`. */
export function presetValue(preset: DeadlinePreset): string {
  return preset.kind === 'clock' ? `clock:${preset.clock}` : preset.kind;
}

/** The expression a select value writes (an amount preset keeps the amount of `current` when it is already that preset); undefined for `other`. */
export function expressionOfValue(value: string, current: string | undefined): string | undefined {
  if (value.startsWith('clock:')) return clockDeadlineExpression(value.slice('clock:'.length));
  if (value !== 'workingDays' && value !== 'calendarDays' && value !== 'hours') return undefined;
  const preset = deadlinePresetOf(current);
  return amountExpression(value, preset.kind === value ? (amountOf(preset) as number) : DEFAULT_AMOUNTS[value]);
}

/** `expression` with clock `from` renamed `to` when it is 截止于时限 `from`; otherwise unchanged. */
export function renameClockIn(expression: string | undefined, from: string, to: string): string | undefined {
  const preset = deadlinePresetOf(expression);
  return preset.kind === 'clock' && preset.clock === from ? clockDeadlineExpression(to) : expression;
}
