// Inclusive gateway: a fork takes every flow whose condition holds; a join waits only for tokens that can still arrive.
import path from 'node:path';
import { completedIds, runCase } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const count = (ids: string[], id: string) => ids.filter((x) => x === id).length;

describe('inclusive gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should fork onto the flows whose conditions hold and join after just those', async () => {
    // given a fork onto A (a), B (b, a user task) and C (c), and a join
    // when a case runs with a and c true
    const c = await runCase(stack, fixture('inclusive.bpmn'), { variables: { a: true, b: false, c: true } });

    // then A and C run, B never starts, and the join fires once, after those two
    expect(await c.result()).toMatchObject({ status: 'completed' });
    const ids = completedIds(await c.state());
    expect(ids).toEqual(expect.arrayContaining(['A', 'C', 'After', 'End']));
    expect(ids).not.toContain('B');
    expect(count(ids, 'After')).toBe(1);
  });

  it('should make the join wait for a branch whose user task is still open', async () => {
    // given the same process, run with a and b true
    const c = await runCase(stack, fixture('inclusive.bpmn'), { variables: { a: true, b: true, c: false } });

    // when A has arrived at the join while B's task is open
    const waiting = await c.until((s) => s.openTasks.length === 1 && completedIds(s).includes('A'), 'A done and B open');

    // then the join waits
    expect(waiting.activeElements.map((a) => a.elementId).sort()).toEqual(['B', 'Join']);
    expect(completedIds(waiting)).not.toContain('After');

    // when B's task is completed
    await c.completeTask('B');

    // then the join fires once and the case completes
    expect(await c.result()).toMatchObject({ status: 'completed' });
    expect(count(completedIds(await c.state()), 'After')).toBe(1);
  });

  it('should raise an incident at the fork when no condition holds and there is no default', async () => {
    // given the same process
    // when a case runs with every condition false
    const c = await runCase(stack, fixture('inclusive.bpmn'), { variables: { a: false, b: false, c: false } });

    // then the fork holds an incident naming it
    const state = await c.until((s) => s.incidents.length > 0, 'an incident');
    expect(state.incidents).toEqual([expect.objectContaining({ elementId: 'Fork', kind: 'noMatchingFlow', message: 'gateway <Fork> has no matching flow and no default' })]);
    await c.cancel();
  });

  it('should make an outer join wait for a nested inclusive fork and join still in progress', async () => {
    // given an outer fork onto an inner fork (Y a user task, Z a task) and W (a user task), each with its join
    const c = await runCase(stack, fixture('inclusive-nested.bpmn'), { variables: { x: true, w: true, y: true, z: true } });
    await c.until((s) => s.openTasks.length === 2 && completedIds(s).includes('Z'), 'Y and W open, Z done');

    // when W is completed while Y is still open
    const afterW = await c.completeTask('W');

    // then neither join has fired: the inner join waits for Y, the outer join for the inner join
    expect(completedIds(afterW)).not.toContain('After');
    expect(afterW.activeElements.map((a) => a.elementId).sort()).toEqual(['InnerJoin', 'OuterJoin', 'Y']);

    // when Y is completed
    await c.completeTask('Y');

    // then the inner join fires, then the outer join, each once, and the case completes
    expect(await c.result()).toMatchObject({ status: 'completed' });
    const ids = completedIds(await c.state());
    expect(count(ids, 'After')).toBe(1);
    expect(count(ids, 'End')).toBe(1);
  });

  it('should fire a nested join at once when the inner fork took a single branch that arrived', async () => {
    // given the nested process, with the inner fork taking only Z and the outer fork only the inner branch
    // when a case runs
    const c = await runCase(stack, fixture('inclusive-nested.bpmn'), { variables: { x: true, w: false, y: false, z: true } });

    // then both joins fire without waiting and the case completes
    expect(await c.result()).toMatchObject({ status: 'completed' });
    expect(completedIds(await c.state())).not.toContain('Y');
  });
});
