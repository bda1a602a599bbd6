// When a failed delivery is tried again: exponential backoff (the base wait doubling per attempt, at most the cap) with
// ±10% jitter so receivers that fail together are not retried together; after the last attempt it is given up.
import type { WebhookSettings } from '../../platform/webhookSettings';

/** The wait after failed attempt number `attempt` (1-based): base × 2^(attempt-1), capped, times 0.9–1.1 by `random`. */
export function retryDelayMs(attempt: number, settings: Pick<WebhookSettings, 'backoffMs' | 'backoffMaxMs'>, random: () => number = Math.random): number {
  const exact = Math.min(settings.backoffMs * 2 ** Math.min(attempt - 1, 40), settings.backoffMaxMs);
  return Math.max(1, Math.round(exact * (0.9 + 0.2 * random())));
}

/** When to try again after failed attempt `attempt`, or null when it was the last one. */
export function nextAttemptAt(attempt: number, now: Date, settings: Pick<WebhookSettings, 'backoffMs' | 'backoffMaxMs' | 'maxAttempts'>, random?: () => number): Date | null {
  if (attempt >= settings.maxAttempts) return null;
  return new Date(now.getTime() + retryDelayMs(attempt, settings, random));
}
