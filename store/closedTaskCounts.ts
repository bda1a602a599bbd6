// The maintained counts of closed tasks per street and status: +1 when a task's row is first written to the history
// (a retried move that finds its row there already counts nothing), so a street's completed tasks list with its total
// from a few small rows instead of a count over every closed task of the street; recountClosedTasks repairs drift.
import { ClosedTaskCount, TaskHistory } from './models';
import { isDuplicateKey } from './duplicateKey';
import { sqlGroupCount } from './pgReads';

/** The count row of the closed tasks of `street` with `status`. */
export const closedCountKey = (street: string | null, status: string) => `${street ?? ''}|${status}`;

/** Adds `by` to the count of `street`'s closed tasks of `status` (created on first use; a concurrent creation is retried once). */
async function addClosed(street: string | null, status: string, by: number): Promise<void> {
  const inc = () => ClosedTaskCount.updateOne({ _id: closedCountKey(street, status) }, { $inc: { n: by }, $setOnInsert: { street, status } }, { upsert: true });
  try {
    await inc();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await inc();
  }
}

/** Counts a task whose row was just written to the history (not a duplicate of an earlier try's). */
export function countClosedTask(row: { street?: string | null; status: string }): Promise<void> {
  return addClosed(row.street ?? null, row.status, 1);
}

/** How many closed tasks of `statuses` the streets `streets` (null: every street) have, from the count rows. */
export async function closedTaskTotal(streets: readonly string[] | null, statuses: readonly string[]): Promise<number> {
  const rows = await (streets ? ClosedTaskCount.find({ street: { $in: [...streets] } }) : ClosedTaskCount.find()).lean();
  return rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + Math.max(0, r.n ?? 0), 0);
}

/** The closed tasks per count row as the history holds them: one SQL GROUP BY on FerretDB/PostgreSQL, else a cursor over street and status. */
async function countHistory(): Promise<Map<string, { street: string | null; status: string; n: number }>> {
  const totals = new Map<string, { street: string | null; status: string; n: number }>();
  const add = (street: string | null, status: string | null, n: number) => {
    if (!status) return;
    const key = closedCountKey(street, status);
    const entry = totals.get(key) ?? { street, status, n: 0 };
    entry.n += n;
    totals.set(key, entry);
  };
  const groups = await sqlGroupCount('taskHistory', ['street', 'status']);
  if (groups) for (const { values, n } of groups) add(values[0], values[1], n);
  else for await (const row of TaskHistory.find({}, { street: 1, status: 1 }).lean().cursor()) add(row.street ?? null, row.status, 1);
  return totals;
}

/**
 * Recounts the closed tasks from the history and corrects each row that differs by the difference (an increment,
 * so a task closed while the history was counted is not lost to the correction); run at start and on demand.
 * Answers how many rows it corrected.
 */
export async function recountClosedTasks(): Promise<number> {
  const stored = new Map((await ClosedTaskCount.find().lean()).map((r) => [r._id, r]));
  const counted = await countHistory();
  let corrected = 0;
  for (const [key, { street, status, n }] of counted) {
    const was = stored.get(key)?.n ?? 0;
    if (was === n) continue;
    await addClosed(street, status, n - was);
    corrected += 1;
  }
  for (const [key, row] of stored) {
    if (counted.has(key) || !row.n) continue;
    await addClosed(row.street ?? null, row.status, -row.n);
    corrected += 1;
  }
  return corrected;
}
