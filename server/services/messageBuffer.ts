// Publishing into the message buffer (Camunda 8's message buffering and uniqueness): a message with a time-to-live is
// kept until it expires, once per (name, correlation key, messageId) while buffered; expired rows are purged here.
import { createHash, randomUUID } from 'node:crypto';
import { districtWide, type Principal } from '../auth/principal';
import { conflict } from '../../platform/errors';
import { isDuplicateKey } from '../../store/duplicateKey';
import { MessageBuffer } from '../../store/models';

/** A message as POST /api/messages publishes it. */
export interface PublishedMessage {
  name: string;
  correlationKey: string;
  variables: Record<string, unknown>;
  /** How long it is buffered, in milliseconds (0: not at all). */
  timeToLiveMs: number;
  /** Camunda 8's message id: a second message of the same name, key and id is refused while the first is buffered. */
  messageId?: string;
}

/** What the answer says of a buffered message. */
export interface BufferedView {
  id: string;
  messageId?: string;
  expiresAt: string;
}

/** The buffer row id of a message with a messageId: equal messages get the same id, so a second insert is a duplicate key. */
const idOf = (m: PublishedMessage) => (m.messageId === undefined ? randomUUID() : createHash('sha256').update(JSON.stringify([m.name, m.correlationKey, m.messageId])).digest('hex'));

const alreadyPublished = (m: PublishedMessage, expiresAt: Date) =>
  conflict('message-already-published', `a message "${m.name}" with correlation key "${m.correlationKey}" and messageId "${m.messageId}" is buffered until ${expiresAt.toISOString()}`, {
    messageId: m.messageId,
    expiresAt: expiresAt.toISOString(),
  });

/**
 * Refuses a message with a messageId while an equal one (same name, key and id) is buffered and unexpired: a 409
 * `message-already-published`, as Camunda 8 answers ALREADY_EXISTS. Without a messageId nothing is checked.
 */
export async function refuseIfBuffered(m: PublishedMessage, now = new Date()): Promise<void> {
  if (m.messageId === undefined) return;
  const row = await MessageBuffer.findOne({ _id: idOf(m), expiresAt: { $gt: now } }).select({ expiresAt: 1 }).lean();
  if (row) throw alreadyPublished(m, row.expiresAt);
}

/**
 * Buffers a message for its time-to-live, for the publisher's streets; an equal message still buffered is a 409 (an
 * expired one not purged yet is replaced).
 */
export async function bufferMessage(user: Principal, m: PublishedMessage, now = new Date()): Promise<BufferedView> {
  const expiresAt = new Date(now.getTime() + m.timeToLiveMs);
  const row = {
    _id: idOf(m),
    name: m.name,
    correlationKey: m.correlationKey,
    messageId: m.messageId ?? null,
    variablesJson: JSON.stringify(m.variables),
    streets: districtWide(user) ? [] : user.streets,
    anyStreet: districtWide(user),
    publishedBy: user.username,
    publishedAt: now,
    expiresAt,
    correlatedProcesses: [],
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await MessageBuffer.create(row);
      return { id: row._id, ...(m.messageId === undefined ? {} : { messageId: m.messageId }), expiresAt: expiresAt.toISOString() };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await MessageBuffer.findById(row._id).select({ expiresAt: 1 }).lean();
      // unexpired, or published again a moment ago by a concurrent request after an expired one was removed
      if (existing && (existing.expiresAt > now || attempt > 0)) throw alreadyPublished(m, existing.expiresAt);
      await MessageBuffer.deleteOne({ _id: row._id, expiresAt: { $lte: now } });
    }
  }
  throw alreadyPublished(m, expiresAt);
}
