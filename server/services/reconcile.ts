// Summaries of cases whose workflow closed without the engine finishing them (failed, terminated, timed out) are
// marked `failed` when the API meets them, so no summary says running for a workflow that has ended.
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { Instance } from '../../store/models';
import { moveInstanceToHistory } from '../../store/instances';
import { cancelTasksOfCase } from '../../store/tasks';

/** Summary statuses of a case whose workflow should still run. */
const OPEN_STATUSES: Array<'running' | 'incident'> = ['running', 'incident'];
/** Temporal's close statuses (describe names) that end a case without a completed or cancelled engine state. */
const ABNORMAL_CLOSES = new Set(['FAILED', 'TERMINATED', 'TIMED_OUT', 'CANCELLED']);
/** The same in visibility queries. */
const ABNORMAL_VISIBILITY = "ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut', 'Canceled')";
/** How long a list waits for Temporal's answer before it shows the summaries as they are. */
const LIST_CHECK_MS = 2_000;

/**
 * Marks an open summary failed (ended at `endedAt`), cancels the case's open tasks, also when the summary was marked
 * before (a task row written late by an activity still in flight), and moves the summary to the history; true when
 * the summary changed.
 */
async function markFailed(id: string, endedAt: Date): Promise<boolean> {
  const marked = await Instance.updateOne({ _id: id, status: { $in: OPEN_STATUSES } }, { $set: { status: 'failed', endedAt, currentElements: [] } });
  await cancelTasksOfCase(id, endedAt);
  await moveInstanceToHistory(id);
  return marked.modifiedCount > 0;
}

/** Checks one case's workflow (one describe) and marks its summary failed when the workflow closed abnormally; true when it did. */
export async function reconcileCase(client: Client, id: string): Promise<boolean> {
  try {
    const description = await client.workflow.getHandle(id).describe();
    return ABNORMAL_CLOSES.has(description.status.name) ? await markFailed(id, description.closeTime ?? new Date()) : false;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/** The summary rows a list shows, with the open ones whose workflow closed abnormally marked failed (one visibility query, bounded wait). */
export async function reconcileRows<R extends { _id: string; status: string; endedAt?: Date | null }>(client: Client, rows: R[], log: { warn(details: object, message: string): void }): Promise<R[]> {
  const open = rows.filter((r) => (OPEN_STATUSES as string[]).includes(r.status) && !/["'\\]/.test(r._id));
  if (open.length === 0) return rows;
  const query = `WorkflowId IN (${open.map((r) => `'${r._id}'`).join(', ')}) AND ${ABNORMAL_VISIBILITY}`;
  const closed = new Map<string, Date>();
  try {
    await client.withDeadline(Date.now() + LIST_CHECK_MS, async () => {
      for await (const execution of client.workflow.list({ query, pageSize: open.length })) closed.set(execution.workflowId, execution.closeTime ?? new Date());
    });
  } catch (error) {
    log.warn({ err: error }, 'could not check the listed cases against Temporal');
    return rows;
  }
  for (const [id, endedAt] of closed) await markFailed(id, endedAt);
  return rows.map((r) => (closed.has(r._id) ? ({ ...r, status: 'failed', endedAt: closed.get(r._id), currentElements: [] } as R) : r));
}
