// The outbox: an event that webhooks hear becomes one delivery row per webhook, `_id` `<webhookId>:<eventId>`, inserted
// by the activity that records the event (a retry's rows are duplicates, ignored), then sent by the dispatcher.
import type { CaseRef } from '../../contracts/activities';
import type { AuditEntry } from '../../contracts/caseData';
import { webhookSettings, type WebhookSettings } from '../../platform/webhookSettings';
import { WebhookDelivery } from '../../store/models';
import { GroupInsert } from '../groupInsert';
import { type CaseEvent, caseEventsOf } from './caseEvents';
import { activeSubscriptions, hears } from './subscriptions';
import { requestDispatch } from './wake';

const deliveryInserts = new GroupInsert(() => WebhookDelivery.collection);
let settings: WebhookSettings | null = null;

/** The id of one event's delivery to one webhook (also the `X-Sparrow-Delivery` header). */
export const deliveryId = (webhookId: string, eventId: string) => `${webhookId}:${eventId}`;

/** Queues `events` for every active webhook that hears them, due now; answers how many rows were new. */
export async function queueEvents(events: readonly CaseEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const now = new Date();
  settings ??= webhookSettings();
  const subscriptions = await activeSubscriptions(settings.refreshMs);
  if (subscriptions.length === 0) return 0;
  const rows = events.flatMap(({ street, payload }) =>
    subscriptions
      .filter((sub) => hears(sub, payload.event, street))
      .map((sub) => ({
        _id: deliveryId(sub.id, payload.id),
        webhookId: sub.id,
        eventId: payload.id,
        event: payload.event,
        instanceId: payload.instanceId,
        street,
        payloadJson: JSON.stringify(payload),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        leaseUntil: null,
        lastAttemptAt: null,
        lastStatusCode: null,
        lastError: null,
        responseExcerpt: null,
        occurredAt: new Date(payload.occurredAt),
        createdAt: now,
        deliveredAt: null,
      })),
  );
  if (rows.length === 0) return 0;
  const duplicates = await deliveryInserts.insert(rows);
  if (duplicates < rows.length) requestDispatch();
  return rows.length - duplicates;
}

/** Queues the webhook events among a case's newly recorded audit entries (numbered from `firstSeq`). */
export async function queueCaseEvents(caseRef: CaseRef, firstSeq: number, entries: readonly AuditEntry[]): Promise<void> {
  await queueEvents(caseEventsOf(caseRef, firstSeq, entries));
}
