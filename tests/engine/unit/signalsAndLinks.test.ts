// Signals (broadcast to every element of the case waiting for them, from a throw event or from outside), link events,
// and the event-based gateway (the first of its events wins, the others are withdrawn).
import { bpmn, chain, endEvent, flow, gateway, startEvent, userTask } from './bpmn';
import { catchEvent, endWith, linkDef, messageDef, signalDef, throwEvent, timerDef } from './bpmnEvents';
import { harnessFor } from './harness';

describe('signals', () => {
  it('should trigger every catch event of the case waiting for the signal thrown by another branch', async () => {
    // given two branches waiting for "all-clear" and a third that throws it after a user task
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        gateway('parallel', 'Fork'),
        catchEvent('WaitA', signalDef('all-clear')),
        catchEvent('WaitB', signalDef('all-clear')),
        userTask('Inspect'),
        throwEvent('Clear', signalDef('all-clear')),
        endEvent('EA'),
        endEvent('EB'),
        endEvent('EC'),
        flow('f0', 'Start', 'Fork'),
        flow('fa', 'Fork', 'WaitA'),
        flow('fb', 'Fork', 'WaitB'),
        flow('fc', 'Fork', 'Inspect'),
        ...chain('WaitA', 'EA'),
        ...chain('WaitB', 'EB'),
        ...chain('Inspect', 'Clear', 'EC'),
      ]),
    );
    h.start();
    expect(h.waits().filter((w) => w.kind === 'signal')).toHaveLength(2);

    // when the inspection is done, then the signal released both waiting branches and the case completed
    h.completeTask('Inspect');
    expect(h.stepAudit().filter((a) => a.kind === 'signal.received').map((a) => a.elementId)).toEqual(['WaitA', 'WaitB']);
    expect(h.status()).toBe('completed');
  });

  it('should refuse a signal from outside that nothing in the case waits for, and deliver one that something does', async () => {
    const h = await harnessFor(bpmn([startEvent('Start'), catchEvent('Wait', signalDef('storm-over')), endEvent('End'), ...chain('Start', 'Wait', 'End')]));
    h.start();
    expect(() => h.signal('storm')).toThrow('event signalBroadcast refused: nothing waits for signal storm');
    h.signal('storm-over', { clearedAt: '08:00' });
    expect(h.status()).toBe('completed');
    expect(h.variables()).toEqual({ clearedAt: '08:00' });
  });
});

describe('link events', () => {
  it('should go on at the link catch event of the same name', async () => {
    const h = await harnessFor(
      bpmn([startEvent('Start'), throwEvent('GoTo', linkDef('page2')), catchEvent('From', linkDef('page2')), userTask('Next'), endEvent('End'), ...chain('Start', 'GoTo'), ...chain('From', 'Next', 'End')]),
    );
    h.start();
    expect(h.completedElements()).toEqual(['Start', 'GoTo', 'From']);
    expect(h.activeElements()).toEqual(['Next']);
  });
});

describe('event-based gateway', () => {
  /** A gateway waiting for a resident's reply (message) or 7 days (timer). */
  const replyOrTimeout = () =>
    bpmn([
      startEvent('Start'),
      gateway('eventBased', 'Await'),
      catchEvent('Reply', messageDef('reply', '=caseNo')),
      catchEvent('Timeout', timerDef('duration', 'P7D')),
      endEvent('Replied'),
      endEvent('TimedOut'),
      flow('f0', 'Start', 'Await'),
      flow('f1', 'Await', 'Reply'),
      flow('f2', 'Await', 'Timeout'),
      ...chain('Reply', 'Replied'),
      ...chain('Timeout', 'TimedOut'),
    ]);

  it('should wait for both events at the gateway and take the message when it comes first, withdrawing the timer', async () => {
    const h = await harnessFor(replyOrTimeout());
    h.start({ caseNo: 'C-5' });
    expect(h.activeElements()).toEqual(['Await']);
    expect(h.waits().map((w) => [w.elementId, w.kind])).toEqual([['Reply', 'message'], ['Timeout', 'timer']]);

    h.correlate('reply', 'C-5', { answer: 'yes' });
    expect(h.commands).toEqual([{ type: 'cancelTimer', elementId: 'Timeout' }]);
    expect(h.completedElements()).toEqual(['Start', 'Await', 'Reply', 'Replied']);
    expect(h.variables()).toMatchObject({ answer: 'yes' });
    expect(h.status()).toBe('completed');
  });

  it('should take the timer when it fires first, withdrawing the message subscription', async () => {
    const h = await harnessFor(replyOrTimeout());
    h.start({ caseNo: 'C-6' }).fireTimer('Timeout');
    expect(h.stepAudit()).toEqual(expect.arrayContaining([{ kind: 'message.cancelled', elementId: 'Reply' }]));
    expect(h.completedElements()).toEqual(['Start', 'Await', 'Timeout', 'TimedOut']);
  });
});

describe('error end event at the top', () => {
  it('should raise an incident on an error end event nothing catches', async () => {
    const h = await harnessFor(bpmn([startEvent('Start'), endWith('Fail', '<bpmn:errorEventDefinition errorRef="E1" />'), flow('a', 'Start', 'Fail')]).replace('<bpmn:process', '<bpmn:error id="E1" errorCode="BOOM" /><bpmn:process'));
    h.start();
    expect(h.incidents()).toEqual([{ elementId: 'Fail', kind: 'unhandledError', message: 'error "BOOM" thrown by <Fail> was not caught by any error event' }]);
  });
});
