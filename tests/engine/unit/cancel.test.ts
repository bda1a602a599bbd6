// Cancelling a case: every wait is withdrawn (tasks closed, jobs and timers cancelled), the status is cancelled.
import { bpmn, chain, endEvent, flow, gateway, messageCatch, serviceTask, startEvent, timerCatch, userTask } from './bpmn';
import { harnessFor } from './harness';

/** A fork into a user task, a service task, a timer and a message catch event, joined again before the end. */
const everyWait = bpmn([
  startEvent('Start'),
  gateway('parallel', 'Fork'),
  userTask('Review'),
  serviceTask('Print', 'printer.print'),
  timerCatch('Wait', 'PT1H'),
  messageCatch('AwaitReply', 'reply', '=caseNo'),
  gateway('parallel', 'Join'),
  endEvent('End'),
  flow('F0', 'Start', 'Fork'),
  ...['Review', 'Print', 'Wait', 'AwaitReply'].flatMap((id) => [flow(`To${id}`, 'Fork', id), flow(`From${id}`, id, 'Join')]),
  flow('F9', 'Join', 'End'),
]);

describe('cancel', () => {
  it('should withdraw every wait and end the case as cancelled', async () => {
    // given a case waiting for a person, a job, a timer and a message
    const h = await harnessFor(everyWait);
    h.start({ caseNo: 7 });
    expect(h.waits().map((w) => w.kind)).toEqual(['message', 'job', 'userTask', 'timer']);

    // when it is cancelled
    h.cancel('the resident withdrew the request', 'dispatcher');

    // then the task is closed as cancelled, the job and the timer are cancelled, and nothing is left
    expect(h.commands).toEqual(
      expect.arrayContaining([
        { type: 'closeUserTask', elementId: 'Review', outcome: 'cancelled' },
        { type: 'cancelJob', elementId: 'Print' },
        { type: 'cancelTimer', elementId: 'Wait' },
      ]),
    );
    expect(h.commands).toHaveLength(3);
    expect(h.waits()).toEqual([]);
    expect(h.activeElements()).toEqual([]);
    expect(h.status()).toBe('cancelled');
    // and each withdrawal is recorded with its element, each element instance as terminated, the case last
    expect(h.stepAudit()).toEqual([
      { kind: 'task.cancelled', elementId: 'Review' },
      { kind: 'element.terminated', elementId: 'Review' },
      { kind: 'job.cancelled', elementId: 'Print' },
      { kind: 'element.terminated', elementId: 'Print' },
      { kind: 'timer.cancelled', elementId: 'Wait' },
      { kind: 'element.terminated', elementId: 'Wait' },
      { kind: 'message.cancelled', elementId: 'AwaitReply' },
      { kind: 'element.terminated', elementId: 'AwaitReply' },
      { kind: 'instance.cancelled' },
    ]);
  });

  it('should keep the variables and the completed path of a cancelled case', async () => {
    // given a case waiting at Review after Start
    const h = await harnessFor(bpmn([startEvent('Start'), userTask('Review'), endEvent('End'), ...chain('Start', 'Review', 'End')]));
    h.start({ caseNo: 7 });

    // when it is cancelled, then its variables and the elements it completed stay as they were
    h.cancel('duplicate');
    expect(h.variables()).toEqual({ caseNo: 7 });
    expect(h.completedElements()).toEqual(['Start']);
  });

  it('should drop the open incidents of a cancelled case', async () => {
    // given a case with a failed job
    const h = await harnessFor(bpmn([startEvent('Start'), serviceTask('Print', 'printer.print'), endEvent('End'), ...chain('Start', 'Print', 'End')]));
    h.start().failJob('Print', 'the printer is on fire');

    // when it is cancelled, then no incident is left open
    h.cancel('no longer needed');
    expect(h.incidents()).toEqual([]);
    expect(h.status()).toBe('cancelled');
    // and the audit records the withdrawn incident and the terminated element before the cancellation
    expect(h.stepAudit()).toEqual([
      { kind: 'incident.cancelled', elementId: 'Print' },
      { kind: 'element.terminated', elementId: 'Print' },
      { kind: 'instance.cancelled' },
    ]);
  });

  it('should refuse further events once the case is cancelled', async () => {
    // given a cancelled case that was waiting at Review
    const h = await harnessFor(bpmn([startEvent('Start'), userTask('Review'), endEvent('End'), ...chain('Start', 'Review', 'End')]));
    h.start().cancel('duplicate');

    // then a second cancellation is refused
    expect(() => h.cancel('again')).toThrow('event cancel refused: the case is cancelled');
  });

  it('should refuse a cancellation without a reason', async () => {
    // given a running case, when it is cancelled with a blank reason, then that is refused and it keeps running
    const h = await harnessFor(bpmn([startEvent('Start'), userTask('Review'), endEvent('End'), ...chain('Start', 'Review', 'End')]));
    h.start();
    expect(() => h.cancel('  ')).toThrow(/a cancellation needs a reason/);
    expect(h.status()).toBe('running');
    expect(h.waits()).toEqual([{ elementId: 'Review', kind: 'userTask', holder: null }]);
  });
});
