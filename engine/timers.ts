// Timer arithmetic for timer events: ISO 8601 durations, dates and repeating cycles to a due instant.
import { DateTime, Duration } from 'luxon';
import type { TimerDefinition } from './model';

/** Parses an ISO 8601 duration (e.g. PT30M, P3D); null when invalid. */
export function parseDuration(text: string): Duration | null {
  const duration = Duration.fromISO(text.trim());
  return duration.isValid ? duration : null;
}

/** Parses an ISO 8601 date-time with an offset or zone (e.g. 2025-01-01T09:00:00+08:00); null when invalid. */
export function parseDate(text: string): DateTime | null {
  const date = DateTime.fromISO(text.trim(), { setZone: true });
  return date.isValid ? date : null;
}

/** Splits a repeating interval `R[n]/[start/]duration`; null when invalid. */
export function parseCycle(text: string): { repetitions: number | null; start?: DateTime; interval: Duration } | null {
  const parts = text.trim().split('/');
  const match = /^R(\d*)$/.exec(parts[0] ?? '');
  if (!match || parts.length < 2 || parts.length > 3) return null;
  const interval = parseDuration(parts[parts.length - 1]);
  const start = parts.length === 3 ? parseDate(parts[1]) : undefined;
  if (!interval || start === null) return null;
  return { repetitions: match[1] ? Number(match[1]) : null, start: start ?? undefined, interval };
}

/** The instant (ISO 8601, UTC) a timer falls due when armed at `at`; throws a readable error for a bad value. */
export function dueAt(type: TimerDefinition['type'], value: string, at: string): string {
  const now = DateTime.fromISO(at, { zone: 'utc' });
  if (type === 'duration') {
    const duration = parseDuration(value);
    if (!duration) throw new Error(`"${value}" is not an ISO 8601 duration`);
    return now.plus(duration).toUTC().toISO() as string;
  }
  if (type === 'date') {
    const date = parseDate(value);
    if (!date) throw new Error(`"${value}" is not an ISO 8601 date-time`);
    return date.toUTC().toISO() as string;
  }
  const cycle = parseCycle(value);
  if (!cycle) throw new Error(`"${value}" is not an ISO 8601 repeating interval`);
  const first = cycle.start && cycle.start > now ? cycle.start : now.plus(cycle.interval);
  return first.toUTC().toISO() as string;
}
