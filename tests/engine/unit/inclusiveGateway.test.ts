// Inclusive gateway: a split takes every flow whose condition holds (the default flow only when none does); a join
// waits only for tokens that can still reach it, then goes on with one token (Camunda 8 semantics).
import { bpmn, chain, endEvent, flow, gateway, startEvent, task, userTask } from './bpmn';
import { harnessFor, harnessForFixture } from './harness';

describe('inclusive gateway', () => {
  it.each([
    [{ a: true, b: false, c: true }, ['ToA', 'ToC']],
    [{ a: false, b: false, c: true }, ['ToC']],
  ])('should take every flow whose condition holds when splitting (%j)', async (variables, flows) => {
    // given a split into A, B (user task) and C conditioned on a, b and c, joined again before After
    const h = await harnessForFixture('inclusive.bpmn');

    // when the case starts
    h.start(variables);

    // then exactly those flows were taken and, no other token being able to arrive, the join went on
    expect(h.takenFlows().filter((f) => f.startsWith('To'))).toEqual(flows);
    expect(h.status()).toBe('completed');
    expect(h.completedElements().filter((id) => id === 'After')).toHaveLength(1);
  });

  it('should wait at the join for a token that can still reach it', async () => {
    // given the split and join, with user task B on one branch
    const h = await harnessForFixture('inclusive.bpmn');

    // when the case starts with a, b and c all true
    h.start({ a: true, b: true, c: true });

    // then A's and C's tokens wait at the join for B's
    expect(h.joins()).toEqual([{ elementId: 'Join', flows: ['FromA', 'FromC'] }]);
    expect(h.activeElements()).toEqual(['B']);

    // when B completes, then the join fires once and the case completes
    h.completeTask('B');
    expect(h.joins()).toEqual([]);
    expect(h.status()).toBe('completed');
    expect(h.completedElements().filter((id) => id === 'After')).toHaveLength(1);
  });

  it('should NOT wait for a token that cannot reach the join', async () => {
    // given a parallel fork: one branch splits and joins inclusively before After, the other waits at Other and ends
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        gateway('parallel', 'Fork'),
        gateway('inclusive', 'Split'),
        task('X'),
        task('Y'),
        gateway('inclusive', 'Join'),
        userTask('After'),
        userTask('Other'),
        endEvent('End'),
        endEvent('OtherEnd'),
        ...chain('Start', 'Fork', 'Split'),
        flow('ToX', 'Split', 'X', '=x'),
        flow('ToY', 'Split', 'Y', '=y'),
        ...chain('X', 'Join'),
        ...chain('Y', 'Join'),
        ...chain('Join', 'After', 'End'),
        ...chain('Fork', 'Other', 'OtherEnd'),
      ]),
    );

    // when the case starts with x and y true
    h.start({ x: true, y: true });

    // then the join went on although Other still waits (it cannot reach the join)
    expect(h.activeElements()).toEqual(['After', 'Other']);
    expect(h.joins()).toEqual([]);
  });

  it('should take the default flow only when no condition holds', async () => {
    // given a split with a flow conditioned on a and a default flow
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        gateway('inclusive', 'Split', 'ToOther'),
        userTask('A'),
        userTask('Other'),
        ...chain('Start', 'Split'),
        flow('ToA', 'Split', 'A', '=a'),
        flow('ToOther', 'Split', 'Other'),
      ]),
    );

    // when the case starts with a = false
    h.start({ a: false });

    // then only the default flow is taken
    expect(h.activeElements()).toEqual(['Other']);
  });

  it('should raise an incident when no condition holds and there is no default flow', async () => {
    // given a split into A and B conditioned on a and b, without default
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        gateway('inclusive', 'Split'),
        userTask('A'),
        userTask('B'),
        ...chain('Start', 'Split'),
        flow('ToA', 'Split', 'A', '=a'),
        flow('ToB', 'Split', 'B', '=b'),
      ]),
    );

    // when the case starts with both false
    h.start({ a: false, b: false });

    // then the split holds an incident
    expect(h.incidents()).toEqual([{ elementId: 'Split', kind: 'noMatchingFlow', message: 'gateway <Split> has no matching flow and no default' }]);
    expect(h.activeElements()).toEqual(['Split']);
  });

  it('should let a nested join fire before the outer join waits on it', async () => {
    // given an outer split into an inner split (Y user task, Z task) and W (user task), each joined again
    const h = await harnessForFixture('inclusive-nested.bpmn');

    // when the case starts with every condition true
    h.start({ x: true, w: true, y: true, z: true });

    // then Z waits at the inner join for Y; W and Y are open
    expect(h.joins()).toEqual([{ elementId: 'InnerJoin', flows: ['FromZ'] }]);
    expect(h.activeElements()).toEqual(['W', 'Y']);

    // when Y completes, then the inner join fires and its token waits at the outer join for W
    h.completeTask('Y');
    expect(h.joins()).toEqual([{ elementId: 'OuterJoin', flows: ['FromInner'] }]);

    // when W completes, then the outer join fires and the case completes
    h.completeTask('W');
    expect(h.status()).toBe('completed');
  });
});
