// Parallel gateway: a fork starts every branch; a join fires once each incoming flow has delivered, one token per flow.
import path from 'node:path';
import { completedIds, runCase } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const count = (ids: string[], id: string) => ids.filter((x) => x === id).length;

describe('parallel gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should fork into both branches and join only when both have arrived', async () => {
    // given a fork into two user tasks and a join
    const c = await runCase(stack, fixture('parallel.bpmn'));
    const started = await c.until((s) => s.openTasks.length === 2, 'both tasks open');
    expect(started.activeElements.map((a) => a.elementId).sort()).toEqual(['Left', 'Right']);

    // when one branch arrives
    const half = await c.completeTask('Left');

    // then the join waits for the other
    expect(half.activeElements.map((a) => a.elementId).sort()).toEqual(['Join', 'Right']);
    expect(completedIds(half)).not.toContain('After');

    // when the other arrives
    await c.completeTask('Right');

    // then the join fires once and the case completes
    expect(await c.result()).toMatchObject({ status: 'completed' });
    expect(count(completedIds(await c.state()), 'After')).toBe(1);
  });

  it('should fire once per complete set when one branch loops back and delivers twice, keeping the extra token', async () => {
    // given a branch that loops twice, delivering two tokens on the same flow, and a branch with a user task
    const c = await runCase(stack, fixture('parallel-twice.bpmn'), { variables: { count: 0 } });
    const looped = await c.until((s) => completedIds(s).includes('LoopEnd'), 'the loop to finish');

    // then both loop tokens wait at the join, which has not fired
    expect(looped.variables.count).toBe(2);
    expect(looped.activeElements.map((a) => a.elementId).sort()).toEqual(['Join', 'Join', 'Wait']);
    expect(completedIds(looped)).not.toContain('After');

    // when the other branch delivers its one token
    const after = await c.completeTask('Wait');

    // then the join fires exactly once, and the extra loop token stays at the join (the case cannot complete)
    expect(count(completedIds(after), 'After')).toBe(1);
    expect(count(completedIds(after), 'End')).toBe(1);
    expect(after.activeElements.map((a) => a.elementId)).toEqual(['Join']);
    expect(after.status).toBe('running');
    await c.cancel();
  });
});
