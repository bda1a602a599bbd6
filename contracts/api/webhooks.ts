// Case event webhooks (事件推送) as the admin API takes and answers them: the events a webhook may subscribe to, a
// webhook (its secret never shown, only whether one is set), and its deliveries with their status.
import { z } from 'zod';

/** The case events a webhook may subscribe to, in the order a case meets them. */
export const WEBHOOK_EVENTS = ['case.started', 'task.created', 'deadline.near', 'deadline.past', 'task.completed', 'incident.raised', 'incident.resolved', 'case.completed', 'case.cancelled'] as const;
/** One case event. */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Where a delivery stands: waiting for its (next) attempt, being sent, received (2xx), or given up. */
export const DELIVERY_STATUSES = ['pending', 'delivering', 'delivered', 'failed'] as const;
/** One delivery status. */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The district-wide scope: a webhook of every street's cases (and of cases without a street). */
export const ALL_STREETS_SCOPE = '*';

const secret = z.string().min(16, 'at least 16 characters').max(200).describe('the HMAC-SHA256 key that signs deliveries (never answered back)');

/** `POST /api/admin/webhooks`: a new webhook. */
export const webhookCreateBody = z.object({
  name: z.string().trim().min(1).max(100),
  url: z.string().min(1).max(2000).describe('an http(s) URL; loopback, private and link-local destinations only when the outbound allow-list names them'),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length),
  streets: z.array(z.string().min(1).max(100)).min(1).max(100).describe(`street ids whose cases it hears; "${ALL_STREETS_SCOPE}" for the whole district (district admins only)`),
  secret,
  active: z.boolean().default(true),
});

/** `PATCH /api/admin/webhooks/:id`: any fields; a new `secret` rotates it. */
export const webhookPatchBody = webhookCreateBody.partial().extend({ active: z.boolean().optional() });

/** A webhook as admins see it. */
export const webhookView = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  streets: z.array(z.string()),
  active: z.boolean(),
  secretSet: z.boolean().describe('whether a secret is set (the secret itself is never answered)'),
  secretUpdatedAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** One delivery of one event to one webhook. */
export const webhookDeliveryView = z.object({
  id: z.string().describe('the delivery id (`X-Sparrow-Delivery`): webhook id and event id'),
  webhookId: z.string(),
  eventId: z.string().describe('the event id (the payload `id`): the same for every webhook'),
  event: z.enum(WEBHOOK_EVENTS),
  instanceId: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable().describe('why the last attempt failed (bounded)'),
  responseExcerpt: z.string().nullable().describe("the start of the receiver's last answer (at most 500 characters)"),
  occurredAt: z.string(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});

/** `GET …/deliveries` filters and paging. */
export const deliveryListQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(50),
});

/** What a receiver gets: the JSON body of a delivery. */
export interface WebhookPayload {
  id: string;
  event: WebhookEvent;
  occurredAt: string;
  instanceId: string;
  definitionKey: string;
  businessKey: string;
  street: string | null;
  actor?: string;
  task?: { id: string; elementId?: string; name?: string | null; dueDate?: string | null };
  incident?: { id: string; elementId?: string; kind?: string; message?: string };
}
