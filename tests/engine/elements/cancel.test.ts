// The cancel update: open tasks are cancelled in MongoDB, timers stop, the case ends as cancelled.
import path from 'node:path';
import { refusalOf, runCase, tasksWhen } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = path.join(__dirname, 'fixtures', 'cancel.bpmn');

describe('cancel', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should NOT cancel without a reason', async () => {
    // given a running case
    const c = await runCase(stack, fixture);
    await c.until((s) => s.openTasks.length === 2, 'both tasks open');

    // when it is cancelled with a blank reason
    const refusal = await refusalOf(c.cancel('  '));

    // then it is refused and the case runs on
    expect(refusal).toBe('a cancellation needs a reason');
    expect((await c.state()).status).toBe('running');
    await c.cancel();
  });

  it('should cancel open tasks, stop timers and end the case as cancelled', async () => {
    // given a case waiting at two user tasks and a one-hour timer
    const c = await runCase(stack, fixture);
    await c.until((s) => s.openTasks.length === 2 && s.activeElements.some((a) => a.elementId === 'Wait'), 'tasks and timer waiting');
    await tasksWhen(c.id, (rows) => rows.length === 2, 'both task rows');

    // when it is cancelled with a reason
    const view = await c.cancel('duplicate report');

    // then the case is cancelled at once with nothing left waiting
    expect(view).toMatchObject({ status: 'cancelled', cancelReason: 'duplicate report', activeElements: [], openTasks: [] });
    expect(await c.result()).toMatchObject({ status: 'cancelled' });

    // and both tasks are cancelled in the task list
    const rows = await tasksWhen(c.id, (r) => r.every((t) => t.status === 'cancelled'), 'cancelled task rows');
    expect(rows.map((r) => r.elementId).sort()).toEqual(['Check', 'Review']);

    // and the timer was cancelled in Temporal rather than left to fire
    const history = await c.handle.fetchHistory();
    const events = history.events ?? [];
    expect(events.filter((e) => e.timerStartedEventAttributes)).toHaveLength(1);
    expect(events.filter((e) => e.timerCanceledEventAttributes)).toHaveLength(1);
    expect(events.filter((e) => e.timerFiredEventAttributes)).toHaveLength(0);
  });
});
