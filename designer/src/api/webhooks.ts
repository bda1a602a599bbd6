// Request builders and types for case event webhooks (事件推送): the webhooks an admin manages and their deliveries.
import type { z } from 'zod';
import type { deliveryListQuery, webhookCreateBody, webhookDeliveryView, webhookPatchBody, webhookView } from '../../../contracts/api/webhooks';
import type { RequestBuilder } from './request';

/** A webhook as admins see it (never its secret: only whether one is set). */
export type Webhook = z.output<typeof webhookView>;

/** One delivery of an event to a webhook, with its status and attempts. */
export type WebhookDelivery = z.output<typeof webhookDeliveryView>;

/** Body of `POST /api/admin/webhooks`. */
export type WebhookInput = z.input<typeof webhookCreateBody>;

/** Body of `PATCH /api/admin/webhooks/:id`. */
export type WebhookChange = z.input<typeof webhookPatchBody>;

/** Filters and page of a delivery list. */
export type DeliveryQuery = Partial<z.input<typeof deliveryListQuery>>;

const hookUrl = (id: string) => `/api/admin/webhooks/${encodeURIComponent(id)}`;

/** The webhooks the signed-in admin manages. */
export function listWebhooks(): RequestBuilder {
  return { method: 'GET', url: '/api/admin/webhooks' };
}

/** Registers a webhook; 422 `destination-denied` for a URL deliveries may not reach. */
export function createWebhook(input: WebhookInput): RequestBuilder {
  return { method: 'POST', url: '/api/admin/webhooks', body: input };
}

/** Changes a webhook; a `secret` replaces the old one. */
export function updateWebhook(id: string, change: WebhookChange): RequestBuilder {
  return { method: 'PATCH', url: hookUrl(id), body: change };
}

/** Deletes a webhook and its deliveries. */
export function deleteWebhook(id: string): RequestBuilder {
  return { method: 'DELETE', url: hookUrl(id) };
}

/** A page of a webhook's deliveries, newest first. */
export function listDeliveries(id: string, query: DeliveryQuery = {}): RequestBuilder {
  const params = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
  const search = params.toString();
  return { method: 'GET', url: `${hookUrl(id)}/deliveries${search ? `?${search}` : ''}` };
}

/** Sends a delivery again with a fresh round of attempts; 409 while one is under way. */
export function retryDelivery(id: string, deliveryId: string): RequestBuilder {
  return { method: 'POST', url: `${hookUrl(id)}/deliveries/${encodeURIComponent(deliveryId)}/retry` };
}
