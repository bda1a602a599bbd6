// External job workers (issue 16): a service task whose job type no built-in handler serves is deployed with a warning
// and runs as the Temporal activity `<type>` on task queue `jobs.<type>`, served here by a TypeScript worker the test
// creates (as any team would, with @temporalio/worker) against the test stack's Temporal server.
import fs from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { BPMN_ERROR_TYPE, type ExternalJobInput } from '../../contracts/activities';
import { modelSha256 } from '../../engine/hash';
import type { ExecutableModel } from '../../engine/model';
import { deploy } from '../../server/services/definitions';
import { DefinitionVersion } from '../../store/models';
import { completedIds, runCase } from '../support/cases';
import { startTestStack, type TestStack } from '../support/stack';

const JOB_TYPE = 'demo.external.reverse';
const fixture = path.join(__dirname, 'fixtures/external-reverse.bpmn');

/** What the external worker was given, and how often it ran for each job key. */
const inputs: ExternalJobInput[] = [];
const attempts = new Map<string, number>();

/** The external worker's job: reverses `text` (plus the `suffix` header); `refuse` throws a BPMN error, `fail` fails. */
async function reverse(input: ExternalJobInput): Promise<Record<string, unknown>> {
  inputs.push(input);
  attempts.set(input.jobKey, (attempts.get(input.jobKey) ?? 0) + 1);
  const text = String(input.variables.text);
  if (text === 'refuse') throw ApplicationFailure.nonRetryable('the text may not be reversed', BPMN_ERROR_TYPE, 'REVERSE_REFUSED', { refusedBecause: 'a blocked word' });
  if (text === 'fail') throw new Error('the reverse service is down');
  return { reversed: `${[...text].reverse().join('')}${input.headers.suffix}` };
}

describe('a job type served by an external job worker', () => {
  let stack: TestStack;
  let external: Worker;
  let running: Promise<void>;
  beforeAll(async () => {
    stack = await startTestStack();
    external = await Worker.create({
      connection: stack.env.nativeConnection,
      namespace: stack.env.namespace ?? 'default',
      taskQueue: `jobs.${JOB_TYPE}`,
      activities: { [JOB_TYPE]: reverse },
    });
    running = external.run();
  });
  afterAll(async () => {
    external?.shutdown();
    await running;
    await stack?.stop();
  });

  it('should deploy a service task of an external job type with a warning naming the type and its task queue', async () => {
    // when the process is deployed with only the built-in job types known
    const deployed = await deploy({ xml: fs.readFileSync(fixture, 'utf8'), deployedBy: 'test' });

    // then it is stored, with a warning (not a problem) on the task
    expect(deployed.created).toBe(true);
    expect(deployed.warnings).toEqual([
      { elementId: 'Reverse', code: 'external-job-type', message: `<Reverse> uses job type "${JOB_TYPE}", which an external job worker serves (task queue jobs.${JOB_TYPE})` },
    ]);

    // and the stored model carries the route, and is the model its sha256 names (audit exports check that)
    const stored = await DefinitionVersion.findOne({ key: deployed.key, version: deployed.version }).lean();
    const model = JSON.parse(stored?.modelJson ?? '{}') as ExecutableModel;
    expect(model.nodes.Reverse).toMatchObject({ taskDefinition: { type: JOB_TYPE, external: { taskQueue: `jobs.${JOB_TYPE}`, timeoutMs: 300_000 } } });
    expect(modelSha256(model)).toBe(deployed.sha256);
  });

  it('should complete the task with the variables the external worker returns, giving it the job input', async () => {
    // when a case runs the task
    const c = await runCase(stack, fixture, { variables: { request: { text: 'sparrow' } } });
    const result = await c.result();

    // then the worker's result is a case variable and the case ended at Reversed
    expect(result).toMatchObject({ status: 'completed', variables: { reversed: 'worraps!' } });
    expect(completedIds(await c.state())).toContain('Reversed');
    const input = inputs.find((i) => i.instanceId === c.id);
    expect(input).toMatchObject({
      instanceId: c.id,
      elementId: 'Reverse',
      jobType: JOB_TYPE,
      bpmnProcessId: 'external-reverse',
      retries: 2,
      headers: { suffix: '!' },
      variables: { text: 'sparrow', request: { text: 'sparrow' } },
    });
    expect(input?.jobKey).toEqual(expect.any(String));
    expect(input?.elementInstanceId).toEqual(expect.any(String));
  });

  it('should let an error boundary event catch a BPMN error thrown by the external worker', async () => {
    // when the worker refuses the text with the BPMN error REVERSE_REFUSED
    const c = await runCase(stack, fixture, { variables: { request: { text: 'refuse' } } });
    const result = await c.result();

    // then the boundary event took over, with the error's variables, and the job ran once
    expect(result).toMatchObject({ status: 'completed', variables: { refusedBecause: 'a blocked word' } });
    const ids = completedIds(await c.state());
    expect(ids).toEqual(expect.arrayContaining(['Refused', 'RefusedEnd']));
    expect(ids).not.toContain('Reversed');
    const job = inputs.find((i) => i.instanceId === c.id);
    expect(attempts.get(job?.jobKey ?? '')).toBe(1);
  });

  it('should raise an incident once a failing job has used its retries, with the same job key on each attempt', async () => {
    // when the worker fails every attempt
    const c = await runCase(stack, fixture, { variables: { request: { text: 'fail' } } });

    // then after the task's 2 attempts the task has an incident naming the failure
    const state = await c.until((s) => s.incidents.length > 0, 'the incident of Reverse');
    expect(state.incidents).toEqual([expect.objectContaining({ elementId: 'Reverse', message: expect.stringContaining('the reverse service is down') })]);
    const jobs = inputs.filter((i) => i.instanceId === c.id);
    expect(jobs).toHaveLength(2);
    expect(new Set(jobs.map((j) => j.jobKey)).size).toBe(1);
    await c.cancel('the reverse service stays down');
  });
});
