// The repeating cycles a process's timer start event offers as presets (每周 / 每月 / 每季度), written as ISO 8601
// repeating intervals with a start time in China Standard Time (`R/2027-01-04T09:00:00+08:00/P1W`), which Camunda 8
// accepts for timer start events; and which preset a cycle is. Pure: the start time is computed from a given `now`.

/** A cycle preset: weekly on Monday, monthly on the 1st, quarterly on the 1st of January, April, July and October; 9:00 each. */
export type CyclePreset = 'weekly' | 'monthly' | 'quarterly';

/** The picker's English labels (translated through the modeler's dictionary); `once` is a date, `other` any other timer. */
export const CYCLE_LABELS: Readonly<Record<CyclePreset | 'once' | 'other', string>> = {
  once: 'Not repeating',
  weekly: 'Every week (Monday 9:00)',
  monthly: 'Every month (1st, 9:00)',
  quarterly: 'Every quarter (1st of Jan, Apr, Jul, Oct, 9:00)',
  other: 'Other cycle',
};

/** The hour (China Standard Time) a preset's cycle fires at. */
const HOUR = 9;
const OFFSET_HOURS = 8;
const PERIODS: Record<CyclePreset, string> = { weekly: 'P1W', monthly: 'P1M', quarterly: 'P3M' };
const QUARTER_MONTHS = [0, 3, 6, 9];

const pad = (value: number) => String(value).padStart(2, '0');

/** A wall-clock date in UTC+8 as `YYYY-MM-DDT09:00:00+08:00`. */
const at9 = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month, day));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(HOUR)}:00:00+0${OFFSET_HOURS}:00`;
};

/** The first time after `now` the preset fires (UTC+8 wall clock). */
function firstFiring(preset: CyclePreset, now: Date): string {
  const local = new Date(now.getTime() + OFFSET_HOURS * 3_600_000);
  const [year, month, day] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  const pastNine = local.getUTCHours() >= HOUR;
  if (preset === 'weekly') {
    const untilMonday = (8 - local.getUTCDay()) % 7;
    return at9(year, month, day + (untilMonday === 0 && pastNine ? 7 : untilMonday));
  }
  const thisMonthStillComes = day === 1 && !pastNine;
  if (preset === 'monthly') return at9(year, thisMonthStillComes ? month : month + 1, 1);
  // the quarter's first month, this one when its 1st 9:00 is still ahead; Date.UTC rolls month 12 into next January
  const quarter = [...QUARTER_MONTHS, 12].find((first) => first > month || (first === month && thisMonthStillComes)) ?? 12;
  return at9(year, quarter, 1);
}

/** The time cycle of `preset`, starting at its first firing after `now`. */
export function cycleOf(preset: CyclePreset, now: Date): string {
  return `R/${firstFiring(preset, now)}/${PERIODS[preset]}`;
}

const CYCLE = /^R\/(\d{4})-(\d{2})-(\d{2})T09:00(?::00)?\+08:00\/(P1W|P1M|P3M)$/;

/** The preset a time cycle is (its start on the preset's weekday or day at 9:00 UTC+8), or undefined. */
export function cyclePresetOf(cycle: string | undefined): CyclePreset | undefined {
  const match = CYCLE.exec(cycle?.trim() ?? '');
  if (!match) return undefined;
  const [year, month, day, period] = [Number(match[1]), Number(match[2]) - 1, Number(match[3]), match[4]];
  if (period === 'P1W') return new Date(Date.UTC(year, month, day)).getUTCDay() === 1 ? 'weekly' : undefined;
  if (day !== 1) return undefined;
  if (period === 'P1M') return 'monthly';
  return QUARTER_MONTHS.includes(month) ? 'quarterly' : undefined;
}
