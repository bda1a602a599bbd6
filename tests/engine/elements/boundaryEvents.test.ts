// Boundary events on the real stack: an interrupting timer cancels its user task, a non-interrupting timer cycle sends
// reminders while the task stays open, a message interrupts a task, an escalation thrown inside a subprocess is caught
// beside it.
import path from 'node:path';
import type { JobInput } from '../../../contracts/activities';
import { auditWhen, completedIds, instanceOf, runCase, tasksWhen } from '../../support/cases';
import { testJob } from '../../support/jobs';
import { startTestStack, type TestStack } from '../../support/stack';
import { eventually } from '../../support/wait';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

const reminders: JobInput[] = [];
const jobTypes = [
  testJob('test.remind', async (input) => {
    reminders.push(input);
    return {};
  }),
];

describe('boundary events', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ jobTypes });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should cancel the user task and take the boundary path when an interrupting PT1S timer fires', async () => {
    // given a user task with an interrupting PT1S timer boundary event
    // when a case starts and nobody completes the task
    const c = await runCase(stack, fixture('boundary-timer.bpmn'));
    const taskId = await c.openTaskId('Review');

    // then after a second the task is withdrawn and the case ends through the boundary path
    expect(await c.result()).toMatchObject({ status: 'completed' });
    const ids = completedIds(await c.state());
    expect(ids).toEqual(expect.arrayContaining(['Start', 'Deadline', 'TimedOut']));
    expect(ids).not.toContain('Review');
    expect(ids).not.toContain('End');
    const rows = await tasksWhen(c.id, (r) => r[0]?.status === 'cancelled', 'the task row cancelled');
    expect(rows.map((r) => [r._id, r.status])).toEqual([[taskId, 'cancelled']]);
    const kinds = (await auditWhen(c.id, (rows) => rows.some((a) => a.kind === 'instance.completed'), 'the audit complete')).map((a) => [a.kind, a.elementId]);
    expect(kinds).toEqual(expect.arrayContaining([['timer.fired', 'Deadline'], ['task.cancelled', 'Review'], ['element.terminated', 'Review']]));
  });

  it('should fire a non-interrupting R2/PT1S cycle twice while the task stays open', async () => {
    // given a user task with a non-interrupting R2/PT1S timer boundary event that runs a reminder job
    // when a case starts
    const c = await runCase(stack, fixture('boundary-timer-cycle.bpmn'));
    await c.openTaskId('Review');

    // then two reminders run, a second apart, and the task is still open
    await eventually(async () => (reminders.filter((r) => r.instanceId === c.id).length >= 2 ? true : undefined), 'two reminders');
    const state = await c.until((s) => s.completed.filter((e) => e.elementId === 'Reminded').length === 2, 'both reminder paths ended');
    expect(state.openTasks).toHaveLength(1);
    const audit = await auditWhen(c.id, (rows) => rows.filter((a) => a.kind === 'timer.fired').length === 2, 'both firings in the audit');
    const fired = audit.filter((a) => a.kind === 'timer.fired').map((a) => new Date(a.at).getTime());
    expect(fired[1] - fired[0]).toBeGreaterThanOrEqual(900);

    // and no third reminder comes; completing the task ends the case
    await new Promise((r) => setTimeout(r, 1_500));
    expect(reminders.filter((r) => r.instanceId === c.id)).toHaveLength(2);
    await c.completeTask('Review');
    expect(await c.result()).toMatchObject({ status: 'completed' });
    expect(completedIds(await c.state())).toContain('End');
  });

  it('should interrupt the task when the message of its boundary event arrives, and list the message in the summary', async () => {
    // given a user task with a message boundary event "withdrawn" keyed by caseNo
    const c = await runCase(stack, fixture('boundary-message.bpmn'), { variables: { caseNo: 'W-1' } });
    const taskId = await c.openTaskId('Review');

    // then the summary row says the case may wait for that message
    const summary = await eventually(() => instanceOf(c.id).then((r) => (r?.currentElements?.includes('Review') ? r : undefined)), 'the summary at Review');
    expect(summary.waitingMessages).toEqual(['withdrawn']);

    // when the message arrives with the case's key
    const after = await c.correlate('withdrawn', 'W-1', { reason: 'duplicate' });

    // then the task is cancelled and the boundary path ends the case with the message's variables
    expect(after).toMatchObject({ status: 'completed', variables: { caseNo: 'W-1', reason: 'duplicate' } });
    expect(completedIds(after)).toEqual(expect.arrayContaining(['Withdrawn', 'Closed']));
    const rows = await tasksWhen(c.id, (r) => r[0]?.status === 'cancelled', 'the task row cancelled');
    expect(rows[0]._id).toBe(taskId);
    await eventually(() => instanceOf(c.id).then((r) => (r?.status === 'completed' ? r : undefined)), 'the summary completed');
    expect((await instanceOf(c.id))?.waitingMessages).toEqual([]);
  });

  it('should run a non-interrupting escalation boundary path beside the subprocess that threw it', async () => {
    // given a subprocess that throws escalation LATE, then waits at a user task; its boundary catches LATE without interrupting
    // when a case starts
    const c = await runCase(stack, fixture('boundary-escalation.bpmn'));

    // then the boundary path's task opens while the subprocess's task stays open
    await c.openTaskId('Notify');
    const both = await c.until((s) => s.openTasks.length === 2, 'both tasks open');
    expect(both.activeElements.map((a) => a.elementId).sort()).toEqual(['Notify', 'Sub', 'Work']);
    await auditWhen(c.id, (rows) => rows.some((a) => a.kind === 'escalation.thrown' && a.elementId === 'RaiseLate'), 'the escalation in the audit');

    // when both tasks complete, the case completes through both paths
    await c.completeTask('Notify');
    await c.completeTask('Work');
    expect(await c.result()).toMatchObject({ status: 'completed' });
    expect(completedIds(await c.state())).toEqual(expect.arrayContaining(['Late', 'Notified', 'SubEnd', 'Sub', 'End']));
  });
});
