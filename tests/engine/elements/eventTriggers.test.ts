// Event subprocesses, event-based gateways, signals and links on the real stack.
import path from 'node:path';
import { Instance } from '../../../store/models';
import { broadcastSignalUpdate } from '../../../workflows/definitions';
import { auditOf, completedIds, refusalOf, runCase, tasksWhen } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';
import { eventually } from '../../support/wait';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

describe('event subprocesses, event-based gateways, signals and links', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should run a non-interrupting message event subprocess each time, then an interrupting one that ends the case', async () => {
    // given a process waiting at a user task, with a non-interrupting "note-added" and an interrupting "order-cancelled" event subprocess
    const c = await runCase(stack, fixture('event-subprocess-message.bpmn'), { variables: { orderId: 'O-1' } });
    const taskId = await c.openTaskId('Fulfil');

    // when two notes arrive
    await c.correlate('note-added', 'O-1', { note: 'first' });
    const noted = await c.correlate('note-added', 'O-1', { note: 'second' });

    // then the event subprocess ran twice beside the task, in its own scope (the note stays in it; its result variable is propagated)
    expect(noted.openTasks).toEqual([taskId]);
    expect(noted.completed.filter((e) => e.elementId === 'OnNote')).toHaveLength(2);
    expect(noted.variables).toMatchObject({ orderId: 'O-1', lastNote: 'second' });

    // when the order is cancelled
    const cancelled = await c.correlate('order-cancelled', 'O-1', {});

    // then the task is cancelled and the case completes through the interrupting event subprocess
    expect(cancelled.status).toBe('completed');
    expect(completedIds(cancelled)).toEqual(expect.arrayContaining(['CancelStart', 'CancelEnd', 'OnCancel']));
    expect(completedIds(cancelled)).not.toContain('Fulfil');
    await tasksWhen(c.id, (r) => r[0]?.status === 'cancelled', 'the task row cancelled');
  });

  it('should take the message of an event-based gateway when it comes first, withdrawing the timer', async () => {
    // given an event-based gateway waiting for message "reply" or a PT30S timer
    const c = await runCase(stack, fixture('event-gateway.bpmn'), { variables: { caseNo: 'R-1', wait: 'PT30S' } });
    await c.until((s) => s.activeElements.some((a) => a.elementId === 'Gate'), 'the gateway waiting');
    const summary = await eventually(() => Instance.findById(c.id).lean().then((r) => (r?.currentElements?.includes('Gate') ? r : undefined)), 'the summary at Gate');
    expect(summary.waitingMessages).toEqual(['reply']);

    // when the reply comes
    const replied = await c.correlate('reply', 'R-1', { answer: 'yes' });

    // then the case ends through the message path
    expect(replied).toMatchObject({ status: 'completed', variables: { answer: 'yes' } });
    expect(completedIds(replied)).toEqual(['Start', 'Gate', 'Reply', 'Replied']);
  });

  it('should take the timer of an event-based gateway when no message comes, withdrawing the message subscription', async () => {
    // given the same gateway with a PT1S timer
    const c = await runCase(stack, fixture('event-gateway.bpmn'), { variables: { caseNo: 'R-2', wait: 'PT1S' } });

    // then after a second the case ends through the timer path
    expect(await c.result()).toMatchObject({ status: 'completed' });
    expect(completedIds(await c.state())).toEqual(['Start', 'Gate', 'NoReply', 'TimedOut']);
    await eventually(async () => ((await auditOf(c.id)).some((a) => a.kind === 'message.cancelled' && a.elementId === 'Reply') ? true : undefined), 'the message withdrawn in the audit');
  });

  it('should trigger a signal catch event from a signal throw event of the same case', async () => {
    // given a case waiting for signal "go" on one branch, and throwing it after a user task on the other
    const c = await runCase(stack, fixture('signal-throw-catch.bpmn'));
    await c.openTaskId('Prepare');
    const waiting = await eventually(() => Instance.findById(c.id).lean().then((r) => (r?.currentElements?.includes('WaitGo') ? r : undefined)), 'the summary at WaitGo');
    expect(waiting.waitingSignals).toEqual(['go']);

    // when the task completes
    await c.completeTask('Prepare');

    // then the thrown signal reached the catch event and both branches ended
    expect(await c.result()).toMatchObject({ status: 'completed' });
    expect(completedIds(await c.state())).toEqual(expect.arrayContaining(['SendGo', 'WaitGo', 'Went', 'Sent']));
  });

  it('should deliver a signal sent from outside with the broadcastSignal update, and refuse one nothing waits for', async () => {
    // given a case waiting for signal "go"
    const c = await runCase(stack, fixture('signal-throw-catch.bpmn'));
    await c.openTaskId('Prepare');
    const send = (name: string) => c.handle.executeUpdate(broadcastSignalUpdate, { args: [{ name, variables: { by: 'outside' }, actor: 'test' }] });

    // when a signal nothing waits for is sent, then "go"
    expect(await refusalOf(send('stop'))).toBe('nothing waits for signal stop');
    const after = await send('go');

    // then only "go" is delivered: the catch event's branch ends with the signal's variables, the task stays open
    expect(completedIds(after)).toEqual(expect.arrayContaining(['WaitGo', 'Went']));
    expect(after.variables).toMatchObject({ by: 'outside' });
    expect(after.openTasks).toHaveLength(1);
    await c.cancel();
  });

  it('should go on at the link catch event of a link throw event', async () => {
    // given Start -> link throw "to-end"; link catch "to-end" -> End
    // when a case runs
    const c = await runCase(stack, fixture('link.bpmn'));

    // then it passes from the throw to the catch event and completes
    expect(await c.result()).toMatchObject({ status: 'completed' });
    expect(completedIds(await c.state())).toEqual(['Start', 'GoToEnd', 'FromStart', 'End']);
  });
});
