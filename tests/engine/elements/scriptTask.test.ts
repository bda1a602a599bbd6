// Script task: a zeebe:script FEEL expression whose result lands in resultVariable; a failing evaluation is an incident.
import path from 'node:path';
import { completedIds, runCase } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

describe('script task', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should store the FEEL result in the result variable, where the next element sees it', async () => {
    // given two script tasks: sum = a + b, then a context built from sum
    // when a case runs them
    const c = await runCase(stack, fixture('script-task.bpmn'), { variables: { a: 2, b: 3 } });

    // then both results are process variables
    expect(await c.result()).toEqual(
      expect.objectContaining({ status: 'completed', variables: { a: 2, b: 3, sum: 5, label: { text: 'sum is 5', items: [2, 3] } } }),
    );
    expect(completedIds(await c.state())).toEqual(['Start', 'Sum', 'Label', 'End']);
  });

  it('should raise an incident when the FEEL evaluation fails, and fail again when resolved without a fix', async () => {
    // given a script that asserts amount > 0
    // when a case runs it with a negative amount
    const c = await runCase(stack, fixture('script-task-failure.bpmn'), { variables: { amount: -1 } });
    const state = await c.until((s) => s.incidents.length > 0, 'an incident');

    // then the script task holds an incident naming the failure, and the case is still running
    expect(state.status).toBe('running');
    expect(state.incidents).toEqual([expect.objectContaining({ elementId: 'Check', kind: 'expression' })]);
    expect(state.incidents[0].message).toContain('amount must be positive');
    expect(state.variables).not.toHaveProperty('checked');

    // when the incident is resolved while the amount is still negative
    const after = await c.resolveIncident(state.incidents[0].id);

    // then the script is evaluated again and a new incident is raised
    expect(after.incidents).toEqual([expect.objectContaining({ elementId: 'Check', kind: 'expression' })]);
    expect(after.incidents[0].id).not.toBe(state.incidents[0].id);
    await c.cancel();
  });

  it('should pass the script result on when the assertion holds', async () => {
    // given the same script
    // when a case runs it with a positive amount
    const c = await runCase(stack, fixture('script-task-failure.bpmn'), { variables: { amount: 7 } });

    // then the asserted value is the result
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { amount: 7, checked: 7 } });
  });
});
