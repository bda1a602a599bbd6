// Parallel gateway: a split takes every outgoing flow; a join waits until each incoming flow has delivered a token, then
// consumes one token per flow, so a flow that delivers twice keeps its extra token for the next firing.
import { bpmn, chain, endEvent, flow, gateway, startEvent, userTask } from './bpmn';
import { harnessFor, harnessForFixture } from './harness';

/** Start -> Fork -> (A | B) -> Join -> After -> End, A and B user tasks. */
const forkAndJoin = () =>
  bpmn([
    startEvent('Start'),
    gateway('parallel', 'Fork'),
    userTask('A'),
    userTask('B'),
    gateway('parallel', 'Join'),
    userTask('After'),
    endEvent('End'),
    ...chain('Start', 'Fork', 'A', 'Join'),
    ...chain('Fork', 'B', 'Join'),
    ...chain('Join', 'After', 'End'),
  ]);

describe('parallel gateway', () => {
  it('should take every outgoing flow when splitting', async () => {
    // given a fork into A and B
    const h = await harnessFor(forkAndJoin());

    // when the case starts
    h.start();

    // then both branches are active, each with an open task
    expect(h.activeElements()).toEqual(['A', 'B']);
    expect(h.takenFlows()).toEqual(['Start_Fork', 'Fork_A', 'Fork_B']);
    expect(h.commands.map((c) => [c.type, c.elementId])).toEqual([
      ['openUserTask', 'A'],
      ['openUserTask', 'B'],
    ]);
  });

  it('should ignore conditions on its outgoing flows', async () => {
    // given a fork whose outgoing flows carry conditions that are false
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        gateway('parallel', 'Fork'),
        userTask('A'),
        userTask('B'),
        ...chain('Start', 'Fork'),
        flow('ToA', 'Fork', 'A', '=false'),
        flow('ToB', 'Fork', 'B', '=false'),
      ]),
    );

    // when the case starts
    h.start();

    // then both flows are taken anyway (BPMN: a parallel gateway does not evaluate conditions)
    expect(h.activeElements()).toEqual(['A', 'B']);
    expect(h.incidents()).toEqual([]);
  });

  it('should wait at the join until every incoming flow has delivered', async () => {
    // given the fork and join
    const h = await harnessFor(forkAndJoin());
    h.start();

    // when only A completes
    h.completeTask('A');

    // then its token waits at the join and nothing goes past it
    expect(h.joins()).toEqual([{ elementId: 'Join', flows: ['A_Join'] }]);
    expect(h.activeElements()).toEqual(['B']);
    expect(h.completedElements()).not.toContain('Join');
  });

  it('should go on with one token once every incoming flow has delivered', async () => {
    // given the fork and join with A done
    const h = await harnessFor(forkAndJoin());
    h.start();
    h.completeTask('A');

    // when B completes
    h.completeTask('B');

    // then the join fires once: one token at After, nothing parked
    expect(h.joins()).toEqual([]);
    expect(h.activeElements()).toEqual(['After']);
    expect(h.takenFlows().filter((f) => f === 'Join_After')).toHaveLength(1);

    // and the case completes after it
    h.completeTask('After');
    expect(h.status()).toBe('completed');
  });

  it('should keep a second token from the same flow for the next firing', async () => {
    // given a loop that delivers twice on FromLoop while the other flow (from user task Wait) has not delivered
    const h = await harnessForFixture('parallel-twice.bpmn');
    h.start({ count: 0 });
    expect(h.joins()).toEqual([{ elementId: 'Join', flows: ['FromLoop', 'FromLoop'] }]);

    // when Wait completes
    h.completeTask('Wait');

    // then the join fires once (consuming one token per flow) and the extra token stays parked, so the case still runs
    expect(h.completedElements().filter((id) => id === 'After')).toHaveLength(1);
    expect(h.joins()).toEqual([{ elementId: 'Join', flows: ['FromLoop'] }]);
    expect(h.status()).toBe('running');
  });

  it('should withdraw the other branch\'s open task when the case is cancelled while the join waits', async () => {
    // given A done and its token parked at the join
    const h = await harnessFor(forkAndJoin());
    h.start();
    h.completeTask('A');

    // when the case is cancelled
    h.cancel('no longer needed');

    // then B's task is closed as cancelled and nothing is left at the join
    expect(h.status()).toBe('cancelled');
    expect(h.commands).toEqual([{ type: 'closeUserTask', elementId: 'B', outcome: 'cancelled' }]);
    expect(h.joins()).toEqual([]);
    expect(h.activeElements()).toEqual([]);
  });
});
