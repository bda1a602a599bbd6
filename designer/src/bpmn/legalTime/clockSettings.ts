// A statutory clock's settings as the properties panel shows them (名称, 计时方式 自然日 / 工作日, 时长, 审批人, 预警天数)
// and as `<sparrow:clock>` holds them (name, duration="P<n>D" or workingDays="<n>", approvers, warnWithin). Pure.

/** How a clock counts: calendar days (`duration="P<n>D"`), working days (`workingDays="<n>"`), or another duration kept as written. */
export type ClockUnit = 'calendarDays' | 'workingDays' | 'other';

/** The English labels of the units in the panel's select (translated through the modeler's dictionary). */
export const UNIT_LABELS: Readonly<Record<ClockUnit, string>> = {
  calendarDays: 'Calendar days',
  workingDays: 'Working days',
  other: 'Other duration',
};

/** The action of a `<sparrow:clockControl>`, applied when its element completes. */
export type ClockAction = 'start' | 'stop';

/** The English labels of the actions (translated through the modeler's dictionary). */
export const ACTION_LABELS: Readonly<Record<ClockAction, string>> = { start: 'Start the clock', stop: 'Stop the clock' };

/** The attributes of a `<sparrow:clock>` as the XML holds them (strings; absent ones left out of the XML). */
export interface ClockAttrs {
  name?: string;
  duration?: string;
  workingDays?: string;
  approvers?: string;
  warnWithin?: string;
}

/** The most days a clock may run (the compiler refuses more). */
export const MAX_CLOCK_DAYS = 3650;

const DAYS_DURATION = /^P(\d+)D$/;
const SEPARATORS = /[,，、;；\n]+/;

/** The clock's unit as its attributes say: working days, whole calendar days, or any other duration (e.g. `PT4S` in tests). */
export function unitOf(attrs: ClockAttrs): ClockUnit {
  if (attrs.workingDays !== undefined) return 'workingDays';
  return attrs.duration === undefined || DAYS_DURATION.test(attrs.duration.trim()) ? 'calendarDays' : 'other';
}

/** The clock's length as the 时长 field shows it: its number of days, or the other duration as written. */
export function lengthText(attrs: ClockAttrs): string {
  if (attrs.workingDays !== undefined) return attrs.workingDays.trim();
  const duration = attrs.duration?.trim() ?? '';
  return DAYS_DURATION.exec(duration)?.[1] ?? duration;
}

/** A whole number of days 1..3650 typed by a modeller, or undefined. */
export function parseDays(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const days = Number(trimmed);
  return days >= 1 && days <= MAX_CLOCK_DAYS ? days : undefined;
}

/** An ISO 8601 duration of years, months, weeks, days and time (`P3M`, `PT4S`), as the compiler accepts for `duration`. */
export const isDuration = (text: string): boolean => /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?!$)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(text.trim());

/** The length attributes of `unit` with `length` typed in the 时长 field; undefined when the text is not a length of that unit. */
export function lengthAttrs(unit: ClockUnit, length: string): Pick<ClockAttrs, 'duration' | 'workingDays'> | undefined {
  if (unit === 'other') return isDuration(length) ? { duration: length.trim(), workingDays: undefined } : undefined;
  const days = parseDays(length);
  if (days === undefined) return undefined;
  return unit === 'workingDays' ? { duration: undefined, workingDays: String(days) } : { duration: `P${days}D`, workingDays: undefined };
}

/** The length attributes after switching the 计时方式 to `unit`, keeping the number of days (30 when there is none). */
export function unitAttrs(attrs: ClockAttrs, unit: ClockUnit): Pick<ClockAttrs, 'duration' | 'workingDays'> {
  if (unit === 'other') return { duration: attrs.duration ?? (attrs.workingDays !== undefined ? `P${attrs.workingDays.trim()}D` : 'P30D'), workingDays: undefined };
  return lengthAttrs(unit, lengthText(attrs)) ?? lengthAttrs(unit, '30')!;
}

/** The approvers as the compiler reads them: names separated by commas (Chinese commas and 、 accepted), normalised to `a, b`. */
export function approversAttr(text: string): string | undefined {
  const names = text.split(SEPARATORS).map((name) => name.trim()).filter((name) => name !== '');
  return names.length === 0 ? undefined : names.join(', ');
}

/** 预警天数 typed by a modeller: a whole number ≥ 0, '' for none (the engine's default); undefined when invalid. */
export function parseWarnWithin(text: string): { warnWithin: string | undefined } | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return { warnWithin: undefined };
  return /^\d+$/.test(trimmed) && Number(trimmed) <= MAX_CLOCK_DAYS ? { warnWithin: String(Number(trimmed)) } : undefined;
}

/** A name for a new clock that no declared clock has: `<base> 1`, `<base> 2`, … */
export function newClockName(base: string, taken: readonly string[]): string {
  let n = 1;
  while (taken.includes(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}
