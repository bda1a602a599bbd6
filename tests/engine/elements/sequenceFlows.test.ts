// Conditional sequence flows leaving an activity: every flow whose condition holds is taken; none of them is an incident.
import path from 'node:path';
import { completedIds, runCase } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = path.join(__dirname, 'fixtures', 'conditional-flows.bpmn');

describe('conditional sequence flows of an activity', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should take every outgoing flow whose condition holds', async () => {
    // given a task with flows conditioned on a and on b
    // when a case runs with both true, then one with only a
    const both = await runCase(stack, fixture, { variables: { a: true, b: true } });
    const one = await runCase(stack, fixture, { variables: { a: true, b: false } });

    // then both flows are taken in the first case, only one in the second
    expect(await both.result()).toMatchObject({ status: 'completed' });
    expect(await one.result()).toMatchObject({ status: 'completed' });
    expect((await both.state()).takenFlows).toEqual(['F1', 'ToA', 'ToB']);
    expect(completedIds(await one.state())).toEqual(['Start', 'Sort', 'EndA']);
  });

  it('should raise an incident instead of silently ending the token when no condition holds and there is no default', async () => {
    // given the same task
    // when a case runs with both conditions false
    const c = await runCase(stack, fixture, { variables: { a: false, b: false } });

    // then the task holds an incident naming it, and the case is still running
    const state = await c.until((s) => s.incidents.length > 0, 'an incident');
    expect(state.status).toBe('running');
    expect(state.incidents).toEqual([
      expect.objectContaining({ elementId: 'Sort', kind: 'noMatchingFlow', message: '<Sort> has no outgoing flow whose condition holds and no default flow' }),
    ]);
    await c.cancel();
  });
});
