// Activities that keep MongoDB's read models in step with the case: tasks, instance summary, audit events.
import type { AuditEntry, UserTaskSpec } from '../engine/interpreter/types';
import { AuditEvent } from '../server/models/auditEvent';
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

/**
 * Inserts audit rows; a retried call adds only the missing ones, as the unique (instanceId, seq) index refuses
 * the rest. One insert for all rows: per-row upserts cost a collection scan each on FerretDB (quadratic).
 */
async function appendAudit(instanceId: string, firstSeq: number, entries: AuditEntry[]): Promise<void> {
  const rows = entries.map((entry, i) => ({
    instanceId,
    seq: firstSeq + i,
    at: new Date(entry.at),
    actor: entry.actor,
    kind: entry.kind,
    elementId: entry.elementId ?? null,
    tokenId: entry.tokenId ?? null,
    dataJson: entry.data ? JSON.stringify(entry.data) : null,
  }));
  try {
    await AuditEvent.insertMany(rows, { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
    if (!writeErrors?.length || !writeErrors.every(isDuplicateKey)) throw error;
  }
}

/** Appends audit entries (idempotent by instance and seq) and updates the instance summary. */
export async function recordProgress(input: RecordProgressInput): Promise<void> {
  const { caseRef, entries, firstSeq, summary } = input;
  if (entries.length > 0) await appendAudit(caseRef.instanceId, firstSeq, entries);
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
}
