// The message buffer's reads and writes, shared by the server (publish, purge) and the worker (a subscription takes a
// message). Each take is one findOneAndUpdate that adds the taking process to the row's correlatedProcesses, so a
// message goes to at most one case of a process even when cases subscribe at once (no transactions: FerretDB v1).
import type { BufferedMessage, TakeBufferedMessageInput } from '../contracts/messageBuffer';
import { MessageBuffer, type MessageBufferDoc } from './models';

/** The rows a case of `street` may take: those of a district-wide publisher, or of a publisher of that street. */
const streetMatch = (street: string | null) => (street ? { $or: [{ anyStreet: true }, { streets: street }] } : { anyStreet: true });

const asMessage = (row: Pick<MessageBufferDoc, 'variablesJson' | 'publishedBy' | 'messageId'> & { _id: string }): BufferedMessage => ({
  id: row._id,
  variables: JSON.parse(row.variablesJson) as Record<string, unknown>,
  publishedBy: row.publishedBy,
  messageId: row.messageId ?? null,
});

/** Takes for `definitionKey` the first-published unexpired message of this name and key it has not had (FIFO, Camunda 8); null when none. */
export async function takeBufferedMessage(input: TakeBufferedMessageInput, now = new Date()): Promise<BufferedMessage | null> {
  const row = await MessageBuffer.findOneAndUpdate(
    { name: input.name, correlationKey: input.correlationKey, expiresAt: { $gt: now }, correlatedProcesses: { $ne: input.definitionKey }, ...streetMatch(input.street) },
    { $push: { correlatedProcesses: input.definitionKey } },
    { sort: { publishedAt: 1, _id: 1 }, returnDocument: 'after' },
  ).lean();
  return row ? asMessage(row) : null;
}

/** Marks the message `id` correlated to `definitionKey`, unless it already was (then false: one correlation per process). */
export async function claimForProcess(id: string, definitionKey: string): Promise<boolean> {
  const result = await MessageBuffer.updateOne({ _id: id, correlatedProcesses: { $ne: definitionKey } }, { $push: { correlatedProcesses: definitionKey } });
  return result.modifiedCount === 1;
}

/** Gives the message `id` back to `definitionKey`: a case of it may take it again. */
export async function releaseForProcess(id: string, definitionKey: string): Promise<void> {
  await MessageBuffer.updateOne({ _id: id }, { $pull: { correlatedProcesses: definitionKey } });
}

/** Removes the message `id` if no process has had it (its publication failed, e.g. a case refused its variables as too large). */
export async function discardUncorrelated(id: string): Promise<void> {
  await MessageBuffer.deleteOne({ _id: id, correlatedProcesses: { $size: 0 } });
}

/** Removes the buffered messages whose time-to-live has passed; answers how many. */
export async function purgeExpiredMessages(now = new Date()): Promise<number> {
  const result = await MessageBuffer.deleteMany({ expiresAt: { $lte: now } });
  return result.deletedCount ?? 0;
}
