// Continue-as-new: a case whose history grows long goes on in a new run of the same workflow id, carrying its engine
// state (tasks, holders, timers with their remaining time, message waits), its audit numbering and its status; the
// audit chain, the replay check and the export cover every run.
import path from 'node:path';
import { replayCheck, verifyCase, exportCase } from '../../../audit/service';
import { verifyExport } from '../../../audit/exportVerification';
import { fetchAllRuns, runsOf } from '../../../audit/runs';
import { claimTaskUpdate } from '../../../workflows/definitions';
import { auditOf, instanceOf, runCase, tasksWhen } from '../../support/cases';
import { testJob } from '../../support/jobs';
import { startTestStack, type TestStack } from '../../support/stack';
import { eventually } from '../../support/wait';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

/** Steps of the long loop; `npm run bench -- --continue-as-new` runs 10,000. */
const LOOP_STEPS = 2_500;

const jobTypes = [testJob('test.tick', async ({ variables }) => ({ n: Number(variables.n) + 1 }))];

describe('continue-as-new', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ jobTypes });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** The runs of a case so far, oldest first, each with its events. */
  const runs = async (id: string) => runsOf(await fetchAllRuns(stack.client, id)).map((r) => r.history.events);
  const has = (events: Array<{ eventType: string }>, type: string) => events.some((e) => e.eventType === `EVENT_TYPE_${type}`);

  it('should carry a task, its holder, a timer and a message wait through several runs, with one audit chain verified over all of them', async () => {
    // given a case with a user task, a 12 s timer, a message wait and a loop of 60 jobs, continuing after 100 events
    const c = await runCase(stack, fixture('continue-as-new.bpmn'), { variables: { n: 0, limit: 60, wait: 'PT12S', key: 'k-1' }, limits: { maxHistoryEvents: 100 } });
    const reviewId = await c.openTaskId('Review');

    // when alice claims the review
    await c.handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: reviewId, actor: 'alice' }] });
    const claimedIn = (await runs(c.id)).length;

    // and the case continues as new at least twice after that
    await eventually(async () => ((await runs(c.id)).length >= claimedIn + 2 ? true : undefined), 'two more runs', 60_000);

    // then the timer set in the first run fires in a later one, with the time it had left
    const fired = await c.until((s) => s.completed.some((e) => e.elementId === 'Wait'), 'the timer fired', 30_000);
    const allRuns = await runs(c.id);
    expect(has(allRuns[0], 'TIMER_STARTED')).toBe(true);
    expect(has(allRuns[0], 'TIMER_FIRED')).toBe(false);
    expect(allRuns.slice(1).some((events) => has(events, 'TIMER_FIRED'))).toBe(true);
    const waited = fired.completed.find((e) => e.elementId === 'Wait');
    expect(Date.parse(waited?.endedAt ?? '') - Date.parse(waited?.startedAt ?? '')).toBeGreaterThanOrEqual(12_000);

    // when alice completes the review she claimed runs ago (the holder check passes), and the reply arrives
    await c.handle.executeUpdate('completeTask', { args: [{ taskId: reviewId, variables: { ok: true }, actor: 'alice', holder: 'alice' }] });
    await c.correlate('reply', 'k-1', { replied: true });

    // then the case completes with everything each run did
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { n: 60, ok: true, replied: true } });
    const finalRuns = await runs(c.id);
    expect(finalRuns.length).toBeGreaterThanOrEqual(3);
    expect(finalRuns.slice(0, -1).every((events) => has(events, 'WORKFLOW_EXECUTION_CONTINUED_AS_NEW'))).toBe(true);

    // and the task kept its id and holder across the runs
    const tasks = await tasksWhen(c.id, (rows) => rows.some((t) => t.status === 'completed'), 'the completed task row');
    expect(tasks.map((t) => [t._id, t.status, t.assignee])).toEqual([[reviewId, 'completed', 'alice']]);

    // and the audit chain is one chain: started once, numbered without gaps, verified and cross-checked over all runs
    const rows = await auditOf(c.id);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((r) => r.kind === 'instance.started')).toHaveLength(1);
    expect((await instanceOf(c.id))?.progressSeq).toBe(rows.length);
    const verified = await eventually(async () => {
      const v = await verifyCase(c.id, { client: stack.client });
      return v.seal.status === 'sealed' ? v : undefined;
    }, 'the sealed verification');
    expect(verified).toMatchObject({ ok: true, crossCheck: { status: 'checked', ok: true, compared: rows.length } });
    const total = finalRuns.reduce((sum, events) => sum + events.length, 0);
    expect(await replayCheck(stack.client, c.id)).toEqual({ instanceId: c.id, ok: true, events: total });

    // and its export holds every run and verifies offline
    const exported = await exportCase(stack.client, c.id);
    expect(runsOf(exported.history)).toHaveLength(finalRuns.length);
    const offline = await verifyExport(exported);
    expect(offline.checks.filter((check) => !check.ok)).toEqual([]);
  }, 180_000);

  it(`should run a loop of ${LOOP_STEPS} jobs through as many runs as its history needs`, async () => {
    // given a case looping through a job, with the default history limit
    const started = Date.now();
    const c = await runCase(stack, fixture('continue-as-new-loop.bpmn'), { variables: { n: 0, limit: LOOP_STEPS } });

    // when it runs to its end
    const result = await c.result();
    const seconds = (Date.now() - started) / 1000;

    // then every step ran, in runs that each stayed near the limit
    expect(result).toMatchObject({ status: 'completed', variables: { n: LOOP_STEPS } });
    const all = await runs(c.id);
    const events = all.reduce((sum, run) => sum + run.length, 0);
    console.log(`continue-as-new loop: ${LOOP_STEPS} steps in ${seconds.toFixed(1)} s, ${all.length} runs, ${events} events (${(events / LOOP_STEPS).toFixed(2)} per step), longest run ${Math.max(...all.map((r) => r.length))} events`);
    expect(all.length).toBeGreaterThan(1);
    expect(Math.max(...all.map((r) => r.length))).toBeLessThan(2_100);

    // and its chain is whole and matches the replay of all runs
    const verified = await eventually(async () => {
      const v = await verifyCase(c.id, { client: stack.client });
      return v.seal.status === 'sealed' ? v : undefined;
    }, 'the sealed verification');
    expect(verified).toMatchObject({ ok: true, crossCheck: { status: 'checked', ok: true } });
  }, 600_000);
});
