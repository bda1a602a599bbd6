// Whether a task is overdue or nearly due, and how long it has left, as a message key with parameters (pure).

/** A task due within this time is near due (highlighted before it is late). */
export const NEAR_DUE_MS = 24 * 3600_000;

/** Overdue, near due, due later, or no due date at all. */
export type DueState = 'overdue' | 'near' | 'later' | 'none';

/** The due state of `dueDate` at `now` (ms since the epoch) and the time left (negative once overdue). */
export function dueStatus(dueDate: string | null, now: number): { state: DueState; remainingMs: number } {
  const due = dueDate ? Date.parse(dueDate) : NaN;
  if (Number.isNaN(due)) return { state: 'none', remainingMs: 0 };
  const remainingMs = due - now;
  if (remainingMs < 0) return { state: 'overdue', remainingMs };
  return { state: remainingMs <= NEAR_DUE_MS ? 'near' : 'later', remainingMs };
}

/** A duration message: days and hours, hours and minutes, or minutes alone (the two largest units, rounded down). */
export type DurationMessage =
  | { key: 'duration.days'; params: { d: number; h: number } }
  | { key: 'duration.hours'; params: { h: number; m: number } }
  | { key: 'duration.minutes'; params: { m: number } };

/** The message for a duration's magnitude (its sign is ignored; under a minute counts as 0 minutes). */
export function durationMessage(ms: number): DurationMessage {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return { key: 'duration.days', params: { d, h } };
  if (h > 0) return { key: 'duration.hours', params: { h, m } };
  return { key: 'duration.minutes', params: { m } };
}
