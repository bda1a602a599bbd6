// Service task: the job's headers and input-mapped variables, output mappings, retries, incidents and their resolution.
import path from 'node:path';
import type { JobInput } from '../../../contracts/activities';
import { completedIds, instanceOf, runCase } from '../../support/cases';
import { testJob } from '../../support/jobs';
import { startTestStack, type TestStack } from '../../support/stack';
import { eventually } from '../../support/wait';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

const doubled: JobInput[] = [];
const flakyAttempts = new Map<string, number>();
const printerAttempts = new Map<string, number>();
let printerFixed = false;

const jobTypes = [
  testJob('test.double', async (input) => {
    doubled.push(input);
    return { doubled: Number(input.variables.n) * 2, n: 999 };
  }),
  testJob('test.flaky', async ({ jobKey }) => {
    const attempt = (flakyAttempts.get(jobKey) ?? 0) + 1;
    flakyAttempts.set(jobKey, attempt);
    if (attempt < 3) throw new Error(`flaky attempt ${attempt} failed`);
    return { attempts: attempt };
  }),
  testJob('test.printer', async ({ jobKey }) => {
    printerAttempts.set(jobKey, (printerAttempts.get(jobKey) ?? 0) + 1);
    if (!printerFixed) throw new Error('the printer is on fire');
    return { printed: true };
  }),
  testJob('test.broken', async () => {
    throw new Error('always broken');
  }),
  testJob('test.list', async () => ['not', 'variables'] as unknown as Record<string, unknown>),
];

describe('service task', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ jobTypes });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should give the job its headers and input-mapped variables, and apply the output mappings', async () => {
    // given a service task with headers, an input mapping n = parcel.weight and an output mapping total = doubled + 1
    // when a case runs it
    const c = await runCase(stack, fixture('service-task.bpmn'), { variables: { parcel: { weight: 21 } } });
    const result = await c.result();

    // then the job saw the headers and the input-mapped local beside the case's variables
    const job = doubled.find((j) => j.instanceId === c.id);
    expect(job).toMatchObject({ elementId: 'Weigh', jobType: 'test.double', headers: { unit: 'kg', mode: 'fast' }, variables: { parcel: { weight: 21 }, n: 21 } });

    // and only the output mapping's variable reached the process (not the job's own variables, not the local)
    expect(result).toEqual(expect.objectContaining({ status: 'completed', variables: { parcel: { weight: 21 }, total: 43 } }));
  });

  it('should keep a job result variable local when an input mapping made it a local of the task', async () => {
    // given a service task without output mappings whose input mapping creates the local n
    // when its job returns { doubled, n }
    const c = await runCase(stack, fixture('service-task-locals.bpmn'), { variables: { weight: 5 } });

    // then doubled is propagated to the process, and n stays local (Camunda 8 variable propagation)
    expect((await c.result()).variables).toEqual({ weight: 5, doubled: 10 });
  });

  it('should complete a job that fails twice and then succeeds within its 3 retries', async () => {
    // given a service task with retries="3" whose job fails on its first two attempts
    // when a case runs it
    const c = await runCase(stack, fixture('service-task-retries.bpmn'));

    // then the third attempt completes the case, with no incident
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { attempts: 3 } });
    expect((await c.state()).incidents).toEqual([]);
  });

  it('should raise an incident when the job fails after its retries, keep the case running, and retry it on resolveIncident', async () => {
    // given a service task with retries="2" whose job always fails for now
    printerFixed = false;
    const c = await runCase(stack, fixture('service-task-incident.bpmn'));

    // when its retries are used up
    const state = await c.until((s) => s.incidents.length > 0, 'an incident');

    // then an incident names the element and the failure, after exactly 2 attempts, and the case is still running
    expect(state.status).toBe('running');
    expect(state.incidents).toEqual([expect.objectContaining({ elementId: 'Print', kind: 'jobFailed', message: 'the printer is on fire' })]);
    expect([...printerAttempts.entries()].filter(([key]) => key.startsWith(c.id)).map(([, n]) => n)).toEqual([2]);
    const { status } = await c.handle.describe();
    expect(status.name).toBe('RUNNING');

    // and the instance summary shows it
    const summary = await eventually(async () => {
      const row = await instanceOf(c.id);
      return row?.status === 'incident' ? row : undefined;
    }, 'the incident in the instance summary');
    expect(summary).toMatchObject({ incidentCount: 1, currentElements: ['Print'] });

    // when the cause is fixed and the incident resolved
    printerFixed = true;
    const resolved = await c.resolveIncident(state.incidents[0].id);

    // then the job runs again and the case completes
    expect(resolved.incidents).toEqual([]);
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { printed: true } });
    expect(completedIds(await c.state())).toEqual(['Start', 'Print', 'End']);
    const done = await eventually(async () => {
      const row = await instanceOf(c.id);
      return row?.status === 'completed' ? row : undefined;
    }, 'the completed instance summary');
    expect(done.incidentCount).toBe(0);
  });

  it('should complete the other branch of a parallel fork while one branch has an incident', async () => {
    // given a fork into a job that always fails and a job that works
    // when a case runs
    const c = await runCase(stack, fixture('service-task-parallel-incident.bpmn'));

    // then the working branch reaches its end while the failing one holds an incident
    const state = await c.until((s) => s.incidents.length > 0 && completedIds(s).includes('WeighEnd'), 'the incident and the other branch done');
    expect(state.status).toBe('running');
    expect(state.incidents).toEqual([expect.objectContaining({ elementId: 'Broken', message: 'always broken' })]);
    expect(state.activeElements.map((a) => a.elementId)).toEqual(['Broken']);
    expect(state.variables).toMatchObject({ doubled: 8 });
    await c.cancel();
  });

  it('should raise an incident when a job returns something other than an object of variables', async () => {
    // given a service task whose job returns a list
    // when a case runs it
    const c = await runCase(stack, fixture('service-task-bad-result.bpmn'));

    // then the task holds an incident that says so, instead of the result being dropped silently
    const state = await c.until((s) => s.incidents.length > 0, 'an incident');
    expect(state.incidents).toEqual([
      expect.objectContaining({ elementId: 'List', kind: 'jobFailed', message: 'the job of <List> returned a list, not an object of variables' }),
    ]);
    await c.cancel();
  });
});
