// The deadline presets of timer events and user-task due dates: 截止于时限 (`=clock("办案期限").deadline`, a clock the
// process declares) and N 个工作日后 (`=add working days(now(), N)`), and which preset an expression is. Pure.

/** What a timer's date or a due date is: a clock's deadline, N working days from now, or anything else. */
export type DeadlinePreset = { kind: 'clock'; clock: string } | { kind: 'workingDays'; days: number } | { kind: 'other' };

/** The number of working days a new N 个工作日后 preset starts with. */
export const DEFAULT_WORKING_DAYS = 5;

const CLOCK_DEADLINE = /^=\s*(?:clock|时限)\s*\(\s*("(?:[^"\\]|\\.)*")\s*\)\s*\.\s*deadline\s*$/;
const WORKING_DAYS_FROM_NOW = /^=\s*(?:add working days|加工作日)\s*\(\s*now\s*\(\s*\)\s*,\s*(\d+)\s*\)\s*$/;

/** The expression of 截止于时限 `clock`. */
export const clockDeadlineExpression = (clock: string): string => `=clock(${JSON.stringify(clock)}).deadline`;

/** The expression of N 个工作日后: the end of the N-th working day from now (Asia/Shanghai). */
export const workingDaysExpression = (days: number): string => `=add working days(now(), ${days})`;

/** The preset `expression` is (undefined or blank: other). */
export function deadlinePresetOf(expression: string | undefined): DeadlinePreset {
  const trimmed = expression?.trim() ?? '';
  const clock = CLOCK_DEADLINE.exec(trimmed);
  if (clock) return { kind: 'clock', clock: JSON.parse(clock[1]) as string };
  const days = WORKING_DAYS_FROM_NOW.exec(trimmed);
  if (days) return { kind: 'workingDays', days: Number(days[1]) };
  return { kind: 'other' };
}

/** The value of a preset in the panel's select: `clock:<name>`, `workingDays` or `other`. */
export function presetValue(preset: DeadlinePreset): string {
  return preset.kind === 'clock' ? `clock:${preset.clock}` : preset.kind;
}

/** The expression a select value writes (`workingDays` keeps the days of `current` when it is already that preset); undefined for `other`. */
export function expressionOfValue(value: string, current: string | undefined): string | undefined {
  if (value.startsWith('clock:')) return clockDeadlineExpression(value.slice('clock:'.length));
  if (value !== 'workingDays') return undefined;
  const preset = deadlinePresetOf(current);
  return workingDaysExpression(preset.kind === 'workingDays' ? preset.days : DEFAULT_WORKING_DAYS);
}

/** `expression` with clock `from` renamed `to` when it is 截止于时限 `from`; otherwise unchanged. */
export function renameClockIn(expression: string | undefined, from: string, to: string): string | undefined {
  const preset = deadlinePresetOf(expression);
  return preset.kind === 'clock' && preset.clock === from ? clockDeadlineExpression(to) : expression;
}
