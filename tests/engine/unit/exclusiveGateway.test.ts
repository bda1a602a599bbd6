// Exclusive gateway: takes the first outgoing flow whose condition holds (in the diagram's order), else the default flow;
// neither is an incident on the gateway. As a join it passes every arriving token on without waiting.
import { bpmn, chain, endEvent, flow, gateway, startEvent, userTask } from './bpmn';
import { harnessFor, harnessForFixture } from './harness';

describe('exclusive gateway', () => {
  it.each([
    [5000, 'ToBig', 'Big'],
    [500, 'ToSmall', 'Small'],
    [50, 'ToTiny', 'Tiny'],
  ])('should route amount %d along %s: the first flow whose condition holds, else the default', async (amount, taken, task) => {
    // given a gateway with amount > 1000, amount > 100 (in that order) and a default flow ToTiny
    const h = await harnessForFixture('exclusive.bpmn');

    // when the case starts with the amount
    h.start({ amount });

    // then exactly one flow leaves the gateway, and the merging gateway passes it through
    expect(h.status()).toBe('completed');
    expect(h.takenFlows().filter((f) => f.startsWith('To'))).toEqual([taken]);
    expect(h.completedElements()).toEqual(['Start', 'Gate', task, 'Merge', 'End']);
  });

  it('should raise an incident on the gateway when no condition holds and there is no default flow', async () => {
    // given a gateway with kind = "a" and amount > 10, and no default flow
    const h = await harnessForFixture('exclusive-no-default.bpmn');

    // when the case starts with values matching neither
    h.start({ kind: 'c', amount: 5 });

    // then the token stays on the gateway with an incident; the case still runs
    expect(h.incidents()).toEqual([{ elementId: 'Gate', kind: 'noMatchingFlow', message: 'gateway <Gate> has no matching flow and no default' }]);
    expect(h.activeElements()).toEqual(['Gate']);
    expect(h.status()).toBe('running');
    expect(h.takenFlows()).toEqual(['F1']);
  });

  it('should raise an expression incident when a condition is neither true nor false', async () => {
    // given the same gateway
    const h = await harnessForFixture('exclusive-no-default.bpmn');

    // when the case starts without amount (amount > 10 is null)
    h.start({ kind: 'c' });

    // then the incident names the flow (Camunda 8: a condition must return true or false)
    expect(h.incidents()).toEqual([
      { elementId: 'Gate', kind: 'expression', message: 'condition of flow <ToB>: FEEL condition "amount > 10" must be true or false, got null' },
    ]);
  });

  it('should NOT take a single outgoing flow whose condition is false', async () => {
    // given a gateway with one outgoing flow, conditioned on ok
    const h = await harnessForFixture('exclusive-single.bpmn');

    // when the case starts with ok = false
    h.start({ ok: false });

    // then the gateway holds an incident instead of taking it
    expect(h.incidents()).toEqual([expect.objectContaining({ elementId: 'Gate', kind: 'noMatchingFlow' })]);
  });

  it('should enter the gateway again when its incident is resolved', async () => {
    // given a gateway incident
    const h = await harnessForFixture('exclusive-no-default.bpmn');
    h.start({ kind: 'c', amount: 5 });

    // when it is resolved (nothing changed)
    h.resolveIncident('Gate');

    // then the conditions are evaluated again and, still matching none, raise the incident again
    expect(h.stepAudit()).toEqual([
      { kind: 'incident.resolved', elementId: 'Gate' },
      { kind: 'incident.raised', elementId: 'Gate' },
    ]);
    expect(h.incidents()).toEqual([expect.objectContaining({ elementId: 'Gate', kind: 'noMatchingFlow' })]);
  });

  it('should pass every arriving token on without waiting for the others when merging', async () => {
    // given a parallel fork into tasks A and B that meet at an exclusive gateway before task After
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        gateway('parallel', 'Fork'),
        userTask('A'),
        userTask('B'),
        gateway('exclusive', 'Merge'),
        userTask('After'),
        endEvent('End'),
        ...chain('Start', 'Fork', 'A', 'Merge'),
        ...chain('Fork', 'B', 'Merge'),
        ...chain('Merge', 'After', 'End'),
      ]),
    );
    h.start();

    // when A completes, then its token passes the merge at once while B still waits
    h.completeTask('A');
    expect(h.activeElements()).toEqual(['After', 'B']);

    // when B completes, then a second token passes: After is active twice
    h.completeTask('B');
    expect(h.activeElements()).toEqual(['After', 'After']);
  });

  it('should check the conditions of the flows in the order of the diagram', async () => {
    // given a gateway whose two flows both hold, Second declared before First
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        gateway('exclusive', 'Gate'),
        userTask('A'),
        userTask('B'),
        ...chain('Start', 'Gate'),
        flow('Second', 'Gate', 'B', '=true'),
        flow('First', 'Gate', 'A', '=true'),
      ]),
    );

    // when the case starts
    h.start();

    // then the flow declared first is taken
    expect(h.activeElements()).toEqual(['B']);
  });
});
