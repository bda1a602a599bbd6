// The worker's view of the registered webhooks: read at most once per refresh interval (SPARROW_WEBHOOK_REFRESH_MS), so
// a case's writes cost no extra database round trip when no webhook wants their events.
import type { WebhookEvent } from '../../contracts/api/webhooks';
import { ALL_STREETS_SCOPE } from '../../contracts/api/webhooks';
import { Webhook } from '../../store/models';

/** An active webhook as the outbox matches events against it. */
export interface Subscription {
  id: string;
  events: ReadonlySet<string>;
  streets: ReadonlySet<string>;
}

let cached: { at: number; list: Subscription[] } | null = null;
let loading: Promise<Subscription[]> | null = null;

async function load(): Promise<Subscription[]> {
  const rows = await Webhook.find({ active: true }, { _id: 1, events: 1, streets: 1 }).lean();
  const list = rows.map((r) => ({ id: r._id, events: new Set(r.events), streets: new Set(r.streets) }));
  cached = { at: Date.now(), list };
  return list;
}

/** The active webhooks, from the cache when it is younger than `refreshMs` (concurrent callers share one read). */
export async function activeSubscriptions(refreshMs: number): Promise<Subscription[]> {
  if (cached && Date.now() - cached.at < refreshMs) return cached.list;
  loading ??= load().finally(() => {
    loading = null;
  });
  return loading;
}

/** Whether `sub` hears `event` of a case in `street` (a case without a street only reaches district-wide webhooks). */
export function hears(sub: Subscription, event: WebhookEvent, street: string | null): boolean {
  return sub.events.has(event) && (sub.streets.has(ALL_STREETS_SCOPE) || (street !== null && sub.streets.has(street)));
}
