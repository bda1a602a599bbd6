// Mutation hooks for case event webhooks: register, change, delete, and send a delivery again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { createWebhook, deleteWebhook, retryDelivery, updateWebhook, type Webhook, type WebhookChange, type WebhookDelivery, type WebhookInput } from '../webhooks';
import { WEBHOOKS_QUERY_KEY } from './useWebhooks.query';

/** Registers (`{input}`), changes (`{id, change}`) or deletes (`{remove: id}`) a webhook; the lists are refetched after. */
export function useChangeWebhook() {
  const queryClient = useQueryClient();
  return useMutation<Webhook | undefined, ProblemError, { input: WebhookInput } | { id: string; change: WebhookChange } | { remove: string }>({
    mutationFn: (what) => {
      if ('remove' in what) return bodyOf<undefined>(deleteWebhook(what.remove));
      return bodyOf<Webhook>('input' in what ? createWebhook(what.input) : updateWebhook(what.id, what.change));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_QUERY_KEY }),
  });
}

/** Sends one delivery of a webhook again; its delivery list is refetched after. */
export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation<WebhookDelivery, ProblemError, { webhookId: string; deliveryId: string }>({
    mutationFn: ({ webhookId, deliveryId }) => bodyOf<WebhookDelivery>(retryDelivery(webhookId, deliveryId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_QUERY_KEY }),
  });
}
