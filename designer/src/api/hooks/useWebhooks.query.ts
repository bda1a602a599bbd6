// Query hooks for case event webhooks: the admin's webhooks, and one webhook's deliveries (refreshed while some wait).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { type DeliveryQuery, listDeliveries, listWebhooks, type Webhook, type WebhookDelivery } from '../webhooks';

/** Query key of every webhook query; invalidate it after a change. */
export const WEBHOOKS_QUERY_KEY = ['webhooks'] as const;

const DELIVERY_POLL_MS = 5000;

/** The webhooks the signed-in admin manages. */
export function useWebhooks() {
  return useQuery<Webhook[], ProblemError>({
    queryKey: [...WEBHOOKS_QUERY_KEY, 'list'],
    queryFn: async ({ signal }) => (await bodyOf<{ items: Webhook[] }>(listWebhooks(), signal)).items,
  });
}

/** A page of `webhookId`'s deliveries (none while `webhookId` is null), polled while any is pending or being sent. */
export function useWebhookDeliveries(webhookId: string | null, query: DeliveryQuery) {
  return useQuery<{ items: WebhookDelivery[]; total: number }, ProblemError>({
    queryKey: [...WEBHOOKS_QUERY_KEY, 'deliveries', webhookId, query],
    queryFn: ({ signal }) => bodyOf<{ items: WebhookDelivery[]; total: number }>(listDeliveries(webhookId as string, query), signal),
    enabled: webhookId !== null,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending' || d.status === 'delivering') ? DELIVERY_POLL_MS : false),
  });
}
