// Limits of one case: the variable size limit (a clear error) and the loop guard (an incident, never a hot loop).
import path from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { completedIds, runCase } from '../../support/cases';
import { testJob } from '../../support/jobs';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const limits = { maxVariableBytes: 1_000 };

const jobTypes = [testJob('test.blob', async ({ variables }) => ({ blob: 'x'.repeat(Number(variables.size)) }))];

describe('case limits', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ jobTypes });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should refuse to start a case whose variables exceed the limit, with a clear error', async () => {
    // given a limit of 1,000 bytes of variables
    // when a case starts with 2,000 bytes
    const c = await runCase(stack, fixture('variables-limit.bpmn'), { variables: { text: 'x'.repeat(2_000) }, limits });

    // then the case fails at once, saying why
    const failure = await c.result().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.message).toBe('the case cannot start: variables would exceed the limit of 1000 bytes per case');
  });

  it('should raise an incident naming the element when a job result would exceed the limit', async () => {
    // given the same limit
    // when a job returns 5,000 bytes
    const c = await runCase(stack, fixture('variables-limit.bpmn'), { variables: { size: 5_000 }, limits });

    // then the job's element holds a variables incident, and nothing of the result was stored
    const state = await c.until((s) => s.incidents.length > 0, 'an incident');
    expect(state.incidents).toEqual([
      expect.objectContaining({ elementId: 'Grow', kind: 'variables', message: 'variables of the instance would exceed 1000 bytes (set by <Grow>)' }),
    ]);
    expect(state.variables).toEqual({ size: 5_000 });
    await c.cancel();
  });

  it('should accept a job result within the limit', async () => {
    // given the same limit
    // when a job returns 10 bytes
    const c = await runCase(stack, fixture('variables-limit.bpmn'), { variables: { size: 10 }, limits });

    // then the case goes on to the user task
    const state = await c.until((s) => s.openTasks.length === 1, 'the review task');
    expect(state.variables.blob).toBe('x'.repeat(10));
    await c.cancel();
  });

  it('should complete a loop of script task and gateway that ends after 5 iterations', async () => {
    // given a loop n = n + 1 until n >= limit
    // when a case runs with limit 5
    const c = await runCase(stack, fixture('loop.bpmn'), { variables: { n: 0, limit: 5 } });

    // then it completes after 5 iterations
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { n: 5 } });
    expect(completedIds(await c.state()).filter((id) => id === 'Inc')).toHaveLength(5);
  });

  it('should stop a loop without a wait state with a loop-guard incident instead of spinning', async () => {
    // given the same loop
    // when a case runs with a limit it will not reach
    const c = await runCase(stack, fixture('loop.bpmn'), { variables: { n: 0, limit: 1_000_000_000 } });

    // then after 1,000 steps without a wait state the token stops with an incident that says so
    const state = await c.until((s) => s.incidents.length > 0, 'the loop-guard incident');
    expect(state.status).toBe('running');
    expect(state.incidents).toHaveLength(1);
    expect(state.incidents[0]).toMatchObject({ kind: 'loopGuard' });
    expect(state.incidents[0].message).toMatch(/^more than 1000 steps without a wait state; stopped at <(Merge|Inc|Again)>$/);
    expect(state.variables.n).toBeGreaterThan(300);
    expect(state.variables.n).toBeLessThan(1_000);
    await c.cancel();
  });
});
