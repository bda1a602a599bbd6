// The working-day calendar (工作日历) as the API answers it: a year's days, the versions, local adjustments, the rollout.
import { z } from 'zod';

/** The years the calendar API reads and adjusts. */
export const CALENDAR_YEARS = { min: 2000, max: 2100 } as const;

/** Whether text is a real YYYY-MM-DD date within CALENDAR_YEARS. */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const ms = Date.UTC(year, Number(match[2]) - 1, Number(match[3]));
  return year >= CALENDAR_YEARS.min && year <= CALENDAR_YEARS.max && new Date(ms).toISOString().slice(0, 10) === text;
}

/** A date of the calendar: YYYY-MM-DD, a real day of a year 2000–2100. */
export const calendarDate = z.string().refine(isCalendarDate, { message: `a date YYYY-MM-DD of a year ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max}` });

/** `?year=`: the year whose days to read. */
export const calendarYearQuery = z.object({ year: z.coerce.number().int().min(CALENDAR_YEARS.min).max(CALENDAR_YEARS.max) });

/** A local adjustment as one version holds it. */
export const calendarAdjustmentView = z.object({ date: z.string(), working: z.boolean(), note: z.string(), by: z.string(), at: z.string() });

/** One day of a year. */
export const calendarDayView = z.object({
  date: z.string(),
  working: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup']).describe('holiday: a statutory holiday or local day off; makeup: a weekend working day (调休)'),
  holiday: z.string().optional().describe("the statutory holiday's zh-CN name (春节, 国庆节 …) on its days off and make-up days"),
  adjustment: z.object({ note: z.string(), by: z.string(), at: z.string() }).optional().describe('the local adjustment that made the day so'),
});

/** `GET /api/calendar`: the current version and one year's days. */
export const calendarYearView = z.object({
  version: z.number().int(),
  sha256: z.string(),
  source: z.string(),
  knownFrom: z.number().int(),
  knownThrough: z.number().int(),
  year: z.number().int(),
  known: z.boolean().describe('false: the year is outside knownFrom..knownThrough — its statutory schedule is not known, only weekends count'),
  days: z.array(calendarDayView),
});

/** A version as the versions list and the adjustment routes answer it (without the calendar itself). */
export const calendarVersionView = z.object({
  version: z.number().int(),
  sha256: z.string().describe("the calendar's sha256 (what cases carry)"),
  source: z.string(),
  basePackage: z.string(),
  baseSha256: z.string(),
  knownFrom: z.number().int(),
  knownThrough: z.number().int(),
  adjustments: z.array(calendarAdjustmentView),
  change: z.object({ kind: z.enum(['package', 'adjustment.added', 'adjustment.removed']), date: z.string().optional(), working: z.boolean().optional(), note: z.string().optional() }),
  createdBy: z.string(),
  createdAt: z.string(),
  prevSha256: z.string().nullable().describe("the previous version's recordSha256"),
  recordSha256: z.string().describe("sha256 of this version's record: the link the next version names"),
});

/** `POST /api/calendar/adjustments`: make a day a working day or a day off, and why. */
export const calendarAdjustmentBody = z.object({
  date: calendarDate,
  working: z.boolean(),
  note: z.string().trim().min(1, 'say why (说明)').max(200),
});

/** `DELETE /api/calendar/adjustments/:date`. */
export const calendarDateParam = z.object({ date: calendarDate });

/** `GET /api/calendar/rollout`: how far the newest version has reached the running cases. */
export const calendarRolloutView = z.object({
  version: z.number().int(),
  total: z.number().int().describe('running cases on an older version when the rollout began'),
  updated: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int().describe('cases that closed before the version reached them'),
  running: z.boolean(),
});
