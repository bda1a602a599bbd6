// How long delivered and failed deliveries are kept: the dispatcher removes those created more than
// SPARROW_WEBHOOK_RETENTION_DAYS ago (pending and in-flight ones stay whatever their age), so the outbox it polls does
// not grow without end.
import type { WebhookSettings } from '../../platform/webhookSettings';
import { WebhookDelivery } from '../../store/models';

/** Deletes the finished deliveries older than the retention at `now`; answers how many. */
export async function purgeDeliveries(settings: Pick<WebhookSettings, 'retentionDays'>, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - settings.retentionDays * 86_400_000);
  const { deletedCount } = await WebhookDelivery.deleteMany({ status: { $in: ['delivered', 'failed'] }, createdAt: { $lt: before } });
  return deletedCount;
}
