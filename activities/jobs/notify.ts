// Job type `sparrow.notify`: records a notification for groups or users named by the task's headers (or, where the
// diagram sets no header, by variables).
import { Notification } from '../../store/models';
import type { JobHandler } from './types';

/**
 * Notifies `recipients` (comma-separated or a list) with `message`; idempotent per element run. The diagram's headers
 * are authoritative: a variable is used only where no header is set, so case data cannot redirect a notification.
 */
export const notify: JobHandler = async ({ jobKey, instanceId, elementId, headers, variables }) => {
  const raw = headers.recipients ?? variables.recipients ?? '';
  const recipients = (Array.isArray(raw) ? raw.map(String) : String(raw).split(',')).map((s) => s.trim()).filter(Boolean);
  const message = String(headers.message ?? variables.message ?? '').trim();
  if (recipients.length === 0) throw new Error('sparrow.notify needs recipients (header or variable)');
  if (!message) throw new Error('sparrow.notify needs a message (header or variable)');
  await Notification.updateOne(
    { _id: jobKey },
    { $setOnInsert: { instanceId, elementId, recipients, message, createdAt: new Date() } },
    { upsert: true },
  );
  return { notifiedAt: new Date().toISOString(), notifiedCount: recipients.length };
};
