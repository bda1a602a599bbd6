// Case events and delivery statuses in the admin's words (pure: message keys only).
import type { DeliveryStatus, WebhookEvent } from '../../../../contracts/api/webhooks';
import type { MessageKey } from '../../i18n/messages/zh-CN';

/** The message naming each case event. */
export const EVENT_LABEL: Record<WebhookEvent, MessageKey> = {
  'case.started': 'webhooks.event.caseStarted',
  'task.created': 'webhooks.event.taskCreated',
  'deadline.near': 'webhooks.event.deadlineNear',
  'deadline.past': 'webhooks.event.deadlinePast',
  'task.completed': 'webhooks.event.taskCompleted',
  'incident.raised': 'webhooks.event.incidentRaised',
  'incident.resolved': 'webhooks.event.incidentResolved',
  'case.completed': 'webhooks.event.caseCompleted',
  'case.cancelled': 'webhooks.event.caseCancelled',
};

/** A delivery's status in words: a pending one that has failed before is waiting to be retried. */
export function statusLabel(status: DeliveryStatus, attempts: number): { key: MessageKey; color: string } {
  if (status === 'delivered') return { key: 'webhooks.status.delivered', color: 'green' };
  if (status === 'failed') return { key: 'webhooks.status.failed', color: 'red' };
  if (status === 'delivering') return { key: 'webhooks.status.delivering', color: 'blue' };
  return attempts > 0 ? { key: 'webhooks.status.retrying', color: 'orange' } : { key: 'webhooks.status.pending', color: 'default' };
}
