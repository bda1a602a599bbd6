// The webhook dispatcher, one per worker process: claims due deliveries from the outbox (findOneAndUpdate with a lease,
// so several processes never send one attempt twice and a stopped process's claims lapse), POSTs them signed, and
// records the outcome — delivered on 2xx, else another attempt after a backoff, `failed` after the last attempt or at
// once when the destination is denied. Woken by queued deliveries, by its own retry times, and every poll interval.
import mongoose from 'mongoose';
import type { WebhookEvent } from '../../contracts/api/webhooks';
import { createLogger } from '../../platform/logger';
import { webhookSettings, type WebhookSettings } from '../../platform/webhookSettings';
import { Webhook, WebhookDelivery } from '../../store/models';
import { nextAttemptAt } from './backoff';
import { sweepDeadlines } from './deadlineSweep';
import { EXCERPT_CHARS, postDelivery, type PostOutcome } from './post';
import { purgeDeliveries } from './retention';
import { deliveryHeaders } from './signing';
import { onDispatchRequest } from './wake';

const log = createLogger('webhooks');

/** How often finished deliveries past their retention are removed. */
const PURGE_EVERY_MS = 3_600_000;

/** Options of a dispatcher (tests narrow the allow-list or shorten intervals). */
export interface DispatcherOptions {
  settings?: WebhookSettings;
  /** Attempts sent at once. */
  concurrency?: number;
  /** How often to look for due deliveries queued or retried by other processes. */
  pollMs?: number;
}

type Claimed = { _id: string; webhookId: string; event: string; payloadJson: string; attempts: number };

/** Claims one due delivery (pending and due, or delivering with a lapsed lease), counting the attempt. */
async function claim(settings: WebhookSettings, now: Date): Promise<Claimed | null> {
  return WebhookDelivery.findOneAndUpdate(
    { $or: [{ status: 'pending', nextAttemptAt: { $lte: now } }, { status: 'delivering', leaseUntil: { $lte: now } }] },
    { $set: { status: 'delivering', leaseUntil: new Date(now.getTime() + settings.timeoutMs + 30_000), lastAttemptAt: now }, $inc: { attempts: 1 } },
    // No projection: FerretDB v1's findAndModify does not implement `fields`.
    { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
  ).lean<Claimed>();
}

/** Runs passes over the outbox until stopped. */
export class WebhookDispatcher {
  private readonly settings: WebhookSettings;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private running = false;
  private again = false;
  private stopped = false;
  private lastSweep = 0;
  private lastPurge = 0;

  constructor(options: DispatcherOptions = {}) {
    this.settings = options.settings ?? webhookSettings();
    this.concurrency = options.concurrency ?? 4;
    this.pollMs = options.pollMs ?? 5_000;
  }

  /** Starts polling and listening for queued deliveries; answers stop. */
  start(): () => void {
    const unlisten = onDispatchRequest(() => this.wake(0));
    const interval = setInterval(() => this.wake(0), this.pollMs);
    interval.unref();
    this.wake(0);
    return () => {
      this.stopped = true;
      unlisten();
      clearInterval(interval);
      if (this.timer) clearTimeout(this.timer);
    };
  }

  /** Asks for a pass in `delayMs` (an earlier request wins); a request during a pass runs one more after it. */
  wake(delayMs: number): void {
    if (this.stopped) return;
    if (this.running && delayMs === 0) {
      this.again = true;
      return;
    }
    const at = Date.now() + delayMs;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => void this.pass(), delayMs);
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    this.timer = null;
    this.timerAt = Infinity;
    if (this.stopped || mongoose.connection.readyState !== 1) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      if (Date.now() - this.lastSweep >= this.settings.deadlineSweepMs) {
        this.lastSweep = Date.now();
        await sweepDeadlines(this.settings);
      }
      if (Date.now() - this.lastPurge >= PURGE_EVERY_MS) {
        this.lastPurge = Date.now();
        await purgeDeliveries(this.settings);
      }
      for (;;) {
        // Claimed one after the other (concurrent findAndModify calls of one process could race on FerretDB v1), sent together.
        const claimed: Claimed[] = [];
        for (let row = await claim(this.settings, new Date()); row; row = claimed.length < this.concurrency ? await claim(this.settings, new Date()) : null) claimed.push(row);
        if (claimed.length === 0) break;
        await Promise.all(claimed.map((row) => this.deliver(row)));
      }
    } catch (error) {
      log.warn({ err: error }, 'webhook dispatch pass failed; retrying');
      this.wake(1000);
    } finally {
      this.running = false;
    }
    if (this.again) {
      this.again = false;
      this.wake(0);
    }
  }

  /** Sends one claimed attempt and records its outcome (only while this claim still holds the row). */
  private async deliver(row: Claimed): Promise<void> {
    const hook = await Webhook.findById(row.webhookId).select('+secret').lean();
    const now = new Date();
    let outcome: PostOutcome;
    if (!hook) outcome = { error: 'the webhook was deleted', denied: true };
    else if (!hook.active) outcome = { error: 'the webhook is switched off', denied: true };
    else {
      const headers = deliveryHeaders({ secret: hook.secret, event: row.event as WebhookEvent, deliveryId: row._id, body: row.payloadJson, at: now });
      outcome = await postDelivery(hook.url, row.payloadJson, headers, { allow: this.settings.allow, timeoutMs: this.settings.timeoutMs });
    }
    const claimedBy = { _id: row._id, status: 'delivering', attempts: row.attempts };
    const at = new Date();
    if ('statusCode' in outcome && outcome.statusCode >= 200 && outcome.statusCode < 300) {
      await WebhookDelivery.updateOne(claimedBy, { $set: { status: 'delivered', deliveredAt: at, leaseUntil: null, nextAttemptAt: null, lastStatusCode: outcome.statusCode, lastError: null, responseExcerpt: outcome.excerpt || null } });
      return;
    }
    const failure = 'statusCode' in outcome ? `the receiver answered ${outcome.statusCode}` : outcome.error;
    const next = 'denied' in outcome && outcome.denied ? null : nextAttemptAt(row.attempts, at, this.settings);
    await WebhookDelivery.updateOne(claimedBy, {
      $set: {
        status: next ? 'pending' : 'failed',
        nextAttemptAt: next,
        leaseUntil: null,
        lastStatusCode: 'statusCode' in outcome ? outcome.statusCode : null,
        lastError: failure.slice(0, EXCERPT_CHARS),
        responseExcerpt: 'statusCode' in outcome ? outcome.excerpt || null : null,
      },
    });
    if (next) this.wake(next.getTime() - Date.now());
    else log.warn({ delivery: row._id, attempts: row.attempts, error: failure }, 'webhook delivery failed for good');
  }
}
