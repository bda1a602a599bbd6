// Start and end events: a none start passes its token on; a none end event ends one token and the process completes with
// its last one; a terminate end event ends every other element instance of its scope.
import { bpmn, chain, endEvent, flow, gateway, serviceTask, startEvent, subProcess, terminateEnd, userTask } from './bpmn';
import { harnessFor } from './harness';

describe('none start event', () => {
  it('should start the case with its variables in the process scope and pass on at once', async () => {
    // given a process Start -> Review (user task)
    const h = await harnessFor(bpmn([startEvent('Start'), userTask('Review'), endEvent('End'), ...chain('Start', 'Review', 'End')]));

    // when the case starts with variables
    h.start({ orderId: 'o-1', amount: 7 });

    // then the variables are in the process scope, the start event completed and the token waits at the task
    expect(h.status()).toBe('running');
    expect(h.variables()).toEqual({ orderId: 'o-1', amount: 7 });
    expect(h.completedElements()).toEqual(['Start']);
    expect(h.activeElements()).toEqual(['Review']);
    expect(h.audit().slice(0, 4)).toEqual([
      { kind: 'instance.started' },
      { kind: 'element.entered', elementId: 'Start' },
      { kind: 'element.left', elementId: 'Start' },
      { kind: 'element.entered', elementId: 'Review' },
    ]);
  });

  it('should refuse a second start of the same case', async () => {
    // given a started case
    const h = await harnessFor(bpmn([startEvent('Start'), userTask('Review'), ...chain('Start', 'Review')]));
    h.start();

    // when it is started again, then the event is refused
    expect(() => h.start()).toThrow('the case has already started');
  });
});

describe('none end event', () => {
  it('should complete the process when its only token reaches a none end event', async () => {
    // given Start -> End
    const h = await harnessFor(bpmn([startEvent('Start'), endEvent('End'), ...chain('Start', 'End')]));

    // when the case starts
    h.start();

    // then the process is completed, nothing is active, and the audit shows the path
    expect(h.status()).toBe('completed');
    expect(h.activeElements()).toEqual([]);
    expect(h.audit()).toEqual([
      { kind: 'instance.started' },
      { kind: 'element.entered', elementId: 'Start' },
      { kind: 'element.left', elementId: 'Start' },
      { kind: 'element.entered', elementId: 'End' },
      { kind: 'element.left', elementId: 'End' },
      { kind: 'instance.completed' },
    ]);
    expect(h.commands).toEqual([]);
  });

  it('should NOT complete the process while another token is still active', async () => {
    // given a fork to a none end event and to a user task
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        gateway('parallel', 'Fork'),
        endEvent('EndNow'),
        userTask('Review'),
        endEvent('EndLater'),
        ...chain('Start', 'Fork', 'EndNow'),
        ...chain('Fork', 'Review', 'EndLater'),
      ]),
    );

    // when the case starts
    h.start();

    // then one branch has ended but the process still runs with the task open
    expect(h.completedElements()).toContain('EndNow');
    expect(h.status()).toBe('running');
    expect(h.activeElements()).toEqual(['Review']);

    // when the task completes, then the last token ends and the process completes
    h.completeTask('Review');
    expect(h.status()).toBe('completed');
    expect(h.stepAudit().slice(-1)).toEqual([{ kind: 'instance.completed' }]);
  });
});

describe('terminate end event', () => {
  const forkToTerminate = () =>
    bpmn([
      startEvent('Start'),
      gateway('parallel', 'Fork'),
      serviceTask('Charge', 'charge'),
      userTask('Review'),
      terminateEnd('Stop'),
      endEvent('End1'),
      endEvent('End2'),
      ...chain('Start', 'Fork'),
      ...chain('Fork', 'Charge', 'End1'),
      ...chain('Fork', 'Review', 'End2'),
      flow('ToStop', 'Fork', 'Stop'),
    ]);

  it('should terminate every other element instance and complete the process', async () => {
    // given a fork to a service task, a user task and a terminate end event
    const h = await harnessFor(forkToTerminate());

    // when the case starts (the job and the task open before the terminate end event is reached)
    h.start();

    // then the process is completed (not cancelled), nothing waits, and the open work is withdrawn
    expect(h.status()).toBe('completed');
    expect(h.activeElements()).toEqual([]);
    expect(h.waits()).toEqual([]);
    expect(h.commands).toEqual(
      expect.arrayContaining([
        { type: 'cancelJob', elementId: 'Charge' },
        { type: 'closeUserTask', elementId: 'Review', outcome: 'cancelled' },
      ]),
    );
    expect(h.completedElements()).not.toContain('End1');
    expect(h.completedElements()).toContain('Stop');
    expect(h.audit().slice(-1)).toEqual([{ kind: 'instance.completed' }]);
    expect(h.stepAudit()).toContainEqual(expect.objectContaining({ kind: 'task.cancelled' }));
  });

  it('should refuse events for element instances it terminated', async () => {
    // given a case ended by a terminate end event
    const h = await harnessFor(forkToTerminate());
    h.start();

    // when the withdrawn job reports late, then there is no job to complete
    expect(() => h.completeJob('Charge', {})).toThrow(/no job waits at <Charge>/);
  });

  it('should terminate only its own subprocess, which then completes and the process goes on', async () => {
    // given a subprocess with a fork to a user task and a terminate end event, followed by a user task After
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        subProcess('Sub', [
          startEvent('SubStart'),
          gateway('parallel', 'SubFork'),
          userTask('Inner'),
          endEvent('InnerEnd'),
          terminateEnd('SubStop'),
          ...chain('SubStart', 'SubFork', 'Inner', 'InnerEnd'),
          flow('ToSubStop', 'SubFork', 'SubStop'),
        ]),
        userTask('After'),
        endEvent('End'),
        ...chain('Start', 'Sub', 'After', 'End'),
      ]),
    );

    // when the case starts
    h.start();

    // then the inner task is withdrawn, the subprocess completed and the process waits at After
    expect(h.status()).toBe('running');
    expect(h.activeElements()).toEqual(['After']);
    expect(h.completedElements()).toEqual(expect.arrayContaining(['SubStop', 'Sub']));
    expect(h.commands).toContainEqual({ type: 'closeUserTask', elementId: 'Inner', outcome: 'cancelled' });
  });
});
