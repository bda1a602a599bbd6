// Query hooks for the working-day calendar: a year's days, the versions, and the rollout of the newest version.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { type CalendarRollout, type CalendarVersion, type CalendarYear, getCalendar, getCalendarRollout, listCalendarVersions } from '../calendar';
import type { ProblemError } from '../problem';

/** Query key of every calendar query; invalidate it after an adjustment. */
export const CALENDAR_QUERY_KEY = ['calendar'] as const;

const ROLLOUT_POLL_MS = 3000;

/** The days of `year` in the current version. */
export function useCalendarYear(year: number) {
  return useQuery<CalendarYear, ProblemError>({
    queryKey: [...CALENDAR_QUERY_KEY, 'year', year],
    queryFn: ({ signal }) => bodyOf<CalendarYear>(getCalendar(year), signal),
    placeholderData: keepPreviousData,
  });
}

/** Every version, newest first; only for roles that may read them (`enabled`). */
export function useCalendarVersions(enabled: boolean) {
  return useQuery<CalendarVersion[], ProblemError>({
    queryKey: [...CALENDAR_QUERY_KEY, 'versions'],
    queryFn: ({ signal }) => bodyOf<CalendarVersion[] | { items: CalendarVersion[] }>(listCalendarVersions(), signal).then((body) => (Array.isArray(body) ? body : body.items)),
    enabled,
  });
}

/** The rollout of the newest version to running cases (admins: `enabled`), polled while it runs. */
export function useCalendarRollout(enabled: boolean) {
  return useQuery<CalendarRollout, ProblemError>({
    queryKey: [...CALENDAR_QUERY_KEY, 'rollout'],
    queryFn: ({ signal }) => bodyOf<CalendarRollout>(getCalendarRollout(), signal),
    enabled,
    refetchInterval: (query) => (query.state.data?.running ? ROLLOUT_POLL_MS : false),
  });
}
