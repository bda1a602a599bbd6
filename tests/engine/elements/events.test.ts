// None start and end events, and the terminate end event (process scope and subprocess scope).
import path from 'node:path';
import { completedIds, runCase, tasksWhen } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

describe('start and end events', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should run from the none start event to the none end event and complete', async () => {
    // given a process start -> task -> end
    // when a case starts
    const c = await runCase(stack, fixture('none-start-end.bpmn'), { variables: { a: 1 } });

    // then it completes, having passed each element once, and keeps its variables
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { a: 1 } });
    const state = await c.state();
    expect(completedIds(state)).toEqual(['Start', 'Note', 'End']);
    expect(state.takenFlows).toEqual(['F1', 'F2']);
    expect(state.activeElements).toEqual([]);
  });

  it('should complete the process at a terminate end event and cancel the open task of the other branch', async () => {
    // given a fork into a user task and a terminate end event
    // when a case starts
    const c = await runCase(stack, fixture('terminate-end.bpmn'));

    // then the case completes at once, without reaching the other branch's end
    expect(await c.result()).toMatchObject({ status: 'completed' });
    const state = await c.state();
    expect(completedIds(state)).toContain('Stop');
    expect(completedIds(state)).not.toContain('ReviewEnd');
    expect(state.activeElements).toEqual([]);
    expect(state.openTasks).toEqual([]);

    // and the task that was opened is cancelled in the task list
    const tasks = await tasksWhen(c.id, (rows) => rows.length === 1 && rows[0].status === 'cancelled', 'the cancelled task row');
    expect(tasks.map((t) => t.elementId)).toEqual(['Review']);
  });

  it('should terminate only the subprocess scope, then complete the subprocess and go on', async () => {
    // given a subprocess that forks into a user task and a terminate end event, beside an outside user task
    // when a case starts
    const c = await runCase(stack, fixture('terminate-in-subprocess.bpmn'));

    // then the subprocess completes and its inner task is cancelled, while the outside task stays open
    const state = await c.until((s) => completedIds(s).includes('Sub'), 'the subprocess to complete');
    expect(completedIds(state)).toEqual(expect.arrayContaining(['SubStop', 'Sub']));
    expect(completedIds(state)).not.toContain('InnerEnd');
    expect(state.status).toBe('running');
    expect(state.activeElements.map((a) => a.elementId).sort()).toEqual(['Join', 'Outside']);
    const tasks = await tasksWhen(c.id, (rows) => rows.length === 2 && rows.some((r) => r.status === 'cancelled'), 'the cancelled inner task row');
    expect(Object.fromEntries(tasks.map((t) => [t.elementId, t.status]))).toEqual({ Inner: 'cancelled', Outside: 'open' });

    // when the outside task is completed
    await c.completeTask('Outside');

    // then the join fires and the process completes
    expect(await c.result()).toMatchObject({ status: 'completed' });
    expect(completedIds(await c.state())).toEqual(expect.arrayContaining(['After', 'End']));
  });
});
