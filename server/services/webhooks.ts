// Case event webhooks (事件推送) as admins manage them: a district admin every webhook, a street admin only webhooks
// whose streets are all its own (others answer 404, as unknown ids do); destinations checked against the outbound
// policy; the secret written, rotated, never read back.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { ALL_STREETS_SCOPE, type webhookCreateBody, type webhookDeliveryView, type webhookPatchBody, type webhookView } from '../../contracts/api/webhooks';
import { conflict, forbidden, notFound, unprocessable } from '../../platform/errors';
import { checkOutboundUrl, OutboundDenied } from '../../platform/outboundPolicy';
import { webhookSettings } from '../../platform/webhookSettings';
import { OrgUnit, Webhook, WebhookDelivery } from '../../store/models';
import { districtWide, type Principal } from '../auth/principal';
import { coversStreets } from '../auth/userScope';

type WebhookRow = { _id: string; name: string; url: string; events: string[]; streets: string[]; active: boolean; secretUpdatedAt?: Date | null; createdBy: string; createdAt: Date; updatedAt: Date };
type DeliveryRow = {
  _id: string;
  webhookId: string;
  eventId: string;
  event: string;
  instanceId: string;
  status: string;
  attempts: number;
  nextAttemptAt?: Date | null;
  lastAttemptAt?: Date | null;
  lastStatusCode?: number | null;
  lastError?: string | null;
  responseExcerpt?: string | null;
  occurredAt: Date;
  createdAt: Date;
  deliveredAt?: Date | null;
};

const iso = (d?: Date | null) => (d ? new Date(d).toISOString() : null);

/** A webhook as the API answers it: whether a secret is set, never the secret. */
export function webhookViewOf(row: WebhookRow): z.output<typeof webhookView> {
  return {
    id: row._id,
    name: row.name,
    url: row.url,
    events: row.events as z.output<typeof webhookView>['events'],
    streets: row.streets,
    active: row.active,
    secretSet: true,
    secretUpdatedAt: iso(row.secretUpdatedAt),
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
  };
}

/** A delivery as the API answers it. */
export function deliveryViewOf(row: DeliveryRow): z.output<typeof webhookDeliveryView> {
  return {
    id: row._id,
    webhookId: row.webhookId,
    eventId: row.eventId,
    event: row.event as z.output<typeof webhookDeliveryView>['event'],
    instanceId: row.instanceId,
    status: row.status as z.output<typeof webhookDeliveryView>['status'],
    attempts: row.attempts,
    maxAttempts: webhookSettings().maxAttempts,
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    lastAttemptAt: iso(row.lastAttemptAt),
    lastStatusCode: row.lastStatusCode ?? null,
    lastError: row.lastError ?? null,
    responseExcerpt: row.responseExcerpt ?? null,
    occurredAt: iso(row.occurredAt) as string,
    createdAt: iso(row.createdAt) as string,
    deliveredAt: iso(row.deliveredAt),
  };
}

/** The filter of the webhooks `p` manages: all for a district admin, else those whose streets are all its own. */
export function webhookScope(p: Principal): Record<string, unknown> {
  if (districtWide(p)) return {};
  return { streets: { $in: p.streets, $not: { $elemMatch: { $nin: p.streets } } } };
}

/** The webhook `id` if `p` manages it, else 404. */
async function scopedWebhook(p: Principal, id: string): Promise<WebhookRow> {
  const row = (await Webhook.findById(id).lean()) as WebhookRow | null;
  if (!row || !(districtWide(p) || (!row.streets.includes(ALL_STREETS_SCOPE) && coversStreets(p, row.streets)))) throw notFound(`webhook ${id}`);
  return row;
}

/** Refuses streets `p` may not give a webhook (403), and ids that are no street (422). */
async function checkStreets(p: Principal, streets: readonly string[]): Promise<string[]> {
  const unique = [...new Set(streets)];
  if (unique.includes(ALL_STREETS_SCOPE)) {
    if (!districtWide(p)) throw forbidden(`only a district admin registers a webhook for the whole district (${ALL_STREETS_SCOPE})`, 'district-admin-only');
    if (unique.length > 1) throw unprocessable('streets-overlap', `"${ALL_STREETS_SCOPE}" already covers every street: give it alone`);
    return unique;
  }
  if (!coversStreets(p, unique)) throw forbidden(`a webhook hears only your streets (${p.streets.join(', ')}); asked for ${unique.join(', ')}`, 'street-out-of-scope');
  const found = new Set((await OrgUnit.find({ _id: { $in: unique }, kind: 'street' }, { _id: 1 }).lean()).map((u) => u._id));
  const unknown = unique.filter((s) => !found.has(s));
  if (unknown.length > 0) throw unprocessable('unknown-street', `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a street`, { streets: unknown });
  return unique;
}

/** Refuses (422 destination-denied, naming the rule) a URL the outbound policy does not let deliveries reach. */
function checkUrl(url: string): string {
  try {
    return checkOutboundUrl(url, webhookSettings().allow).toString();
  } catch (error) {
    if (error instanceof OutboundDenied) throw unprocessable('destination-denied', error.reason, { url: url.slice(0, 200) });
    throw error;
  }
}

/** The webhooks `p` manages, by name. */
export async function listWebhooks(p: Principal) {
  const rows = (await Webhook.find(webhookScope(p)).sort({ name: 1, _id: 1 }).lean()) as WebhookRow[];
  return { items: rows.map(webhookViewOf) };
}

/** Registers a webhook as `p`. */
export async function createWebhook(p: Principal, input: z.output<typeof webhookCreateBody>) {
  const streets = await checkStreets(p, input.streets);
  const url = checkUrl(input.url);
  const now = new Date();
  const row = { _id: `wh_${randomBytes(8).toString('hex')}`, name: input.name, url, events: [...new Set(input.events)], streets, active: input.active, secret: input.secret, secretUpdatedAt: now, createdBy: p.username, createdAt: now, updatedAt: now };
  await Webhook.collection.insertOne(row as never);
  return webhookViewOf(row);
}

/** Changes a webhook `p` manages; a new secret replaces the old one (deliveries from then on are signed with it). */
export async function updateWebhook(p: Principal, id: string, input: z.output<typeof webhookPatchBody>) {
  const current = await scopedWebhook(p, id);
  const set: Record<string, unknown> = { updatedAt: new Date() };
  if (input.name !== undefined) set.name = input.name;
  if (input.url !== undefined) set.url = checkUrl(input.url);
  if (input.events !== undefined) set.events = [...new Set(input.events)];
  if (input.streets !== undefined) set.streets = await checkStreets(p, input.streets);
  if (input.active !== undefined) set.active = input.active;
  if (input.secret !== undefined) Object.assign(set, { secret: input.secret, secretUpdatedAt: set.updatedAt });
  // An update then a read: findOneAndUpdate would send the secret's exclusion as `fields`, which FerretDB v1 does not implement.
  await Webhook.updateOne({ _id: current._id }, { $set: set });
  const row = (await Webhook.findById(current._id).lean()) as WebhookRow | null;
  if (!row) throw notFound(`webhook ${id}`);
  return webhookViewOf(row);
}

/** Deletes a webhook `p` manages, with its deliveries. */
export async function deleteWebhook(p: Principal, id: string): Promise<void> {
  await scopedWebhook(p, id);
  await Webhook.deleteOne({ _id: id });
  await WebhookDelivery.deleteMany({ webhookId: id });
}

/** A page of a webhook's deliveries, newest first, optionally of one status. */
export async function listDeliveries(p: Principal, id: string, query: { status?: string; page: number; size: number }) {
  await scopedWebhook(p, id);
  const filter: Record<string, unknown> = { webhookId: id, ...(query.status && { status: query.status }) };
  const [rows, total] = await Promise.all([
    WebhookDelivery.find(filter, { payloadJson: 0 }).sort({ createdAt: -1, _id: -1 }).skip((query.page - 1) * query.size).limit(query.size).lean(),
    WebhookDelivery.countDocuments(filter),
  ]);
  return { items: (rows as DeliveryRow[]).map(deliveryViewOf), page: query.page, size: query.size, total };
}

/** Queues a delivery again now, with a fresh round of attempts; 409 while an attempt is under way. */
export async function retryDelivery(p: Principal, id: string, deliveryId: string) {
  await scopedWebhook(p, id);
  const row = (await WebhookDelivery.findOneAndUpdate(
    { _id: deliveryId, webhookId: id, status: { $in: ['pending', 'delivered', 'failed'] } },
    { $set: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), leaseUntil: null } },
    { returnDocument: 'after' },
  ).lean()) as DeliveryRow | null;
  if (row) return deliveryViewOf(row);
  if (await WebhookDelivery.exists({ _id: deliveryId, webhookId: id })) throw conflict('delivery-in-progress', `delivery ${deliveryId} is being sent right now; look again in a moment`);
  throw notFound(`delivery ${deliveryId} of webhook ${id}`);
}
