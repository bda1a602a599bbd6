// Request builders and types for the working-day calendar (工作日历): a year's days, its versions, local adjustments
// and how far a new version has reached the running cases.
import type { z } from 'zod';
import type { calendarAdjustmentBody, calendarDayView, calendarRolloutView, calendarVersionView, calendarYearView } from '../../../contracts/api/calendar';
import type { RequestBuilder } from './request';

/** One day of the calendar: working or not, its kind (workday, weekend, holiday, makeup), holiday name, local adjustment. */
export type CalendarDay = z.output<typeof calendarDayView>;

/** `GET /api/calendar?year=`: the current version and one year's days; `known` false for a year whose schedule is not published. */
export type CalendarYear = z.output<typeof calendarYearView>;

/** One version as `GET /api/calendar/versions` lists it (newest first) and the adjustment routes answer it. */
export type CalendarVersion = z.output<typeof calendarVersionView>;

/** `GET /api/calendar/rollout`: how many running cases have been given version `version`. */
export type CalendarRollout = z.output<typeof calendarRolloutView>;

/** Body of `POST /api/calendar/adjustments`. */
export type AdjustmentInput = z.input<typeof calendarAdjustmentBody>;

/** The calendar's days of `year`. */
export function getCalendar(year: number): RequestBuilder {
  return { method: 'GET', url: `/api/calendar?year=${year}` };
}

/** Every version, newest first (admins and auditors). */
export function listCalendarVersions(): RequestBuilder {
  return { method: 'GET', url: '/api/calendar/versions' };
}

/** Makes `date` a working day or a day off (admins); 409 `calendar-unchanged` when it already is. Answers the new version. */
export function addAdjustment(input: AdjustmentInput): RequestBuilder {
  return { method: 'POST', url: '/api/calendar/adjustments', body: input };
}

/** Removes the local adjustment of `date` (admins); 404 when it has none. Answers the new version. */
export function removeAdjustment(date: string): RequestBuilder {
  return { method: 'DELETE', url: `/api/calendar/adjustments/${encodeURIComponent(date)}` };
}

/** The rollout of the newest version to running cases (admins). */
export function getCalendarRollout(): RequestBuilder {
  return { method: 'GET', url: '/api/calendar/rollout' };
}
