// Activities that keep MongoDB's read models in step with the case: tasks, instance summary, the audit chain.
import type { AuditEntry, UserTaskSpec } from '../engine/interpreter/types';
import { AuditEvent, AuditLedger, AuditLedgerHead, auditRowId, LEDGER_HEAD_ID } from '../server/models/auditEvent';
import { buildChain, GENESIS_HASH, ledgerHash } from '../server/services/auditChain';
import { Instance } from '../server/models/instance';
import { Task } from '../server/models/task';

/** Who and what a case is, as carried by every read-model write. */
export interface CaseRef {
  instanceId: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string;
  street: string | null;
}

/** Input of openUserTask. */
export interface OpenUserTaskInput {
  caseRef: CaseRef;
  task: UserTaskSpec;
  at: string;
}

/** Input of closeUserTask. */
export interface CloseUserTaskInput {
  taskId: string;
  outcome: 'completed' | 'cancelled';
  actor: string;
  at: string;
}

/** Input of recordProgress: audit entries numbered from `firstSeq`, and the summary after them. */
export interface RecordProgressInput {
  caseRef: CaseRef;
  startedBy: string;
  startedAt: string;
  firstSeq: number;
  entries: AuditEntry[];
  summary: { status: 'running' | 'incident' | 'completed' | 'cancelled'; currentElements: string[]; incidentCount: number; endedAt?: string };
}

const dateOrNull = (value?: string) => (value ? new Date(value) : null);

/** Opens a user task in the read model; a retried or replayed call leaves the same single row. */
export async function openUserTask({ caseRef, task, at }: OpenUserTaskInput): Promise<void> {
  await Task.updateOne(
    { _id: task.taskId },
    {
      $setOnInsert: {
        instanceId: caseRef.instanceId,
        definitionKey: caseRef.definitionKey,
        definitionVersion: caseRef.definitionVersion,
        businessKey: caseRef.businessKey,
        street: caseRef.street,
        elementId: task.elementId,
        name: task.name ?? null,
        assignee: task.assignee ?? null,
        candidateGroups: task.candidateGroups,
        candidateUsers: task.candidateUsers,
        status: task.assignee ? 'claimed' : 'open',
        dueDate: dateOrNull(task.dueDate),
        followUpDate: dateOrNull(task.followUpDate),
        priority: task.priority,
        formKey: task.formKey ?? null,
        formId: task.formId ?? null,
        createdAt: new Date(at),
      },
    },
    { upsert: true },
  );
}

/** Marks a task completed or cancelled (only while it is still open or claimed). */
export async function closeUserTask({ taskId, outcome, actor, at }: CloseUserTaskInput): Promise<void> {
  const set = outcome === 'completed' ? { status: 'completed', completedAt: new Date(at), completedBy: actor } : { status: 'cancelled', completedAt: new Date(at) };
  await Task.updateOne({ _id: taskId, status: { $in: ['open', 'claimed'] } }, { $set: set });
}

const isDuplicateKey = (error: unknown) => (error as { code?: unknown }).code === 11000;

/** The hash the chain continues from: the previous row's (genesis for seq 1). */
async function previousHash(instanceId: string, firstSeq: number): Promise<string> {
  if (firstSeq === 1) return GENESIS_HASH;
  const prev = (await AuditEvent.findById(auditRowId(instanceId, firstSeq - 1), { hash: 1 }).lean()) ?? (await AuditEvent.findOne({ instanceId, seq: firstSeq - 1 }, { hash: 1 }).lean());
  // Rows are written in order (one promise chain in the workflow), so a missing previous row is a transient state:
  // fail, and the activity's retry finds it.
  if (!prev) throw new Error(`audit row ${firstSeq - 1} of ${instanceId} is missing; the chain cannot continue yet`);
  // A row written before the audit chain existed has no hash: the chain of such a case starts over (verification says so).
  return prev.hash ?? GENESIS_HASH;
}

/**
 * Appends audit rows as links of the case's hash chain, computed from the previous row. A retried call computes the
 * same rows (same entries, same previous row) and adds only the missing ones: the `_id` (`<instanceId>/<seq>`) and the
 * unique (instanceId, seq) index refuse the rest. One insert for all rows: per-row upserts cost a collection scan each
 * on FerretDB (quadratic). Returns the hash of the last row.
 */
async function appendAudit(caseRef: CaseRef, firstSeq: number, entries: AuditEntry[]): Promise<string> {
  const rows = buildChain(caseRef.instanceId, caseRef.definitionVersion, firstSeq, entries, await previousHash(caseRef.instanceId, firstSeq));
  const docs = rows.map((row) => ({ ...row, _id: auditRowId(row.instanceId, row.seq), at: new Date(row.at) }));
  try {
    await AuditEvent.insertMany(docs, { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
    if (!writeErrors?.length || !writeErrors.every(isDuplicateKey)) throw error;
  }
  return rows[rows.length - 1].hash as string;
}

/**
 * Records a closed case's head hash in the global chain (the ledger), once: the unique instanceId index refuses a
 * second entry for the case, and concurrent closings of other cases race for the next position by `_id` (the loser
 * moves on). The head document only says where to start looking; entries are found by `_id` lookups.
 */
async function sealCase(caseRef: CaseRef, lastSeq: number, headHash: string, closedAt: string): Promise<void> {
  const head = await AuditLedgerHead.findById(LEDGER_HEAD_ID).lean();
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  for (let attempts = 0; attempts < 10_000; attempts += 1) {
    const next = await AuditLedger.findById(seq + 1).lean();
    if (next) {
      if (next.instanceId === caseRef.instanceId) return advanceLedgerHead(next._id, next.hash);
      seq = next._id;
      prevHash = next.hash;
      continue;
    }
    const entry = { seq: seq + 1, instanceId: caseRef.instanceId, street: caseRef.street, lastSeq, headHash, closedAt, prevHash };
    const hash = ledgerHash(entry);
    try {
      await AuditLedger.create({ _id: entry.seq, instanceId: entry.instanceId, street: entry.street, lastSeq, headHash, closedAt: new Date(closedAt), prevHash, hash });
      return advanceLedgerHead(entry.seq, hash);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Either another case took this position (look again), or this case is sealed already (the instanceId index).
      if (!(await AuditLedger.exists({ _id: entry.seq }))) return;
    }
  }
  throw new Error(`could not find the end of the audit ledger to seal ${caseRef.instanceId}`);
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

/** The hash of a stored row (for sealing a case whose closing rows were written by an earlier call). */
async function rowHash(instanceId: string, seq: number): Promise<{ hash: string; at: string } | null> {
  const row = await AuditEvent.findById(auditRowId(instanceId, seq), { hash: 1, at: 1 }).lean();
  return row?.hash ? { hash: row.hash, at: new Date(row.at).toISOString() } : null;
}

/** Appends audit entries to the case's chain (idempotent by instance and seq), updates the summary, and seals a closed case. */
export async function recordProgress(input: RecordProgressInput): Promise<void> {
  const { caseRef, entries, firstSeq, summary } = input;
  const headHash = entries.length > 0 ? await appendAudit(caseRef, firstSeq, entries) : null;
  const lastSeq = firstSeq + entries.length - 1;
  await Instance.updateOne(
    { _id: caseRef.instanceId },
    {
      $setOnInsert: {
        definitionKey: caseRef.definitionKey,
        definitionVersion: caseRef.definitionVersion,
        businessKey: caseRef.businessKey,
        street: caseRef.street,
        startedBy: input.startedBy,
        startedAt: new Date(input.startedAt),
      },
    },
    { upsert: true },
  );
  await Instance.updateOne(
    { _id: caseRef.instanceId, progressSeq: { $lt: lastSeq } },
    {
      $set: {
        status: summary.status,
        currentElements: summary.currentElements,
        incidentCount: summary.incidentCount,
        endedAt: dateOrNull(summary.endedAt),
        progressSeq: lastSeq,
      },
    },
  );
  if ((summary.status === 'completed' || summary.status === 'cancelled') && lastSeq > 0) {
    const head = headHash ? { hash: headHash, at: new Date(entries[entries.length - 1].at).toISOString() } : await rowHash(caseRef.instanceId, lastSeq);
    if (head) await sealCase(caseRef, lastSeq, head.hash, head.at);
  }
}
