// Hot and cold case summaries: running cases (and those with incidents) in `instances`, closed ones (completed,
// cancelled, failed) in `instanceHistory`. A closing write moves the row: insert into the history (a duplicate is an
// earlier try's), then delete the hot row; no transaction (FerretDB v1 has none), so for a moment a row may be in both,
// and every reader takes the history's row then. A re-run finishes a half-done move.
import { Instance, type InstanceDoc, InstanceHistory } from './models';
import { isDuplicateKey } from './duplicateKey';
import { mergePage } from './taskKeys';

/** Statuses of a case whose workflow runs: the rows of the hot `instances` collection. */
export const OPEN_INSTANCE_STATUSES = ['running', 'incident'] as const;
/** Statuses of a closed case: the rows of `instanceHistory`. */
export const CLOSED_INSTANCE_STATUSES = ['completed', 'cancelled', 'failed'] as const;

/** A summary row as a lean read gives it. */
export type InstanceRow = InstanceDoc & { _id: string };

/** Whether a summary status is a closed case's. */
export const isClosedStatus = (status: string | null | undefined): boolean => (CLOSED_INSTANCE_STATUSES as readonly string[]).includes(status ?? '');

/** Which collections hold the cases of this status (none given: every status, so both). */
export function instanceCollectionsFor(status: string | undefined): 'hot' | 'history' | 'both' {
  if (!status) return 'both';
  return isClosedStatus(status) ? 'history' : 'hot';
}

/**
 * Moves case `id`'s summary to the history if its hot row says it is closed: insert the row (on a duplicate, an
 * earlier try's or an older closed row, the history row takes this one's content unless it holds newer progress), then
 * delete the hot row while it is still closed. Idempotent and safe to re-run at any point; true when a hot row was moved.
 */
export async function moveInstanceToHistory(id: string): Promise<boolean> {
  const hot = (await Instance.findOne({ _id: id }).lean()) as InstanceRow | null;
  if (!hot || !isClosedStatus(hot.status)) return false;
  try {
    await InstanceHistory.collection.insertOne(hot as never);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await InstanceHistory.replaceOne({ _id: id, progressSeq: { $lte: hot.progressSeq ?? 0 } }, hot);
  }
  const deleted = await Instance.deleteOne({ _id: id, status: { $in: CLOSED_INSTANCE_STATUSES } });
  return deleted.deletedCount > 0;
}

/**
 * Takes out a hot row that a late write put back for a case already in the history (a closed case never runs again:
 * its id is never reused), so no summary says running for a closed case. Call after inserting a hot row.
 */
export async function dropIfClosed(id: string): Promise<void> {
  if (await InstanceHistory.exists({ _id: id })) await Instance.deleteOne({ _id: id, status: { $in: OPEN_INSTANCE_STATUSES } });
}

/** A case's summary wherever it is (the history's row when a move is half done), optionally within a scope filter. */
export async function findInstanceAnywhere(id: string, filter: Record<string, unknown> = {}): Promise<InstanceRow | null> {
  const [closed, hot] = await Promise.all([InstanceHistory.findOne({ _id: id, ...filter }).lean(), Instance.findOne({ _id: id, ...filter }).lean()]);
  return (closed ?? hot) as InstanceRow | null;
}

/** Whether a summary matching `filter` exists in either collection. */
export async function instanceExistsAnywhere(filter: Record<string, unknown>): Promise<boolean> {
  const [closed, hot] = await Promise.all([InstanceHistory.exists(filter), Instance.exists(filter)]);
  return closed !== null || hot !== null;
}

/** The summaries of case `parentId`'s child cases, running and closed, newest first, at most `limit`. */
export async function childInstancesOf(parentId: string, limit: number): Promise<InstanceRow[]> {
  const sort = { startedAt: -1, _id: 1 } as const;
  const read = (model: typeof Instance | typeof InstanceHistory) => model.find({ parentInstanceId: parentId }).sort(sort).limit(limit).lean() as unknown as Promise<InstanceRow[]>;
  const [hot, closed] = await Promise.all([read(Instance), read(InstanceHistory)]);
  return mergePage(hot, closed, sort, 0, limit);
}

/**
 * Moves every closed summary still in the hot collection to the history (data written before the split, or a move
 * a crash left half done); run by the worker at start, idempotent. Answers how many rows it moved.
 */
export async function moveClosedInstances(): Promise<number> {
  const ids: string[] = [];
  for await (const row of Instance.find({ status: { $in: CLOSED_INSTANCE_STATUSES } }, { _id: 1 }).lean().cursor()) ids.push(row._id);
  let moved = 0;
  for (const id of ids) if (await moveInstanceToHistory(id)) moved += 1;
  return moved;
}
