// The global audit ledger in the store: where it ends, and sealing the closed cases queued for it (the pending seals)
// at the next positions in closing order. Sealers of several processes stay correct: a position is taken by inserting
// its `_id`. activities/ledgerSealer.ts runs the sealing passes.
import { AuditLedger, AuditLedgerHead, AuditPendingSeal, LEDGER_HEAD_ID } from '../store/models';
import { GENESIS_HASH, ledgerHash } from './chain';
import { isDuplicateKey } from '../store/duplicateKey';


/** Where the ledger ends: the head document, then forward by `_id` lookups past entries it does not name yet. */
export async function ledgerEnd(): Promise<{ seq: number; hash: string }> {
  const head = await AuditLedgerHead.findById(LEDGER_HEAD_ID).lean();
  let end = { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
  for (;;) {
    const next = await AuditLedger.findById(end.seq + 1, { hash: 1 }).lean();
    if (!next) return end;
    end = { seq: next._id, hash: next.hash };
  }
}

/** Moves the ledger head forward to `seq` (never back). */
async function advanceLedgerHead(seq: number, hash: string): Promise<void> {
  const moved = await AuditLedgerHead.updateOne({ _id: LEDGER_HEAD_ID, seq: { $lt: seq } }, { $set: { seq, hash } });
  if (moved.matchedCount > 0) return;
  try {
    await AuditLedgerHead.create({ _id: LEDGER_HEAD_ID, seq, hash });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** The driver's per-document error of a failed ordered insertMany: the index it stopped at. */
function stoppedAt(error: unknown): number | null {
  const found = (error as { writeErrors?: { index: number; code?: number } | Array<{ index: number; code?: number }> }).writeErrors;
  const first = Array.isArray(found) ? found[0] : found;
  return first && first.code === 11000 ? first.index : null;
}

/**
 * Seals every queued closing, oldest first: appends their ledger entries from the ledger's end with one ordered insert.
 * Where it stops on a duplicate key, either another process's sealer took that position (walk on to the new end and go
 * on) or the ledger holds that case already (the unique instanceId index: skip it). Then moves the head once and
 * removes the sealed cases from the queue. Returns how many cases it sealed.
 */
export async function sealPendingCases(): Promise<number> {
  const pending = await AuditPendingSeal.find({}).lean();
  if (pending.length === 0) return 0;
  pending.sort((a, b) => new Date(a.closedAt).getTime() - new Date(b.closedAt).getTime() || a._id.localeCompare(b._id));
  let end = await ledgerEnd();
  let rest = pending;
  let sealed = 0;
  while (rest.length > 0) {
    const docs: Array<Record<string, unknown>> = [];
    let prev = end;
    for (const p of rest) {
      const entry = { seq: prev.seq + 1, instanceId: p._id, street: p.street ?? null, lastSeq: p.lastSeq, headHash: p.headHash, closedAt: new Date(p.closedAt).toISOString(), prevHash: prev.hash };
      const hash = ledgerHash(entry);
      docs.push({ _id: entry.seq, instanceId: entry.instanceId, street: entry.street, lastSeq: entry.lastSeq, headHash: entry.headHash, closedAt: new Date(p.closedAt), prevHash: entry.prevHash, hash });
      prev = { seq: entry.seq, hash };
    }
    try {
      await AuditLedger.collection.insertMany(docs as never[], { ordered: true });
      sealed += docs.length;
      end = prev;
      break;
    } catch (error) {
      const at = stoppedAt(error);
      if (at === null) throw error;
      sealed += at;
      const taken = await AuditLedger.exists({ _id: docs[at]._id as number });
      end = taken ? await ledgerEnd() : at > 0 ? { seq: docs[at - 1]._id as number, hash: docs[at - 1].hash as string } : end;
      rest = rest.slice(taken ? at : at + 1);
    }
  }
  await advanceLedgerHead(end.seq, end.hash);
  await AuditPendingSeal.deleteMany({ _id: { $in: pending.map((p) => p._id) } });
  return sealed;
}
