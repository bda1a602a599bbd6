// The hot/cold task read model on the run's real FerretDB: the read-model activities open, claim and close a task,
// each twice (a retried activity), and the task moves from `tasks` to `taskHistory` with the tab counts right; a move
// half done (the process died between its two writes) reads as closed and a re-run finishes it; a recount repairs drift.
// The closed tasks' counts per street and status likewise: once per task however often the close ran, repaired by a
// recount (by SQL on FerretDB/PostgreSQL, and through the driver).
import mongoose from 'mongoose';
import { closeUserTask, openUserTask, setTaskHolder } from '../../activities/readModel';
import { connectMongo } from '../../store/db';
import { closedTaskTotal, recountClosedTasks } from '../../store/closedTaskCounts';
import { ClosedTaskCount, Task, TaskCount, TaskHistory } from '../../store/models';
import { usePostgresReads } from '../../store/pgReads';
import { findTaskAnywhere, readTabCounts, recountTasks } from '../../store/tasks';

const caseRef = { instanceId: 'hot:case-1', definitionKey: 'hot', definitionVersion: 1, businessKey: 'HOT-1', street: 'bajiao' };
const worker = { username: 'li', groups: ['law'], streets: ['bajiao'], seesWholeStreet: false };
const commander = { username: 'zhao', groups: [], streets: ['bajiao'], seesWholeStreet: true };
const at = '2026-12-01T08:00:00.000Z';

/** Opens task `taskId` (candidate group law) twice, as a retried activity would. */
async function openTwice(taskId: string): Promise<void> {
  const input = { caseRef, task: { taskId, elementId: 'Inspect', candidateGroups: ['law'], candidateUsers: [], priority: 50 }, at };
  await openUserTask(input);
  await openUserTask(input);
}

/** The caller's tab counts with the street's. */
const counts = async () => ({ ...(await readTabCounts(worker)), street: (await readTabCounts(commander)).street });

describe('hot and cold tasks', () => {
  beforeAll(async () => {
    const uri = new URL(process.env.SPARROW_TEST_MONGODB_URI as string);
    uri.pathname = `/hot-tasks-${process.pid}`;
    await connectMongo(uri.toString());
    await mongoose.connection.dropDatabase();
    await connectMongo(uri.toString());
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });

  it('should count an opened, claimed and completed task once each time however often the activities ran, and move it to the history', async () => {
    // when a task opens (twice)
    await openTwice('hot:case-1/Inspect/1');
    // then it is open in the hot collection, counted for my group and the street
    expect(await Task.countDocuments({ _id: 'hot:case-1/Inspect/1' })).toBe(1);
    expect(await counts()).toEqual({ mine: 0, group: 1, street: 1 });

    // when li claims it (twice)
    const claim = { taskId: 'hot:case-1/Inspect/1', assignee: 'li', by: 'li', at };
    await setTaskHolder(claim);
    await setTaskHolder(claim);
    // then it counts as mine, no longer as my group's
    expect(await counts()).toEqual({ mine: 1, group: 0, street: 1 });

    // when it completes (twice)
    const close = { taskId: 'hot:case-1/Inspect/1', outcome: 'completed' as const, actor: 'li', at: '2026-12-01T09:00:00.000Z' };
    await closeUserTask(close);
    await closeUserTask(close);
    // then it is in the history only, completed by li, and counted nowhere
    expect(await Task.exists({ _id: 'hot:case-1/Inspect/1' })).toBeNull();
    expect(await TaskHistory.findById('hot:case-1/Inspect/1').lean()).toMatchObject({ status: 'completed', completedBy: 'li', assignee: 'li', completedAt: new Date(close.at) });
    expect(await counts()).toEqual({ mine: 0, group: 0, street: 0 });
    // and counted once as a completed task of the street
    expect(await closedTaskTotal(['bajiao'], ['completed'])).toBe(1);
    expect(await closedTaskTotal(null, ['completed', 'cancelled'])).toBe(1);
    expect(await closedTaskTotal(['lugu'], ['completed'])).toBe(0);
    // and a very late retry of its opening does not bring it back
    await openTwice('hot:case-1/Inspect/1');
    expect(await Task.exists({ _id: 'hot:case-1/Inspect/1' })).toBeNull();
    expect(await counts()).toEqual({ mine: 0, group: 0, street: 0 });
  });

  it('should read a half-done move as closed and finish it when the close runs again', async () => {
    // given an open task whose move wrote the history row and then died before deleting the hot one
    await openTwice('hot:case-1/Inspect/2');
    const hot = await Task.findById('hot:case-1/Inspect/2').lean();
    await TaskHistory.collection.insertOne({ ...hot, status: 'cancelled', completedAt: new Date(at) } as never);
    // then readers see it closed
    expect((await findTaskAnywhere('hot:case-1/Inspect/2'))?.status).toBe('cancelled');

    // when the close runs again
    await closeUserTask({ taskId: 'hot:case-1/Inspect/2', outcome: 'cancelled', actor: 'system', at });
    // then the move is finished and the counts are right
    expect(await Task.exists({ _id: 'hot:case-1/Inspect/2' })).toBeNull();
    expect(await counts()).toEqual({ mine: 0, group: 0, street: 0 });
    // and the cancelled count the dead move never wrote is missing until a recount (next test)
    expect(await closedTaskTotal(['bajiao'], ['cancelled'])).toBe(0);
  });

  it('should repair drifted counts from the open tasks', async () => {
    // given an open task and a count that lost an increment (a process died between the insert and its count)
    await openTwice('hot:case-1/Inspect/3');
    await TaskCount.updateOne({ _id: 'bajiao|*' }, { $set: { n: 7 } });
    // when the counts are recounted
    const corrected = await recountTasks();
    // then they are what the open tasks say
    expect(corrected).toBe(1);
    expect(await counts()).toEqual({ mine: 0, group: 1, street: 1 });
  });

  it.each([
    ['by SQL where FerretDB stores in PostgreSQL', true],
    ['through the driver', false],
  ])('should repair drifted closed task counts from the history (%s)', async (_how, sql) => {
    // given the history's one completed and one cancelled task, a cancelled count lost and a stray count of another street
    await ClosedTaskCount.deleteMany({ _id: { $ne: 'bajiao|completed' } });
    await ClosedTaskCount.updateOne({ _id: 'lugu|completed' }, { $set: { street: 'lugu', status: 'completed', n: 4 } }, { upsert: true });
    usePostgresReads(sql);
    try {
      // when the closed counts are recounted
      const corrected = await recountClosedTasks();
      // then they are what the history holds, and a second recount finds nothing to correct
      expect(corrected).toBe(2);
      expect(await closedTaskTotal(['bajiao'], ['completed'])).toBe(1);
      expect(await closedTaskTotal(['bajiao'], ['cancelled'])).toBe(1);
      expect(await closedTaskTotal(['lugu'], ['completed'])).toBe(0);
      expect(await closedTaskTotal(null, ['completed', 'cancelled'])).toBe(await TaskHistory.countDocuments());
      expect(await recountClosedTasks()).toBe(0);
    } finally {
      usePostgresReads(true);
    }
  });
});
