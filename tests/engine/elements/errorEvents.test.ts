// BPMN errors on the real stack: a job's BpmnError caught by an error boundary event (not retried), an error end event
// in a subprocess caught by the subprocess's boundary event, and uncaught errors becoming incidents (Camunda 8).
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { BPMN_ERROR_TYPE, type JobInput } from '../../../contracts/activities';
import { auditWhen, completedIds, runCase, tasksWhen } from '../../support/cases';
import { testJob } from '../../support/jobs';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

const attempts: JobInput[] = [];
const jobTypes = [
  // throws the BPMN error named by the variable `code` (a BpmnError with no code when it is "none"), else passes
  testJob('test.permit', async (input) => {
    attempts.push(input);
    const code = input.variables.code;
    if (code === 'none') throw ApplicationFailure.nonRetryable('no permit', BPMN_ERROR_TYPE);
    if (typeof code === 'string') throw ApplicationFailure.nonRetryable('no permit on file', BPMN_ERROR_TYPE, code);
    return { permitted: true };
  }),
];
const attemptsOf = (id: string) => attempts.filter((a) => a.instanceId === id).length;

describe('error events', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ jobTypes });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should catch a job\'s BpmnError by its code at the error boundary event, without retrying the job', async () => {
    // given a service task (3 retries) with an error boundary event catching PERMIT_MISSING
    // when its job throws a BpmnError PERMIT_MISSING
    const c = await runCase(stack, fixture('error-job.bpmn'), { variables: { code: 'PERMIT_MISSING' } });

    // then the boundary path runs once, the job ran once, and no incident is raised
    const state = await c.until((s) => s.openTasks.some((t) => t.includes('/RequestPermit/')), 'the boundary path');
    expect(state.incidents).toEqual([]);
    expect(completedIds(state)).toContain('NoPermit');
    expect(attemptsOf(c.id)).toBe(1);
    const thrown = (await auditWhen(c.id, (rows) => rows.some((a) => a.kind === 'error.thrown'), 'the error in the audit')).find((a) => a.kind === 'error.thrown');
    expect(thrown?.elementId).toBe('CheckPermit');
    expect(JSON.parse(thrown?.dataJson ?? 'null')).toEqual({ errorCode: 'PERMIT_MISSING', message: 'no permit on file' });
    await c.completeTask('RequestPermit');
    expect(await c.result()).toMatchObject({ status: 'completed' });
  });

  it('should raise an incident on the task for a BpmnError no error event catches, and for one without a code', async () => {
    // given the same task; when its job throws a BpmnError OTHER (not caught), or a BpmnError without a code
    const uncaught = await runCase(stack, fixture('error-job.bpmn'), { variables: { code: 'OTHER' } });
    const noCode = await runCase(stack, fixture('error-job.bpmn'), { variables: { code: 'none' } });

    // then each holds an incident on the task that says why, after a single attempt
    const a = await uncaught.until((s) => s.incidents.length > 0, 'an incident');
    const b = await noCode.until((s) => s.incidents.length > 0, 'an incident');
    expect(a.incidents).toEqual([
      expect.objectContaining({ elementId: 'CheckPermit', kind: 'unhandledError', message: 'error "OTHER" thrown by <CheckPermit> was not caught by any error event: no permit on file' }),
    ]);
    expect(b.incidents).toEqual([
      expect.objectContaining({ elementId: 'CheckPermit', kind: 'jobFailed', message: 'the job threw a BpmnError without an error code (details[0] must be a non-empty text): no permit' }),
    ]);
    expect(attemptsOf(uncaught.id)).toBe(1);
    expect(attemptsOf(noCode.id)).toBe(1);
    await uncaught.cancel();
    await noCode.cancel();
  });

  it('should catch an error end event of a subprocess at the subprocess\'s boundary event, cancelling the subprocess\'s other task', async () => {
    // given a subprocess with two parallel tasks; rejecting in one ends in error end event REJECTED, caught on the subprocess
    const c = await runCase(stack, fixture('error-subprocess.bpmn'));
    await c.openTaskId('Paperwork');

    // when the decision is a rejection
    await c.completeTask('Decide', { approved: false });

    // then the subprocess is interrupted (its other task cancelled) and the case ends through the boundary path
    expect(await c.result()).toMatchObject({ status: 'completed' });
    const ids = completedIds(await c.state());
    expect(ids).toEqual(expect.arrayContaining(['Rejected', 'RejectedEnd']));
    expect(ids).not.toContain('End');
    await auditWhen(c.id, (rows) => rows.some((a) => a.kind === 'error.thrown' && a.elementId === 'Reject'), 'the error in the audit');
    const rows = await tasksWhen(c.id, (r) => r.length === 2 && r.every((t) => t.status !== 'open'), 'both task rows closed');
    expect(rows.map((r) => [r.elementId, r.status]).sort()).toEqual([['Decide', 'completed'], ['Paperwork', 'cancelled']]);
  });

  it('should raise an incident on an error end event no one catches', async () => {
    // given a process whose end event throws BROKEN, with nothing catching it
    // when a case starts
    const c = await runCase(stack, fixture('error-uncaught.bpmn'));

    // then the case stays running with an incident on the end event
    const state = await c.until((s) => s.incidents.length > 0, 'an incident');
    expect(state.status).toBe('running');
    expect(state.incidents).toEqual([expect.objectContaining({ elementId: 'Fail', kind: 'unhandledError', message: 'error "BROKEN" thrown by <Fail> was not caught by any error event' })]);
    await c.cancel();
  });
});
