// Event subprocesses: message and timer starts, interrupting (everything else in the scope ends) and not (it runs
// beside), at process and subprocess level, with their own variable scope; escalations caught by them.
import { bpmn, chain, endEvent, flow, startEvent, subProcess, userTask } from './bpmn';
import { boundary, endWith, escalationDef, eventStart, eventSubProcess, messageDef, throwEvent, timerDef } from './bpmnEvents';
import { harnessFor } from './harness';

describe('event subprocesses', () => {
  it('should subscribe while the process runs and, interrupting, end the rest of the process when the message comes', async () => {
    // given a process waiting at Review, with an interrupting "withdraw" event subprocess
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        userTask('Review'),
        endEvent('Done'),
        ...chain('Start', 'Review', 'Done'),
        eventSubProcess('Withdraw', [eventStart('WithdrawStart', messageDef('withdraw', '=caseNo')), userTask('Archive'), endEvent('Archived'), ...chain('WithdrawStart', 'Archive', 'Archived')]),
      ]),
    );
    h.start({ caseNo: 'C-3' });
    expect(h.waits().map((w) => [w.elementId, w.kind])).toEqual([['Review', 'userTask'], ['WithdrawStart', 'message']]);

    // when the withdrawal message comes
    h.correlate('withdraw', 'C-3', { reason: 'moved away' });

    // then Review is cancelled and terminated, the event subprocess runs with the message's variables
    expect(h.stepAudit()).toEqual(expect.arrayContaining([{ kind: 'task.cancelled', elementId: 'Review' }, { kind: 'element.terminated', elementId: 'Review' }]));
    expect(h.activeElements()).toEqual(['Archive', 'Withdraw']);
    expect(h.variables()).toMatchObject({ reason: 'moved away' });

    // and when it is done the process completes
    h.completeTask('Archive');
    expect(h.status()).toBe('completed');
  });

  it('should run a non-interrupting timer event subprocess beside the process, and withdraw it when the process completes', async () => {
    // given a process waiting at Review, with a non-interrupting daily reminder (R2/P1D)
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        userTask('Review'),
        endEvent('Done'),
        ...chain('Start', 'Review', 'Done'),
        eventSubProcess('Remind', [eventStart('RemindStart', timerDef('cycle', 'R2/P1D'), false), endEvent('Reminded'), ...chain('RemindStart', 'Reminded')]),
      ]),
    );
    h.start();

    // when the reminder fires, then it ran and Review stays open; the next reminder is armed for the day after
    h.fireTimer('RemindStart');
    expect(h.completedElements()).toEqual(['Start', 'RemindStart', 'Reminded', 'Remind']);
    expect(h.waits().map((w) => [w.elementId, w.kind])).toEqual([['RemindStart', 'timer'], ['Review', 'userTask']]);

    // when Review completes, then the process completes and the armed reminder is cancelled
    h.completeTask('Review');
    expect(h.status()).toBe('completed');
    expect(h.commands).toEqual(expect.arrayContaining([{ type: 'cancelTimer', elementId: 'RemindStart' }]));
  });

  it('should give an event subprocess inside a subprocess its own scope, subscribed only while that subprocess runs', async () => {
    // given a subprocess with an interrupting message event subprocess inside it
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        subProcess('Inspect', [
          startEvent('S'),
          userTask('Visit'),
          endEvent('E'),
          ...chain('S', 'Visit', 'E'),
          eventSubProcess('Cancelled', [eventStart('CancelStart', messageDef('cancel-visit', '=caseNo')), endEvent('CancelEnd'), ...chain('CancelStart', 'CancelEnd')]),
        ]),
        userTask('After'),
        endEvent('Done'),
        ...chain('Start', 'Inspect', 'After', 'Done'),
      ]),
    );
    h.start({ caseNo: 'C-4' });

    // when the visit is cancelled by message, then the subprocess completes by its event subprocess and the case goes on
    h.correlate('cancel-visit', 'C-4');
    expect(h.activeElements()).toEqual(['After']);
    expect(h.completedElements()).toEqual(['Start', 'S', 'CancelStart', 'CancelEnd', 'Cancelled', 'Inspect']);
    expect(h.waits().map((w) => w.kind)).toEqual(['userTask']);
  });

  it('should raise an incident on the process when an event subprocess of the process cannot subscribe, and retry it when resolved', async () => {
    // given a process whose message event subprocess correlates by caseNo, started without caseNo
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        userTask('Review'),
        endEvent('Done'),
        ...chain('Start', 'Review', 'Done'),
        eventSubProcess('Withdraw', [eventStart('WithdrawStart', messageDef('withdraw', '=caseNo')), endEvent('Withdrawn'), ...chain('WithdrawStart', 'Withdrawn')]),
      ]),
    );
    h.start({});

    // then the process has an incident naming the start event's key, nothing has started, and the case runs on
    expect(h.incidents()).toEqual([{ elementId: 'p', kind: 'expression', message: 'correlation key of <WithdrawStart> must be a string or number, got null' }]);
    expect(h.activeElements()).toEqual([]);
    expect(h.status()).toBe('running');

    // when it is resolved with the key still missing, then the same incident comes back, once
    h.resolveIncident('p');
    expect(h.incidents()).toHaveLength(1);
    expect(h.waits()).toEqual([]);
  });

  it('should open a subprocess scope once and subscribe each event subprocess once when its activation is retried', async () => {
    // given a subprocess with a timer event subprocess and a message one whose key is missing (an incident on it)
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        subProcess('Inspect', [
          startEvent('S'),
          userTask('Visit'),
          endEvent('E'),
          ...chain('S', 'Visit', 'E'),
          eventSubProcess('Remind', [eventStart('RemindStart', timerDef('duration', 'P1D'), false), endEvent('Reminded'), ...chain('RemindStart', 'Reminded')]),
          eventSubProcess('Cancelled', [eventStart('CancelStart', messageDef('cancel-visit', '=caseNo')), endEvent('CancelEnd'), ...chain('CancelStart', 'CancelEnd')]),
        ]),
        endEvent('Done'),
        ...chain('Start', 'Inspect', 'Done'),
      ]),
    );
    h.start({});
    expect(h.incidents()).toEqual([expect.objectContaining({ elementId: 'Inspect', kind: 'expression' })]);
    expect(h.waits().map((w) => w.elementId)).toEqual(['RemindStart']);

    // when the incident is resolved (the key still missing), then the timer is still subscribed once
    h.resolveIncident('Inspect');
    expect(h.waits().map((w) => w.elementId)).toEqual(['RemindStart']);
    expect(h.incidents()).toHaveLength(1);
  });

  it('should catch an escalation thrown inside a subprocess with a non-interrupting boundary, the subprocess going on', async () => {
    // given a subprocess that escalates "LATE" then waits at Fix, with a non-interrupting escalation boundary
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        subProcess('Repair', [startEvent('S'), throwEvent('Escalate', escalationDef('LATE')), userTask('Fix'), endEvent('E'), ...chain('S', 'Escalate', 'Fix', 'E')]),
        endEvent('Done'),
        boundary('Late', 'Repair', escalationDef('LATE'), false),
        userTask('NotifyChief'),
        endEvent('Notified'),
        ...chain('Start', 'Repair', 'Done'),
        ...chain('Late', 'NotifyChief', 'Notified'),
      ]),
    );

    // when the case starts
    h.start();

    // then the escalation was caught beside the subprocess, which went on to Fix
    expect(h.audit()).toEqual(expect.arrayContaining([{ kind: 'escalation.thrown', elementId: 'Escalate' }]));
    expect(h.activeElements()).toEqual(['Fix', 'NotifyChief', 'Repair']);
  });

  it('should let an uncaught escalation pass without an incident, as Camunda 8 does', async () => {
    const h = await harnessFor(bpmn([startEvent('Start'), endWith('Up', escalationDef('NOBODY')), flow('a', 'Start', 'Up')]));
    h.start();
    expect(h.incidents()).toEqual([]);
    expect(h.status()).toBe('completed');
  });
});
