// Hot and cold task rows: open and claimed tasks in `tasks`, closed ones in `taskHistory`, the tab counts in
// `taskCounts` (the closed tasks' in `closedTaskCounts`, store/closedTaskCounts.ts). Counts change only with a real
// change of a hot row (an insert that was no duplicate, an update that matched, a delete that deleted), so a retried
// activity never counts twice; recountTasks repairs drift.
import { Task, TaskCount, type TaskDoc, TaskHistory } from './models';
import { countClosedTask } from './closedTaskCounts';
import { isDuplicateKey as isDuplicate } from './duplicateKey';
import { sqlCount, sqlPage } from './pgReads';
import { type CountedTask, countDelta, countKeysOf, type CountKey, type CountReader, HOT_TASK_STATUSES, mergePage, tabCounts, taskCollectionsFor } from './taskKeys';

/** A task row as a lean read gives it (the SQL path decodes to the same). */
type TaskRow = NonNullable<Awaited<ReturnType<typeof findTaskAnywhere>>>;

const COUNTED = { street: 1, assignee: 1, candidateGroups: 1, candidateUsers: 1 } as const;

/** Adds each delta to its count row (created on first use; a concurrent creation of the same row is retried once). */
async function applyCounts(delta: Array<{ key: CountKey; by: number }>): Promise<void> {
  await Promise.all(
    delta.map(async ({ key, by }) => {
      const { _id, ...fields } = key;
      const inc = () => TaskCount.updateOne({ _id }, { $inc: { n: by }, $setOnInsert: fields }, { upsert: true });
      try {
        await inc();
      } catch (error) {
        if (!isDuplicate(error)) throw error;
        await inc();
      }
    }),
  );
}

/**
 * Counts a task whose insert into the hot collection was no duplicate. A very late retry of an open whose task has
 * closed since (its row is in the history) takes the row out again instead.
 */
export async function countOpenedTask(row: CountedTask & { _id: string }): Promise<void> {
  if (await TaskHistory.exists({ _id: row._id })) {
    await Task.deleteOne({ _id: row._id });
    return;
  }
  await applyCounts(countDelta(null, row));
}

/** Changes an open or claimed task (holder, dates) and moves its counts when the holder changed; a retry changes nothing. */
export async function updateHotTask(taskId: string, set: Partial<TaskDoc>): Promise<void> {
  // No projection: FerretDB v1's findAndModify does not implement `fields`.
  const before = await Task.findOneAndUpdate({ _id: taskId, status: { $in: HOT_TASK_STATUSES } }, { $set: set }, { returnDocument: 'before' }).lean();
  if (before) await applyCounts(countDelta(before, { ...before, ...set } as CountedTask));
}

/**
 * Moves a task to the history as closed: insert the closed row (a duplicate is an earlier try's) and count it closed,
 * then delete the hot row and take it off the counts. Idempotent: a process dying between the writes leaves a row in
 * both, which readers take from the history, and the re-run finishes the move (a closed count it missed is repaired by
 * recountClosedTasks).
 */
export async function moveTaskToHistory(taskId: string, close: Pick<TaskDoc, 'status' | 'completedAt'> & { completedBy?: string | null }): Promise<void> {
  const hot = await Task.findById(taskId).lean();
  if (!hot) return;
  const inserted = await TaskHistory.collection.insertOne({ ...hot, ...close } as never).then(
    () => true,
    (error: unknown) => {
      if (!isDuplicate(error)) throw error;
      return false;
    },
  );
  if (inserted) await countClosedTask({ street: hot.street, status: close.status });
  const deleted = await Task.findOneAndDelete({ _id: taskId }).lean();
  if (deleted) await applyCounts(countDelta(deleted, null));
}

/** Cancels every open or claimed task of a case (moved to the history as cancelled). */
export async function cancelTasksOfCase(instanceId: string, at: Date): Promise<void> {
  const open = await Task.find({ instanceId }, { _id: 1 }).lean();
  for (const row of open) await moveTaskToHistory(row._id, { status: 'cancelled', completedAt: at });
}

/** A task by id wherever it is (the history's row when a move is half done), optionally within a scope filter. */
export async function findTaskAnywhere(id: string, filter: Record<string, unknown> = {}) {
  const [closed, hot] = await Promise.all([TaskHistory.findOne({ _id: id, ...filter }).lean(), Task.findOne({ _id: id, ...filter }).lean()]);
  return closed ?? hot;
}

/** Every task of a case, hot and closed, oldest first. */
export async function tasksOfCase(instanceId: string) {
  const [closed, hot] = await Promise.all([TaskHistory.find({ instanceId }).lean(), Task.find({ instanceId }).lean()]);
  return mergePage(hot, closed, { createdAt: 1, _id: 1 }, 0, Number.MAX_SAFE_INTEGER);
}

const TASK_COLLECTIONS = { hot: { name: 'tasks', model: Task }, history: { name: 'taskHistory', model: TaskHistory } } as const;

/** One collection's page and total (`total` given: not counted): by SQL on FerretDB/PostgreSQL when it translates, else through the driver. */
async function taskPageOf(where: keyof typeof TASK_COLLECTIONS, filter: Record<string, unknown>, sort: Record<string, 1 | -1>, skip: number, limit: number, total?: number): Promise<{ rows: TaskRow[]; total: number }> {
  const { name, model } = TASK_COLLECTIONS[where];
  const [sqlRows, sqlTotal] = await Promise.all([sqlPage<TaskRow>(name, filter, sort, skip, limit), total ?? sqlCount(name, filter)]);
  if (sqlRows && sqlTotal !== null) return { rows: sqlRows, total: sqlTotal };
  const [rows, n] = await Promise.all([(model as typeof Task).find(filter).sort(sort).skip(skip).limit(limit).lean(), total ?? (model as typeof Task).countDocuments(filter)]);
  return { rows, total: n };
}

/**
 * One page of tasks matching `filter` in `sort` and the total, from the collections the statuses live in: open and
 * claimed from `tasks`, closed from `taskHistory`, mixed or none from both (each read up to the page's end), merged.
 */
export async function listTasks(filter: Record<string, unknown>, statuses: readonly string[] | undefined, sort: Record<string, 1 | -1>, skip: number, limit: number, total?: number) {
  const where = taskCollectionsFor(statuses);
  if (where !== 'both') return taskPageOf(where, filter, sort, skip, limit, total);
  const [hot, closed] = await Promise.all([taskPageOf('hot', filter, sort, 0, skip + limit), taskPageOf('history', filter, sort, 0, skip + limit)]);
  const inBoth = hot.rows.filter((r) => closed.rows.some((c) => c._id === r._id)).length;
  return { rows: mergePage(hot.rows, closed.rows, sort, skip, limit), total: total ?? hot.total + closed.total - inBoth };
}

/**
 * One page of open and claimed tasks matching `base` and any one of `branches` (e.g. 我组的任务: named as candidate,
 * or in one of my candidate groups): one SQL query on FerretDB/PostgreSQL; else, as FerretDB v1 pushes no `$or` down,
 * each branch is its own equality query (an indexed read of just that branch) and the branches merge here; a task in
 * several branches is listed once.
 */
export async function listHotTasksOfAny(base: Record<string, unknown>, branches: Record<string, unknown>[], sort: Record<string, 1 | -1>, skip: number, limit: number, total?: number) {
  const sqlRows = await sqlPage<TaskRow>('tasks', { ...base, $or: branches }, sort, skip, limit);
  const sqlTotal = sqlRows && (total ?? (await sqlCount('tasks', { ...base, $or: branches })));
  if (sqlRows && sqlTotal !== null) return { rows: sqlRows, total: sqlTotal };
  const pages = await Promise.all(branches.map((branch) => Task.find({ ...base, ...branch }).sort(sort).limit(skip + limit).lean()));
  const unique = [...new Map(pages.flat().map((r) => [r._id, r])).values()];
  const rows = mergePage(unique, [], sort, skip, limit);
  return { rows, total: total ?? (await Task.countDocuments({ ...base, $or: branches })) };
}

/** The three tab counts for a reader from the maintained rows (a few small reads), optionally for one street. */
export async function readTabCounts(reader: CountReader, street?: string) {
  const wide = reader.streets.includes('*');
  const streets = street !== undefined ? [street] : wide ? null : reader.streets;
  const byStreet = (kind: CountKey['kind']) => (streets ? streets.map((s) => TaskCount.find({ kind, street: s }).lean()) : [TaskCount.find({ kind }).lean()]);
  const reads = await Promise.all([TaskCount.find({ kind: 'assignee', user: reader.username }).lean(), ...byStreet('candidates'), ...(reader.seesWholeStreet ? byStreet('street') : [])]);
  return tabCounts(reader, reads.flat(), street);
}

/**
 * Recounts the tab counts from the hot collection and rewrites the rows that differ (rows of nothing left are
 * deleted); run at start and on demand to repair drift (a process that died between a write and its count).
 * Answers how many rows it corrected.
 */
export async function recountTasks(): Promise<number> {
  const totals = new Map<string, { key: CountKey; n: number }>();
  for await (const row of Task.find({}, COUNTED).lean().cursor()) {
    for (const key of countKeysOf(row)) {
      const entry = totals.get(key._id) ?? { key, n: 0 };
      entry.n += 1;
      totals.set(key._id, entry);
    }
  }
  const stored = new Map((await TaskCount.find({}, { n: 1 }).lean()).map((r) => [r._id, r.n]));
  let corrected = 0;
  for (const { key, n } of totals.values()) {
    if (stored.get(key._id) === n) continue;
    const { _id, ...fields } = key;
    await TaskCount.updateOne({ _id }, { $set: { ...fields, n } }, { upsert: true });
    corrected += 1;
  }
  for (const [id, n] of stored) {
    if (totals.has(id)) continue;
    await TaskCount.deleteOne({ _id: id, n });
    if (n !== 0) corrected += 1;
  }
  return corrected;
}
