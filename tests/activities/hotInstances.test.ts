// The hot/cold case summaries on the run's real FerretDB: recordProgress writes a case's summary, each write twice (a
// retried activity), and the closing write moves it from `instances` to `instanceHistory`; a late retry of an earlier
// write never brings a running row back; a move half done (the process died between its two writes) reads as closed
// and a re-run finishes it; the start-up migration moves closed rows written before the split, and running it again
// changes nothing; the case list without a status merges both collections in its order.
import mongoose from 'mongoose';
import { recordProgress } from '../../activities/readModel';
import type { CaseSummary, RecordProgressInput } from '../../contracts/activities';
import { connectMongo } from '../../store/db';
import { listInstances } from '../../store/instanceList';
import { findInstanceAnywhere, moveClosedInstances } from '../../store/instances';
import { Instance, InstanceHistory } from '../../store/models';

const startedAt = '2026-12-01T08:00:00.000Z';
const caseRef = (n: number) => ({ instanceId: `hot-case:C-${n}`, definitionKey: 'hot-case', definitionVersion: 1, businessKey: `C-${n}`, street: 'bajiao' });
const running: CaseSummary = { status: 'running', currentElements: ['Inspect'], incidentCount: 0 };
const completed: CaseSummary = { status: 'completed', currentElements: [], incidentCount: 0, endedAt: '2026-12-01T09:00:00.000Z' };

/** A recordProgress input without audit entries: the summary after `lastSeq` rows. */
const progress = (n: number, lastSeq: number, summary: CaseSummary, at = startedAt): RecordProgressInput => ({
  caseRef: caseRef(n),
  startedBy: 'li',
  startedAt: at,
  firstSeq: lastSeq + 1,
  entries: [],
  summary,
});

/** Runs a write twice, as a retried activity would. */
async function twice(input: RecordProgressInput): Promise<void> {
  await recordProgress(input);
  await recordProgress(input);
}

describe('hot and cold case summaries', () => {
  beforeAll(async () => {
    const uri = new URL(process.env.SPARROW_TEST_MONGODB_URI as string);
    uri.pathname = `/hot-instances-${process.pid}`;
    await connectMongo(uri.toString());
    await mongoose.connection.dropDatabase();
    await connectMongo(uri.toString());
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });

  it('should keep a running case in the hot collection and move it to the history when it completes, however often the writes ran', async () => {
    // given a case's first summary (written twice) and a later one
    await twice({ ...progress(1, 0, running), firstSeq: 1 });
    await twice(progress(1, 3, { ...running, currentElements: ['Review'] }));
    // then it is hot only, at its latest progress
    expect(await Instance.findById('hot-case:C-1').lean()).toMatchObject({ status: 'running', currentElements: ['Review'], progressSeq: 3 });
    expect(await InstanceHistory.exists({ _id: 'hot-case:C-1' })).toBeNull();

    // when it completes (twice)
    await twice(progress(1, 5, completed));
    // then it is in the history only, completed
    expect(await Instance.exists({ _id: 'hot-case:C-1' })).toBeNull();
    expect(await InstanceHistory.findById('hot-case:C-1').lean()).toMatchObject({ status: 'completed', progressSeq: 5, endedAt: new Date(completed.endedAt as string), startedBy: 'li' });

    // when late retries of its first and a middle write arrive
    await recordProgress({ ...progress(1, 0, running), firstSeq: 1 });
    await recordProgress(progress(1, 3, running));
    // then no running row comes back and the closed row is unchanged
    expect(await Instance.exists({ _id: 'hot-case:C-1' })).toBeNull();
    expect(await findInstanceAnywhere('hot-case:C-1')).toMatchObject({ status: 'completed', progressSeq: 5 });
  });

  it('should move a case that completes in its first write', async () => {
    // when a case runs from start to end in one write (twice)
    await twice({ ...progress(2, 2, completed), firstSeq: 1, entries: [] });
    // then only the history holds it
    expect(await Instance.exists({ _id: 'hot-case:C-2' })).toBeNull();
    expect((await InstanceHistory.findById('hot-case:C-2').lean())?.status).toBe('completed');
  });

  it('should read a half-done move as closed and finish it when the closing write runs again', async () => {
    // given a running case whose closing move wrote the history row and died before deleting the hot one
    await recordProgress({ ...progress(3, 0, running), firstSeq: 1 });
    await recordProgress(progress(3, 2, running));
    const hot = await Instance.findById('hot-case:C-3').lean();
    await Instance.updateOne({ _id: 'hot-case:C-3' }, { $set: { status: 'cancelled', progressSeq: 4 } });
    await InstanceHistory.collection.insertOne({ ...hot, status: 'cancelled', progressSeq: 4 } as never);
    // then readers see it closed, and the list of all statuses shows it once
    expect((await findInstanceAnywhere('hot-case:C-3'))?.status).toBe('cancelled');
    const all = await listInstances({ definitionKey: 'hot-case' }, 0, 50);
    expect(all.rows.filter((r) => r._id === 'hot-case:C-3')).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    expect(all.total).toBe(all.rows.length);

    // when the closing write runs again
    await recordProgress(progress(3, 4, { ...completed, status: 'cancelled' }));
    // then the move is finished
    expect(await Instance.exists({ _id: 'hot-case:C-3' })).toBeNull();
    expect((await InstanceHistory.findById('hot-case:C-3').lean())?.status).toBe('cancelled');
  });

  it('should move closed summaries written before the split at start, and change nothing when run again', async () => {
    // given closed rows in the hot collection (as stored before the split) and a running one
    const row = (n: number, status: string, minute: number) => ({
      _id: `legacy:L-${n}`, definitionKey: 'legacy', definitionVersion: 1, businessKey: `L-${n}`, street: 'bajiao', status, currentElements: [], incidentCount: 0,
      waitingSignals: [], waitingMessages: [], parentInstanceId: null, parentElementId: null, startedBy: 'li', startedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
      endedAt: null, clocksJson: null, calendarVersion: null, progressSeq: 2,
    });
    await Instance.collection.insertMany([row(1, 'completed', 1), row(2, 'running', 2), row(3, 'failed', 3), row(4, 'cancelled', 4), row(5, 'incident', 5)] as never[]);
    // when the migration runs (twice)
    const moved = await moveClosedInstances();
    const again = await moveClosedInstances();
    // then the closed ones are in the history only, the running ones stay, and the second run moved nothing
    expect([moved, again]).toEqual([3, 0]);
    expect((await Instance.find({ definitionKey: 'legacy' }, { _id: 1 }).lean()).map((r) => r._id).sort()).toEqual(['legacy:L-2', 'legacy:L-5']);
    expect((await InstanceHistory.find({ definitionKey: 'legacy' }, { _id: 1 }).lean()).map((r) => r._id).sort()).toEqual(['legacy:L-1', 'legacy:L-3', 'legacy:L-4']);

    // and the case list merges both newest first, by status from the right collection, with the right totals
    const page = (filter: Record<string, unknown>, skip: number, limit: number) => listInstances({ definitionKey: 'legacy', ...filter }, skip, limit);
    expect((await page({}, 0, 5)).rows.map((r) => r._id)).toEqual(['legacy:L-5', 'legacy:L-4', 'legacy:L-3', 'legacy:L-2', 'legacy:L-1']);
    expect(await page({}, 1, 2)).toEqual({ rows: [expect.objectContaining({ _id: 'legacy:L-4' }), expect.objectContaining({ _id: 'legacy:L-3' })], total: 5 });
    expect(await page({ status: 'failed' }, 0, 5)).toEqual({ rows: [expect.objectContaining({ _id: 'legacy:L-3' })], total: 1 });
    expect((await page({ status: 'running' }, 0, 5)).rows.map((r) => r._id)).toEqual(['legacy:L-2']);
  });
});
