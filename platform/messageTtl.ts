// A message's time-to-live (Camunda 8's message buffering): an ISO 8601 duration from 0 (no buffering) to 30 days.
import { Duration } from 'luxon';

/** The longest time-to-live a message may have: 30 days. */
export const MAX_MESSAGE_TTL_MS = 30 * 24 * 3600_000;

/** The time-to-live of a message published without one: 1 hour, as Camunda 8's clients default it. */
export const DEFAULT_MESSAGE_TTL = 'PT1H';

/** The time-to-live `text` (ISO 8601 duration) in milliseconds, or why it is not one: negative, over 30 days or no duration. */
export function messageTtlMs(text: string): number | { problem: string } {
  const duration = Duration.fromISO(text.trim());
  if (!duration.isValid) return { problem: `"${text}" is not an ISO 8601 duration such as PT0S, PT10M or P1D` };
  const ms = duration.toMillis();
  if (ms < 0) return { problem: `"${text}" is negative; 0 (PT0S) means no buffering` };
  if (ms > MAX_MESSAGE_TTL_MS) return { problem: `"${text}" is longer than the most a message is buffered, P30D` };
  return ms;
}

/** The default time-to-live: SPARROW_MESSAGE_TTL (checked at start-up by platform/config.ts), else 1 hour. */
export function defaultMessageTtlMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = messageTtlMs(env.SPARROW_MESSAGE_TTL ?? DEFAULT_MESSAGE_TTL);
  return typeof ms === 'number' ? ms : (messageTtlMs(DEFAULT_MESSAGE_TTL) as number);
}
