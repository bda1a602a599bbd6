// Activities that keep MongoDB's read models in step with the case: tasks, instance summary, the audit chain (their
// inputs: contracts/activities.ts).
import { ApplicationFailure } from '@temporalio/activity';
import type { AuditChainHead, CaseRef, CloseUserTaskInput, OpenUserTaskInput, RecordProgressInput, SetTaskDatesInput, SetTaskHolderInput } from '../contracts/activities';
import type { AuditEntry } from '../contracts/caseData';
import { buildChain, GENESIS_HASH } from '../audit/chain';
import { AuditEvent, AuditPendingSeal, auditRowId, Instance, InstanceHistory, Task } from '../store/models';
import { dropIfClosed, instanceExistsAnywhere, isClosedStatus, moveInstanceToHistory } from '../store/instances';
import { countOpenedTask, moveTaskToHistory, updateHotTask } from '../store/tasks';
import { GroupInsert } from './groupInsert';
import { requestSealing } from './ledgerSealer';
import { queueCaseEvents } from './webhooks';

const dateOrNull = (value?: string | null) => (value ? new Date(value) : null);

/** Bad input no retry can mend: a non-retryable failure naming the task, the field and the value. */
function checkDate(taskId: string, field: string, value?: string | null): void {
  if (value && Number.isNaN(new Date(value).getTime())) {
    throw ApplicationFailure.nonRetryable(`task ${taskId}: ${field} ${JSON.stringify(value)} is not a date`, 'InvalidInput');
  }
}

/**
 * Opens a user task in the read model; a retried or replayed call leaves the same single row. A date that is none fails
 * at once. The row is inserted (shared with the tasks opening at the same time, groupInsert.ts) and a duplicate of the
 * task id is the row a previous call wrote: an upsert costs FerretDB v1 a scan of the whole collection per task, which
 * made opening 10,000 site tasks quadratic.
 */
export async function openUserTask({ caseRef, task, at }: OpenUserTaskInput): Promise<void> {
  checkDate(task.taskId, 'due date', task.dueDate);
  checkDate(task.taskId, 'follow-up date', task.followUpDate);
  checkDate(task.taskId, 'opening time', at);
  // Every field of the schema is given, so the driver's insert writes what the upsert's defaults did.
  const row = {
    _id: task.taskId,
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
    dueProvisional: task.dueProvisional ?? false,
    priority: task.priority,
    formKey: task.formKey ?? null,
    formId: task.formId ?? null,
    createdAt: new Date(at),
    claimedAt: null,
    claimedBy: null,
    completedAt: null,
    completedBy: null,
  };
  // Counted only when this call inserted the row (a retry's duplicate was counted by the call that wrote it).
  if ((await taskInserts.insert([row])) === 0) await countOpenedTask(row);
}

/** Marks a task completed or cancelled: it moves from the open tasks to the history (store/tasks.ts; a retry finishes or skips the move). */
export async function closeUserTask({ taskId, outcome, actor, at }: CloseUserTaskInput): Promise<void> {
  await moveTaskToHistory(taskId, outcome === 'completed' ? { status: 'completed', completedAt: new Date(at), completedBy: actor } : { status: 'cancelled', completedAt: new Date(at) });
}

/** Records who holds an open task, as the workflow ordered the claims, unclaims and assigns (retries write the same). */
export async function setTaskHolder({ taskId, assignee, by, at }: SetTaskHolderInput): Promise<void> {
  const set = assignee ? { status: 'claimed' as const, assignee, claimedBy: by, claimedAt: new Date(at) } : { status: 'open' as const, assignee: null, claimedBy: null, claimedAt: null };
  await updateHotTask(taskId, set);
}

/** Writes an open task's due and follow-up dates as a clock or calendar change moved them (retries write the same). */
export async function setTaskDates({ taskId, dueDate, followUpDate, dueProvisional }: SetTaskDatesInput): Promise<void> {
  checkDate(taskId, 'due date', dueDate);
  checkDate(taskId, 'follow-up date', followUpDate);
  await updateHotTask(taskId, { dueDate: dateOrNull(dueDate), followUpDate: dateOrNull(followUpDate), dueProvisional });
}

/** Inserts shared by concurrent calls (group commit): audit rows, first summaries, pending seals. */
const auditInserts = new GroupInsert(() => AuditEvent.collection);
const taskInserts = new GroupInsert(() => Task.collection);
const summaryInserts = new GroupInsert(() => Instance.collection);
const sealInserts = new GroupInsert(() => AuditPendingSeal.collection);

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
 * unique (instanceId, seq) index refuse the rest. One insert for all rows, shared with the cases writing at the same
 * time (groupInsert.ts): per-row upserts cost a collection scan each on FerretDB. Returns the hash of the last row.
 */
async function appendAudit(caseRef: CaseRef, firstSeq: number, entries: AuditEntry[]): Promise<string> {
  const rows = buildChain(caseRef.instanceId, caseRef.definitionVersion, firstSeq, entries, await previousHash(caseRef.instanceId, firstSeq));
  const docs = rows.map((row) => ({ ...row, _id: auditRowId(row.instanceId, row.seq), at: new Date(row.at) }));
  await auditInserts.insert(docs);
  return rows[rows.length - 1].hash as string;
}

/**
 * Queues a closed case for the ledger sealer (activities/ledgerSealer.ts): one insert, keyed by the case, so a retried
 * close queues it once. The case counts as sealed when the sealer has written its ledger entry, normally within a
 * second; until then verification checks the chain against this pending seal and reports it as `pending`.
 */
async function queueSeal(caseRef: CaseRef, lastSeq: number, headHash: string, closedAt: string): Promise<void> {
  await sealInserts.insert([{ _id: caseRef.instanceId, street: caseRef.street, lastSeq, headHash, closedAt: new Date(closedAt) }]);
  requestSealing();
}

/**
 * Writes the case summary after `lastSeq`. The first write of a case inserts the whole row (an insert costs FerretDB v1
 * a fraction of an update, which rewrites by scanning the collection); when the row exists already (the server wrote
 * it at start, or this is a retry) and later on, one conditional update, which a late retry never wins.
 */
async function writeSummary(input: RecordProgressInput, lastSeq: number): Promise<void> {
  const { caseRef, summary } = input;
  const progress = {
    status: summary.status,
    currentElements: summary.currentElements,
    incidentCount: summary.incidentCount,
    waitingSignals: summary.waitingSignals ?? [],
    waitingMessages: summary.waitingMessages ?? [],
    endedAt: dateOrNull(summary.endedAt),
    clocksJson: summary.clocks?.length ? JSON.stringify(summary.clocks) : null,
    calendarVersion: summary.calendarVersion ?? null,
    progressSeq: lastSeq,
  };
  // Every field of the schema is given, so the driver's insert writes what Instance.create would, without its casting.
  const insert = async () =>
    (await summaryInserts.insert([
      {
        _id: caseRef.instanceId,
        definitionKey: caseRef.definitionKey,
        definitionVersion: caseRef.definitionVersion,
        businessKey: caseRef.businessKey,
        street: caseRef.street,
        parentInstanceId: caseRef.parent?.instanceId ?? null,
        parentElementId: caseRef.parent?.elementId ?? null,
        startedBy: input.startedBy,
        startedAt: new Date(input.startedAt),
        ...progress,
      },
    ])) === 0;
  const id = caseRef.instanceId;
  if (input.firstSeq === 1 && (await insert())) return dropIfClosed(id);
  const updated = await Instance.updateOne({ _id: id, progressSeq: { $lt: lastSeq }, status: { $ne: 'failed' } }, { $set: progress });
  if (updated.matchedCount > 0) return;
  // A summary marked failed (server/services/reconcile.ts: its workflow closed abnormally) keeps its status; a write
  // still in flight then only counts its rows, in whichever collection the row is by now.
  const counted = { _id: id, progressSeq: { $lt: lastSeq }, status: 'failed' as const };
  const failed = await Promise.all([Instance.updateOne(counted, { $set: { progressSeq: lastSeq } }), InstanceHistory.updateOne(counted, { $set: { progressSeq: lastSeq } })]);
  // Nothing matched: newer progress is stored (a late retry), the case is closed and moved, or the row is gone; then write it again.
  if (failed.every((r) => r.matchedCount === 0) && !(await instanceExistsAnywhere({ _id: id }))) {
    await insert();
    await dropIfClosed(id);
  }
}

/** Writes the case summary after `lastSeq`; a closing write then moves the row to the history (store/instances.ts; a retry finishes the move). */
async function writeClosingSummary(input: RecordProgressInput, lastSeq: number): Promise<void> {
  await writeSummary(input, lastSeq);
  if (isClosedStatus(input.summary.status)) await moveInstanceToHistory(input.caseRef.instanceId);
}

/** The hash of a stored row (for sealing a case whose closing rows were written by an earlier call). */
async function rowHash(instanceId: string, seq: number): Promise<{ hash: string; at: string } | null> {
  const row = await AuditEvent.findById(auditRowId(instanceId, seq), { hash: 1, at: 1 }).lean();
  return row?.hash ? { hash: row.hash, at: new Date(row.at).toISOString() } : null;
}

/**
 * Appends audit entries to the case's chain (idempotent by instance and seq), writes the summary, queues a closed
 * case's seal and the webhook deliveries of its events; answers the chain's head after the entries (null without
 * entries), which a child case hands its parent.
 */
export async function recordProgress(input: RecordProgressInput): Promise<AuditChainHead | null> {
  const { caseRef, entries, firstSeq, summary } = input;
  const headHash = entries.length > 0 ? await appendAudit(caseRef, firstSeq, entries) : null;
  const lastSeq = firstSeq + entries.length - 1;
  const closed = (summary.status === 'completed' || summary.status === 'cancelled') && lastSeq > 0;
  const seal = async () => {
    const head = headHash ? { hash: headHash, at: new Date(entries[entries.length - 1].at).toISOString() } : await rowHash(caseRef.instanceId, lastSeq);
    if (head) await queueSeal(caseRef, lastSeq, head.hash, head.at);
  };
  // The rows are written first; summary, pending seal and webhook deliveries (activities/webhooks: nothing is written
  // when no webhook hears these entries, and the webhook list is cached) only name rows that exist, so they can go together.
  await Promise.all([writeClosingSummary(input, lastSeq), closed ? seal() : undefined, queueCaseEvents(caseRef, firstSeq, entries)]);
  return headHash ? { lastSeq, hash: headHash } : null;
}
