// The lists read by SQL on FerretDB/PostgreSQL (store/pgReads.ts) answer exactly what the Mongo path answers:
// every tab × sort × filter of GET /api/tasks, open and closed (`taskHistory`) and both merged, and the case list's
// filters, running, closed (`instanceHistory`) and both merged, on seeded rows with ties, nulls, missing fields,
// arrays, Chinese text and a row in both collections (a move half done); a street's closed tasks total from the
// maintained counts what the history holds. Skipped when the test run's FerretDB stores in SQLite.
import { Instance, InstanceHistory, Task, TaskHistory } from '../../store/models';
import { recountClosedTasks } from '../../store/closedTaskCounts';
import { sqlPage, usePostgresReads } from '../../store/pgReads';
import { recountTasks } from '../../store/tasks';
import { type ApiStack, startApiStack } from '../support/api';

const onPostgres = Boolean(process.env.SPARROW_POSTGRESQL_URL);
const day = 86_400_000;
const t0 = Date.UTC(2030, 0, 1);
const NAMES = ['占道经营', 'Ünïcødé 🚧', "quote ' and \" \\ back", null, '本街道巡查', ''];

/** Seeded open and claimed tasks: two streets and none, ties on every sort key, null and missing values. */
function seedTask(i: number): Record<string, unknown> {
  const row: Record<string, unknown> = {
    _id: `pgt-${String(i).padStart(3, '0')}-${i % 3 === 0 ? '甲' : 'a'}`,
    instanceId: `pgc-${i % 7}`,
    definitionKey: i % 4 === 0 ? 'street-inspection' : 'other-process',
    definitionVersion: 1,
    businessKey: `PG-${i}`,
    street: i % 9 === 8 ? null : i % 3 === 2 ? 'lugu' : 'bajiao',
    elementId: 'task',
    name: NAMES[i % NAMES.length],
    assignee: i % 5 === 0 ? 'bajiao-staff' : i % 5 === 1 ? 'bajiao-volunteer' : null,
    candidateGroups: i % 4 === 0 ? ['enforcement', 'liaison'] : i % 4 === 1 ? ['volunteers'] : [],
    candidateUsers: i % 6 === 0 ? ['bajiao-volunteer'] : [],
    status: i % 5 < 2 ? 'claimed' : 'open',
    dueDate: i % 4 === 3 ? null : new Date(t0 + (i % 5) * day),
    priority: i % 7 === 0 ? 50.5 : (i % 4) * 20,
    createdAt: new Date(t0 - (i % 6) * day),
  };
  if (i % 10 === 9) delete row.assignee;
  if (i % 11 === 10) delete row.dueDate;
  if (i % 13 === 12) delete row.candidateGroups;
  return row;
}

/** Seeded closed tasks (completed or cancelled, with who and when), with the same ties, nulls and missing values. */
function seedClosedTask(i: number): Record<string, unknown> {
  const row = seedTask(i);
  const completed = i % 3 !== 1;
  return { ...row, _id: `pgh-${String(i).padStart(3, '0')}`, status: completed ? 'completed' : 'cancelled', completedAt: new Date(t0 + (i % 4) * day), completedBy: completed ? (row.assignee ?? 'bajiao-staff') : null };
}

const CASE_STATUSES = ['incident', 'completed', 'cancelled', 'running', 'failed'];

function seedCase(i: number): Record<string, unknown> {
  return {
    _id: `pgcase-${String(i).padStart(3, '0')}`,
    definitionKey: i % 3 === 0 ? 'street-inspection' : 'other-process',
    definitionVersion: 1,
    businessKey: i % 4 === 0 ? `案件-${i}` : `PG-${i}`,
    street: i % 5 === 4 ? null : i % 2 ? 'lugu' : 'bajiao',
    status: CASE_STATUSES[(i + Math.floor(i / 5)) % 5],
    currentElements: i % 2 ? ['task'] : [],
    startedBy: i % 4 === 1 ? 'bajiao-volunteer' : 'admin',
    startedAt: new Date(t0 + (i % 8) * day),
    endedAt: null,
  };
}

(onPostgres ? describe : describe.skip)('lists by SQL on FerretDB/PostgreSQL', () => {
  let stack: ApiStack;
  const fellBack: string[] = [];
  const onWarning = (w: Error & { code?: string }) => w.code === 'SPARROW_PG_READS' && fellBack.push(w.message);
  beforeAll(async () => {
    process.on('warning', onWarning);
    stack = await startApiStack();
    await Task.collection.insertMany(Array.from({ length: 60 }, (_, i) => seedTask(i)) as never[]);
    const closedTasks = Array.from({ length: 50 }, (_, i) => seedClosedTask(i));
    // one task whose move is half done: its closed row beside the open one
    await TaskHistory.collection.insertMany([...closedTasks, { ...seedTask(4), status: 'completed', completedAt: new Date(t0), completedBy: 'bajiao-staff' }] as never[]);
    const cases = Array.from({ length: 60 }, (_, i) => seedCase(i));
    const closed = (row: Record<string, unknown>) => ['completed', 'cancelled', 'failed'].includes(row.status as string);
    await Instance.collection.insertMany(cases.filter((c) => !closed(c)) as never[]);
    // one case whose move is half done: its closed row in the history, the hot one already marked closed
    const halfMoved = cases.find(closed) as Record<string, unknown>;
    await Instance.collection.insertOne({ ...halfMoved } as never);
    await InstanceHistory.collection.insertMany(cases.filter(closed) as never[]);
    // the maintained counts of what was seeded past the store, as the worker recounts them at start
    await recountTasks();
    await recountClosedTasks();
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    // and the SQL path never fell back to the Mongo path
    expect(fellBack).toEqual([]);
    usePostgresReads(true);
    await stack?.stop();
  });

  /** The body of a GET by SQL and by the Mongo path. */
  async function both(user: string, url: string): Promise<[unknown, unknown]> {
    const session = await stack.as(user);
    usePostgresReads(true);
    const sql = (await session.get(url).expect(200)).body;
    usePostgresReads(false);
    const mongo = (await session.get(url).expect(200)).body;
    usePostgresReads(true);
    return [sql, mongo];
  }

  it('should decode rows with Chinese text, quotes, nulls, missing fields and arrays as the driver does', async () => {
    // given the seeded tasks, when read by SQL and through the driver
    const sql = await sqlPage('tasks', {}, { _id: 1 }, 0, 1000);
    const mongo = await Task.find({}).sort({ _id: 1 }).lean();

    // then the rows are the same objects
    expect(sql).not.toBeNull();
    expect(sql).toEqual(mongo);
    // and so are the closed tasks' and cases' rows
    expect(await sqlPage('taskHistory', {}, { _id: 1 }, 0, 1000)).toEqual(await TaskHistory.find({}).sort({ _id: 1 }).lean());
    expect(await sqlPage('instanceHistory', {}, { _id: 1 }, 0, 1000)).toEqual(await InstanceHistory.find({}).sort({ _id: 1 }).lean());
  });

  it('should list every tab × sort × filter of the task list as the Mongo path does', async () => {
    const tabs = ['', '&mine=true', '&myGroups=true', '&street=bajiao', '&street=lugu'];
    const sorts = ['due', '-due', 'priority', '-priority', 'created', '-created'];
    const filters = ['', `&dueBefore=${new Date(t0 + 3 * day).toISOString()}`, '&minPriority=40', '&definitionKey=street-inspection', '&instanceId=pgc-3'];
    for (const user of ['bajiao-staff', 'bajiao-volunteer', 'bajiao-commander', 'admin']) {
      for (const tab of tabs) {
        for (const sort of sorts) {
          for (const filter of filters) {
            for (const page of ['&size=50', '&size=7&page=2']) {
              // when the same list is read by SQL and by the Mongo path, then both answer the same page and total
              const [sql, mongo] = await both(user, `/api/tasks?status=open,claimed&sort=${sort}${tab}${filter}${page}`);
              expect({ user, tab, sort, filter, page, body: sql }).toEqual({ user, tab, sort, filter, page, body: mongo });
            }
          }
        }
      }
    }
  }, 300_000);

  it('should list closed tasks, and closed and open ones merged, for every tab × sort as the Mongo path does', async () => {
    const tabs = ['', '&mine=true', '&myGroups=true', '&street=bajiao'];
    const sorts = ['due', '-due', 'priority', '-priority', 'created', '-created'];
    const statuses = ['status=completed', 'status=cancelled', 'status=completed,cancelled', 'status=open,completed', ''];
    for (const user of ['bajiao-staff', 'bajiao-commander', 'admin']) {
      for (const status of statuses) {
        for (const tab of tabs) {
          for (const sort of sorts) {
            for (const rest of ['&size=50', '&size=7&page=2', '&size=50&definitionKey=street-inspection']) {
              // when the same list is read by SQL and by the Mongo path, then both answer the same page and total
              const [sql, mongo] = await both(user, `/api/tasks?${status}&sort=${sort}${tab}${rest}`);
              expect({ user, status, tab, sort, rest, body: sql }).toEqual({ user, status, tab, sort, rest, body: mongo });
            }
          }
        }
      }
    }
  }, 300_000);

  it('should answer a street-wide list of closed tasks with the total the history holds, from the maintained counts', async () => {
    const cases: Array<[string, string, Record<string, unknown>]> = [
      ['admin', 'status=completed', { status: 'completed' }],
      ['admin', 'status=completed,cancelled', { status: { $in: ['completed', 'cancelled'] } }],
      ['admin', 'status=completed&street=lugu', { status: 'completed', street: 'lugu' }],
      ['admin', 'status=cancelled&street=bajiao', { status: 'cancelled', street: 'bajiao' }],
      ['bajiao-commander', 'status=completed', { status: 'completed', street: 'bajiao' }],
      ['bajiao-commander', 'status=completed&street=bajiao', { status: 'completed', street: 'bajiao' }],
    ];
    for (const [user, query, filter] of cases) {
      // when a role that sees whole streets lists closed tasks with nothing else filtered
      const [sql, mongo] = await both(user, `/api/tasks?${query}&size=5`);
      // then both paths answer the history's own count of them
      const expected = await TaskHistory.countDocuments(filter);
      expect({ user, query, total: (sql as { total: number }).total }).toEqual({ user, query, total: expected });
      expect((mongo as { total: number }).total).toBe(expected);
      expect(expected).toBeGreaterThan(0);
    }
  });

  it('should list the cases with every filter as the Mongo path does', async () => {
    const filters = ['', '&street=bajiao', '&status=incident', '&status=running', '&status=completed', '&status=cancelled', '&status=failed', '&status=completed&street=lugu', '&definitionKey=street-inspection', '&businessKeyPrefix=案件', '&businessKeyPrefix=PG-1', `&startedFrom=${new Date(t0 + 2 * day).toISOString()}&startedTo=${new Date(t0 + 6 * day).toISOString()}`];
    for (const user of ['admin', 'bajiao-commander', 'bajiao-volunteer']) {
      for (const filter of filters) {
        for (const page of ['&size=50', '&size=6&page=2']) {
          const [sql, mongo] = await both(user, `/api/instances?${page.slice(1)}${filter}`);
          expect({ user, filter, page, body: sql }).toEqual({ user, filter, page, body: mongo });
        }
      }
    }
  });
});
