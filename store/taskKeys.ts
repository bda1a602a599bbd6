// The pure rules of the hot/cold task read model: which collection a status list reads, which count rows a hot task
// adds to, how a change moves the counts, and how rows of two collections merge in one order.

/** Statuses of a task the task list works on: the rows of the hot `tasks` collection. */
export const HOT_TASK_STATUSES = ['open', 'claimed'] as const;
/** Statuses of a closed task: the rows of `taskHistory`. */
export const CLOSED_TASK_STATUSES = ['completed', 'cancelled'] as const;

/** Which collections hold the tasks of these statuses (none given: every status, so both). */
export function taskCollectionsFor(statuses: readonly string[] | undefined): 'hot' | 'history' | 'both' {
  if (!statuses || statuses.length === 0) return 'both';
  if (statuses.every((s) => (HOT_TASK_STATUSES as readonly string[]).includes(s))) return 'hot';
  if (statuses.every((s) => (CLOSED_TASK_STATUSES as readonly string[]).includes(s))) return 'history';
  return 'both';
}

/** What of a task the counts depend on. */
export interface CountedTask {
  street?: string | null;
  assignee?: string | null;
  candidateGroups?: string[] | null;
  candidateUsers?: string[] | null;
}

/** One count row: its key and what it counts. */
export interface CountKey {
  _id: string;
  kind: 'street' | 'assignee' | 'candidates';
  street: string | null;
  user: string | null;
  groups: string[];
  users: string[];
}

const sortedUnique = (values: readonly string[] | null | undefined) => [...new Set(values ?? [])].sort();

/**
 * The count rows a hot task adds 1 to: its street's (`<street>|*`), its assignee's (`<street>|assignee:<user>`), or,
 * unassigned with candidates, the row of its set of candidates (`<street>|candidates:[groups,users]`), so a user in
 * two of a task's groups counts it once.
 */
export function countKeysOf(task: CountedTask): CountKey[] {
  const street = task.street ?? null;
  const prefix = street ?? '';
  const keys: CountKey[] = [{ _id: `${prefix}|*`, kind: 'street', street, user: null, groups: [], users: [] }];
  if (task.assignee) {
    keys.push({ _id: `${prefix}|assignee:${task.assignee}`, kind: 'assignee', street, user: task.assignee, groups: [], users: [] });
    return keys;
  }
  const groups = sortedUnique(task.candidateGroups);
  const users = sortedUnique(task.candidateUsers);
  if (groups.length + users.length > 0) keys.push({ _id: `${prefix}|candidates:${JSON.stringify([groups, users])}`, kind: 'candidates', street, user: null, groups, users });
  return keys;
}

/** The +1/−1 per count row that a hot task's change makes (null: not in the hot collection); rows that cancel out are left out. */
export function countDelta(before: CountedTask | null, after: CountedTask | null): Array<{ key: CountKey; by: number }> {
  const delta = new Map<string, { key: CountKey; by: number }>();
  const add = (task: CountedTask | null, by: number) => {
    for (const key of task ? countKeysOf(task) : []) {
      const entry = delta.get(key._id) ?? { key, by: 0 };
      entry.by += by;
      delta.set(key._id, entry);
    }
  };
  add(before, -1);
  add(after, +1);
  return [...delta.values()].filter((d) => d.by !== 0);
}

/** Who asks for the tab counts: their name, candidate groups, streets in scope (`*`: all) and whether they see the whole street. */
export interface CountReader {
  username: string;
  groups: string[];
  streets: string[];
  seesWholeStreet: boolean;
}

/** A stored count row as tabCounts reads it. */
export interface CountRow {
  kind: CountKey['kind'];
  street?: string | null;
  user?: string | null;
  groups?: string[] | null;
  users?: string[] | null;
  n: number;
}

/** The task list's three tab counts from the count rows: 我的任务 (mine), 我组的任务 (group), 本街道 (street; null: not the caller's to see). */
export function tabCounts(reader: CountReader, rows: readonly CountRow[], street?: string): { mine: number; group: number; street: number | null } {
  const inScope = (s: string | null | undefined) => (street !== undefined ? s === street : reader.streets.includes('*') || (s != null && reader.streets.includes(s)));
  const counts = { mine: 0, group: 0, street: reader.seesWholeStreet ? 0 : null } as { mine: number; group: number; street: number | null };
  for (const row of rows) {
    if (!inScope(row.street ?? null) || row.n <= 0) continue;
    if (row.kind === 'assignee' && row.user === reader.username) counts.mine += row.n;
    if (row.kind === 'candidates' && ((row.users ?? []).includes(reader.username) || (row.groups ?? []).some((g) => reader.groups.includes(g)))) counts.group += row.n;
    if (row.kind === 'street' && counts.street !== null) counts.street += row.n;
  }
  return counts;
}

type SortSpec = Record<string, 1 | -1>;

/** Compares two rows as MongoDB sorts them by `sort` (null and missing first ascending; dates, numbers, strings). */
export function compareBySort(sort: SortSpec): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  const value = (v: unknown) => (v instanceof Date ? v.getTime() : v);
  return (a, b) => {
    for (const [field, dir] of Object.entries(sort)) {
      const x = value(a[field]);
      const y = value(b[field]);
      if (x === y) continue;
      if (x === null || x === undefined) return -dir;
      if (y === null || y === undefined) return dir;
      return (x < y ? -1 : 1) * dir;
    }
    return 0;
  };
}

/** One page of rows merged from the hot and the history collection (each read up to skip + limit in `sort`); a row in both is the history's. */
export function mergePage<R extends { _id: string }>(hot: R[], history: R[], sort: SortSpec, skip: number, limit: number): R[] {
  const closed = new Set(history.map((r) => r._id));
  const compare = compareBySort(sort) as unknown as (a: R, b: R) => number;
  return [...history, ...hot.filter((r) => !closed.has(r._id))].sort(compare).slice(skip, skip + limit);
}
