// Case event webhooks (事件推送): admins register, change and delete them and watch their deliveries; a street admin
// only for its own streets (server/services/webhooks.ts).
import { z } from 'zod';
import { type AnyRoute, reply, route } from '../http/route';
import { pageOf } from '../../contracts/api/common';
import { deliveryListQuery, webhookCreateBody, webhookDeliveryView, webhookPatchBody, webhookView } from '../../contracts/api/webhooks';
import { ADMINS } from '../../contracts/roles';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, retryDelivery, updateWebhook } from '../services/webhooks';

const idParam = z.object({ id: z.string().min(1).max(100) });
const deliveryParams = idParam.extend({ deliveryId: z.string().min(1).max(1000) });

/** The webhook routes. */
export function webhookRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/admin/webhooks',
      summary: "The webhooks the caller manages (a street admin: those of only its streets); secrets are never answered",
      tag: 'webhooks',
      access: ADMINS,
      responses: { 200: { description: 'webhooks', schema: z.object({ items: z.array(webhookView) }) } },
      handler: async ({ user }) => listWebhooks(user),
    }),
    route({
      method: 'post',
      path: '/admin/webhooks',
      summary: 'Registers a webhook: URL, events, streets, secret (422 destination-denied for a URL the outbound policy refuses)',
      tag: 'webhooks',
      access: ADMINS,
      body: webhookCreateBody,
      responses: { 201: { description: 'the webhook', schema: webhookView } },
      problems: [422],
      handler: async ({ body, user }) => reply(201, await createWebhook(user, body)),
    }),
    route({
      method: 'patch',
      path: '/admin/webhooks/:id',
      summary: 'Changes a webhook: name, URL, events, streets, on/off; a new secret replaces (rotates) the old one',
      tag: 'webhooks',
      access: ADMINS,
      params: idParam,
      body: webhookPatchBody,
      responses: { 200: { description: 'the webhook', schema: webhookView } },
      problems: [404, 422],
      handler: async ({ params, body, user }) => updateWebhook(user, params.id, body),
    }),
    route({
      method: 'delete',
      path: '/admin/webhooks/:id',
      summary: 'Deletes a webhook and its deliveries',
      tag: 'webhooks',
      access: ADMINS,
      params: idParam,
      responses: { 204: { description: 'deleted' } },
      problems: [404],
      handler: async ({ params, user }) => {
        await deleteWebhook(user, params.id);
        return reply(204);
      },
    }),
    route({
      method: 'get',
      path: '/admin/webhooks/:id/deliveries',
      summary: "A webhook's deliveries, newest first: status, attempts, last error, next attempt",
      tag: 'webhooks',
      access: ADMINS,
      params: idParam,
      query: deliveryListQuery,
      responses: { 200: { description: 'deliveries', schema: pageOf(webhookDeliveryView) } },
      problems: [404],
      handler: async ({ params, query, user }) => listDeliveries(user, params.id, query),
    }),
    route({
      method: 'post',
      path: '/admin/webhooks/:id/deliveries/:deliveryId/retry',
      summary: 'Sends a delivery again with a fresh round of attempts (409 delivery-in-progress while one is under way)',
      tag: 'webhooks',
      access: ADMINS,
      params: deliveryParams,
      responses: { 200: { description: 'the delivery, pending', schema: webhookDeliveryView } },
      problems: [404, 409],
      handler: async ({ params, user }) => retryDelivery(user, params.id, params.deliveryId),
    }),
  ];
}
