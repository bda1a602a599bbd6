// The cases a person started with their open steps and, once completed, their rating (GET /api/me/cases): what the
// residents' 我的工单 page says about each order.
import type { Client } from '@temporalio/client';
import type { z } from 'zod';
import type { myCaseView } from '../../contracts/api/myCases';
import { instanceScope, isCandidate, type Principal, seesWholeStreet } from '../auth/principal';
import { listInstances } from '../../store/instanceList';
import { Definition, Task, User } from '../../store/models';
import { caseState } from './cases';

type MyCase = z.output<typeof myCaseView>;

/** Ratings of completed cases already read (a completed case's variables never change): case id → rating. */
const ratings = new Map<string, number | null>();
const MAX_RATINGS = 2_000;

/** A rating variable as a number 1–5 (a form's radio may give a number or a numeric string); null otherwise. */
export function ratingOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

/** The `rating` variable of a completed case, read once from its workflow (a Query) and kept; null when unreadable. */
async function completedRating(client: Client, id: string): Promise<number | null> {
  if (ratings.has(id)) return ratings.get(id) ?? null;
  let rating: number | null = null;
  try {
    rating = ratingOf((await caseState(client, id)).variables.rating);
  } catch {
    return null;
  }
  if (ratings.size >= MAX_RATINGS) ratings.delete(ratings.keys().next().value as string);
  ratings.set(id, rating);
  return rating;
}

/**
 * Whether an open step waits for `user`: they hold it, or nobody does and they may take it — as a candidate by name or
 * group, or (street-wide roles only, as the task list has it) because it names no one.
 */
function waitsFor(user: Principal, task: { assignee?: string | null; candidateUsers?: string[] | null; candidateGroups?: string[] | null }): boolean {
  if (task.assignee) return task.assignee === user.username;
  if (seesWholeStreet(user)) return isCandidate(user, task);
  return Boolean(task.candidateUsers?.includes(user.username) || task.candidateGroups?.some((group) => user.groups.includes(group)));
}

/** A page of the cases `user` started, newest first (in their scope), each with its open steps and a completed case's rating. */
export async function myCases(client: Client, user: Principal, window: { skip: number; limit: number }): Promise<{ items: MyCase[]; total: number }> {
  const filter = { ...instanceScope(user), startedBy: user.username };
  const { rows, total } = await listInstances(filter, window.skip, window.limit);
  if (rows.length === 0) return { items: [], total };
  const ids = rows.map((row) => row._id);
  const [tasks, definitions] = await Promise.all([
    Task.find({ instanceId: { $in: ids } }).sort({ createdAt: 1, _id: 1 }).lean(),
    Definition.find({ key: { $in: [...new Set(rows.map((row) => row.definitionKey))] } }).select({ key: 1, name: 1, icon: 1 }).lean(),
  ]);
  const holders = [...new Set(tasks.flatMap((task) => (task.assignee ? [task.assignee] : [])))];
  const names = new Map((holders.length ? await User.find({ _id: { $in: holders } }).select({ displayName: 1 }).lean() : []).map((u) => [u._id, u.displayName]));
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const items = await Promise.all(
    rows.map(async (row): Promise<MyCase> => {
      const definition = byKey.get(row.definitionKey);
      const openSteps = tasks
        .filter((task) => task.instanceId === row._id)
        .map((task) => ({
          taskId: task._id,
          name: task.name ?? null,
          assignee: task.assignee ?? null,
          assigneeName: task.assignee ? (names.get(task.assignee) ?? null) : null,
          candidateGroups: task.candidateGroups ?? [],
          forMe: waitsFor(user, task),
          dueDate: task.dueDate ? new Date(task.dueDate).toISOString() : null,
        }));
      return {
        id: row._id,
        definitionKey: row.definitionKey,
        processName: definition?.name ?? null,
        icon: definition?.icon ?? null,
        businessKey: row.businessKey,
        status: row.status,
        startedAt: new Date(row.startedAt).toISOString(),
        endedAt: row.endedAt ? new Date(row.endedAt).toISOString() : null,
        openSteps,
        rating: row.status === 'completed' ? await completedRating(client, row._id) : null,
      };
    }),
  );
  return { items, total };
}
