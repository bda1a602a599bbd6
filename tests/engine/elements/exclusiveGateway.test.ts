// Exclusive gateway: the first flow whose FEEL condition holds, else the default flow; no match and no default is an incident.
import path from 'node:path';
import { completedIds, runCase } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

describe('exclusive gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it.each([
    [5000, 'ToBig', 'Big'],
    [500, 'ToSmall', 'Small'],
    [50, 'ToTiny', 'Tiny'],
  ])('should route amount %d along %s: the first flow whose condition holds, else the default', async (amount, flow, task) => {
    // given a gateway with amount > 1000, amount > 100 (in that order) and a default flow
    // when a case runs with the amount
    const c = await runCase(stack, fixture('exclusive.bpmn'), { variables: { amount } });

    // then exactly that flow is taken, and the merging gateway passes it through
    expect(await c.result()).toMatchObject({ status: 'completed' });
    const state = await c.state();
    expect(state.takenFlows.filter((f) => f.startsWith('To'))).toEqual([flow]);
    expect(completedIds(state)).toEqual(['Start', 'Gate', task, 'Merge', 'End']);
  });

  it('should raise an incident when no condition holds and there is no default flow', async () => {
    // given a gateway with kind = "a" and amount > 10, and no default flow
    // when a case runs with values matching neither
    const c = await runCase(stack, fixture('exclusive-no-default.bpmn'), { variables: { kind: 'c', amount: 5 } });

    // then the gateway holds an incident naming it, and the case is still running
    const state = await c.until((s) => s.incidents.length > 0, 'an incident');
    expect(state.status).toBe('running');
    expect(state.incidents).toEqual([
      expect.objectContaining({ elementId: 'Gate', kind: 'noMatchingFlow', message: 'gateway <Gate> has no matching flow and no default' }),
    ]);
    expect(state.activeElements.map((a) => a.elementId)).toEqual(['Gate']);
    await c.cancel();
  });

  it('should raise an incident when a condition is neither true nor false', async () => {
    // given the same gateway
    // when a case runs without the variable amount (so amount > 10 is null)
    const c = await runCase(stack, fixture('exclusive-no-default.bpmn'), { variables: { kind: 'c' } });

    // then the gateway holds an expression incident naming the flow (Camunda 8: a condition must return true or false)
    const state = await c.until((s) => s.incidents.length > 0, 'an incident');
    expect(state.incidents).toEqual([expect.objectContaining({ elementId: 'Gate', kind: 'expression' })]);
    expect(state.incidents[0].message).toBe('condition of flow <ToB>: FEEL condition "amount > 10" must be true or false, got null');
    await c.cancel();
  });

  it('should NOT take a single outgoing flow whose condition is false', async () => {
    // given a gateway with one outgoing flow, conditioned on ok
    // when a case runs with ok = false
    const c = await runCase(stack, fixture('exclusive-single.bpmn'), { variables: { ok: false } });

    // then the flow is not taken: the gateway holds an incident
    const state = await c.until((s) => s.incidents.length > 0, 'an incident');
    expect(state.incidents).toEqual([expect.objectContaining({ elementId: 'Gate', kind: 'noMatchingFlow' })]);
    expect(state.takenFlows).toEqual(['F1']);
    await c.cancel();
  });

  it('should take a single outgoing flow whose condition holds', async () => {
    // given the same gateway
    // when a case runs with ok = true
    const c = await runCase(stack, fixture('exclusive-single.bpmn'), { variables: { ok: true } });

    // then the case completes through it
    expect(await c.result()).toMatchObject({ status: 'completed' });
  });
});
