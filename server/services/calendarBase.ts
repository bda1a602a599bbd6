// The national schedule the working-day calendar starts from: mainland China's statutory holidays and 调休 make-up
// days as published by the State Council, read from the pinned `chinese-days` package (MIT, vsme/chinese-days).
import schedule from 'chinese-days/dist/chinese-days.json';
import { version as packageVersion } from 'chinese-days/package.json';
import { dayNumber } from '../../engine/calendar/workCalendar';
import { jsonSha256 } from '../../engine/hash';

/** The package and version the schedule comes from, e.g. `chinese-days@1.5.7`. */
export const BASE_PACKAGE = `chinese-days@${packageVersion}`;

/** The package's day maps: `YYYY-MM-DD` → `"English name,中文名,n"`. */
type DayMap = Record<string, string>;

/** The national schedule as the calendar reads it. */
export interface BaseSchedule {
  /** BASE_PACKAGE. */
  basePackage: string;
  /** sha256 of the canonical JSON of the holidays and make-up days read: a package upgrade with new data changes it. */
  baseSha256: string;
  /** Statutory holiday dates (weekend days of a holiday period included) → zh-CN name. */
  holidays: Map<string, string>;
  /** Make-up working days (调休, on a Saturday or Sunday) → zh-CN name of the holiday they make up for. */
  makeupDays: Map<string, string>;
  /** The last year the schedule covers. */
  lastYear: number;
}

/** The zh-CN name in a package entry ("Spring Festival,春节,4" → 春节). */
const zhName = (entry: string) => entry.split(',')[1] ?? entry;

/** Whether a YYYY-MM-DD date is a Saturday or Sunday. */
export function isWeekend(date: string): boolean {
  const weekday = (dayNumber(date) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

let installed: BaseSchedule | null = null;

/** Reads a schedule from the package's data (the installed package's unless given; that one read once). */
export function readBaseSchedule(data?: { holidays: DayMap; workdays: DayMap }, basePackage = BASE_PACKAGE): BaseSchedule {
  if (!data) return (installed ??= readBaseSchedule(schedule));
  const holidays = new Map(Object.entries(data.holidays).map(([date, entry]) => [date, zhName(entry)]));
  const makeupDays = new Map(Object.entries(data.workdays).map(([date, entry]) => [date, zhName(entry)]));
  const lastYear = Math.max(...[...holidays.keys(), ...makeupDays.keys()].map((date) => Number(date.slice(0, 4))));
  return { basePackage, baseSha256: jsonSha256({ holidays: data.holidays, workdays: data.workdays }), holidays, makeupDays, lastYear };
}

/** The schedule's Monday–Friday days off and weekend working days of the years knownFrom..knownThrough, sorted. */
export function baseDays(base: BaseSchedule, knownFrom: number, knownThrough: number): { offDays: string[]; workDays: string[] } {
  const within = (date: string) => Number(date.slice(0, 4)) >= knownFrom && Number(date.slice(0, 4)) <= knownThrough;
  return {
    offDays: [...base.holidays.keys()].filter((date) => within(date) && !isWeekend(date)).sort(),
    workDays: [...base.makeupDays.keys()].filter((date) => within(date) && isWeekend(date)).sort(),
  };
}
