// How case event webhooks behave, from the environment (read by the worker's dispatcher and the API alike).
import { z } from 'zod';
import { allowListFromEnv, type OutboundAllowList } from './outboundPolicy';

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const schema = z.object({
  /** Attempts per delivery before it is `failed` (10: the last about a day after the first with the default backoff). */
  SPARROW_WEBHOOK_MAX_ATTEMPTS: int(1, 50, 10),
  /** The wait after the first failed attempt; each later wait doubles (3 minutes: 3, 6, 12 … 768 minutes). */
  SPARROW_WEBHOOK_BACKOFF_MS: int(1, 86_400_000, 180_000),
  /** The longest single wait between attempts. */
  SPARROW_WEBHOOK_BACKOFF_MAX_MS: int(1, 7 * 86_400_000, 86_400_000),
  /** How long one attempt may take, connection and answer included. */
  SPARROW_WEBHOOK_TIMEOUT_MS: int(100, 120_000, 10_000),
  /** How long the worker trusts its cached list of webhooks before reading it again (0: read it for every write). */
  SPARROW_WEBHOOK_REFRESH_MS: int(0, 600_000, 5_000),
  /** A task counts as near its deadline this long before its due date. */
  SPARROW_DEADLINE_NEAR_MS: int(0, 30 * 86_400_000, 86_400_000),
  /** How often the worker sweeps open tasks for deadlines near and past (only while a webhook wants them). */
  SPARROW_DEADLINE_SWEEP_MS: int(50, 86_400_000, 60_000),
  /** Days a delivered or failed delivery is kept before the dispatcher removes it. */
  SPARROW_WEBHOOK_RETENTION_DAYS: int(1, 3650, 30),
});

/** The webhook settings, plus the outbound allow-list (SPARROW_OUTBOUND_ALLOW). */
export interface WebhookSettings {
  maxAttempts: number;
  backoffMs: number;
  backoffMaxMs: number;
  timeoutMs: number;
  refreshMs: number;
  deadlineNearMs: number;
  deadlineSweepMs: number;
  retentionDays: number;
  allow: OutboundAllowList;
}

/** Reads the settings; a bad value throws naming the variable. */
export function webhookSettings(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const s = parsed.data;
  return {
    maxAttempts: s.SPARROW_WEBHOOK_MAX_ATTEMPTS,
    backoffMs: s.SPARROW_WEBHOOK_BACKOFF_MS,
    backoffMaxMs: s.SPARROW_WEBHOOK_BACKOFF_MAX_MS,
    timeoutMs: s.SPARROW_WEBHOOK_TIMEOUT_MS,
    refreshMs: s.SPARROW_WEBHOOK_REFRESH_MS,
    deadlineNearMs: s.SPARROW_DEADLINE_NEAR_MS,
    deadlineSweepMs: s.SPARROW_DEADLINE_SWEEP_MS,
    retentionDays: s.SPARROW_WEBHOOK_RETENTION_DAYS,
    allow: allowListFromEnv(env),
  };
}
