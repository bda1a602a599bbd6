// Embedded subprocess: its own variable scope (input mappings become its local variables) and tokens; it completes
// when its last token ends, then applies its output mappings and moves on.
import { bpmn, chain, endEvent, gateway, serviceTask, startEvent, subProcess, userTask } from './bpmn';
import { harnessFor, harnessForFixture } from './harness';

/** Start -> Sub(SubStart -> Inner user task -> SubEnd) -> After user task -> End; Sub maps local = count + 10. */
const withSub = (io: { outputs?: Record<string, string> } = {}) =>
  bpmn([
    startEvent('Start'),
    subProcess('Sub', [startEvent('SubStart'), userTask('Inner'), endEvent('SubEnd'), ...chain('SubStart', 'Inner', 'SubEnd')], {
      inputs: { local: '=count + 10' },
      ...io,
    }),
    userTask('After'),
    endEvent('End'),
    ...chain('Start', 'Sub', 'After', 'End'),
  ]);

describe('embedded subprocess', () => {
  it('should activate the subprocess and start a token on its start event', async () => {
    // given a subprocess around user task Inner
    const h = await harnessFor(withSub());

    // when the case starts
    h.start({ count: 1 });

    // then the subprocess and Inner are active, entered in that order
    expect(h.activeElements()).toEqual(['Inner', 'Sub']);
    expect(h.audit().map((a) => a.elementId).filter(Boolean)).toEqual(['Start', 'Start', 'Sub', 'SubStart', 'SubStart', 'Inner', 'Inner']);
  });

  it('should hold input mappings as local variables of the subprocess, visible inside it only', async () => {
    // given the subprocess mapping local = count + 10
    const h = await harnessFor(withSub());

    // when the case starts with count = 1
    h.start({ count: 1 });

    // then local is in the subprocess's scope, not the process's, and Inner sees both
    expect(h.localVariables('Sub')).toEqual({ local: 11 });
    expect(h.variables()).toEqual({ count: 1 });
    expect(h.commands).toEqual([{ type: 'openUserTask', elementId: 'Inner', assignee: undefined, variables: { count: 1, local: 11 } }]);
  });

  it('should set a new variable from inside the subprocess in the process scope', async () => {
    // given the subprocess waiting at Inner
    const h = await harnessFor(withSub());
    h.start({ count: 1 });

    // when Inner completes with a new variable note
    h.completeTask('Inner', { note: 'checked' });

    // then note landed in the process scope and the subprocess's local is gone with it
    expect(h.variables()).toEqual({ count: 1, note: 'checked' });
    expect(h.localVariables('Sub')).toBeUndefined();
  });

  it('should update a local variable of the subprocess where it lives, not in the process scope', async () => {
    // given the subprocess with its local variable local, and a second task inside so it stays active
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        subProcess('Sub', [startEvent('SubStart'), userTask('Inner'), userTask('Inner2'), endEvent('SubEnd'), ...chain('SubStart', 'Inner', 'Inner2', 'SubEnd')], {
          inputs: { local: '=count + 10' },
        }),
        endEvent('End'),
        ...chain('Start', 'Sub', 'End'),
      ]),
    );
    h.start({ count: 1 });

    // when Inner completes with local = 99 and count = 2
    h.completeTask('Inner', { local: 99, count: 2 });

    // then local changed in the subprocess scope only; count (a process variable) changed in the process scope
    expect(h.localVariables('Sub')).toEqual({ local: 99 });
    expect(h.variables()).toEqual({ count: 2 });

    // when the subprocess completes, then its local variable ends with it
    h.completeTask('Inner2');
    expect(h.status()).toBe('completed');
    expect(h.variables()).toEqual({ count: 2 });
  });

  it('should complete when its last token ends, then go on along its outgoing flow', async () => {
    // given the subprocess waiting at Inner
    const h = await harnessFor(withSub());
    h.start({ count: 1 });

    // when Inner completes
    h.completeTask('Inner');

    // then the inner end event completes before the subprocess, and After is active
    expect(h.completedElements().slice(-3)).toEqual(['Inner', 'SubEnd', 'Sub']);
    expect(h.activeElements()).toEqual(['After']);
  });

  it('should NOT complete while a parallel branch inside it is still active', async () => {
    // given a subprocess that forks into user tasks P and Q, each ending on its own
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        subProcess('Sub', [
          startEvent('SubStart'),
          gateway('parallel', 'SubFork'),
          userTask('P'),
          userTask('Q'),
          endEvent('PEnd'),
          endEvent('QEnd'),
          ...chain('SubStart', 'SubFork', 'P', 'PEnd'),
          ...chain('SubFork', 'Q', 'QEnd'),
        ]),
        userTask('After'),
        ...chain('Start', 'Sub', 'After'),
      ]),
    );
    h.start();

    // when P completes, then the subprocess is still active with Q
    h.completeTask('P');
    expect(h.activeElements()).toEqual(['Q', 'Sub']);

    // when Q completes, then the subprocess completes
    h.completeTask('Q');
    expect(h.activeElements()).toEqual(['After']);
  });

  it('should apply its output mappings to the process scope when it completes', async () => {
    // given the subprocess with output fromSub = local * 2
    const h = await harnessFor(withSub({ outputs: { fromSub: '=local * 2' } }));
    h.start({ count: 1 });

    // when Inner completes
    h.completeTask('Inner');

    // then fromSub is in the process scope and local is not
    expect(h.variables()).toEqual({ count: 1, fromSub: 22 });
  });

  it('should keep the subprocess with an incident when an output mapping fails, and complete it once resolved', async () => {
    // given a subprocess whose output asserts approved = true, next to a user task Approve
    const h = await harnessForFixture('subprocess-output-incident.bpmn');
    h.start({ total: 5 });

    // when its job completes before approval
    h.completeJob('Work', {});

    // then the subprocess holds an expression incident and stays active
    expect(h.incidents()).toEqual([{ elementId: 'Sub', kind: 'expression', message: expect.stringContaining('not approved yet') }]);
    expect(h.activeElements()).toEqual(['Approve', 'Sub']);

    // when Approve completes with approved = true and the incident is resolved
    h.completeTask('Approve', { approved: true });
    h.resolveIncident('Sub');

    // then the subprocess completes (its job is not run again) with its output, and the case completes
    expect(h.commands).toEqual([]);
    expect(h.variables()).toMatchObject({ checked: 5 });
    expect(h.status()).toBe('completed');
  });

  it('should withdraw the work inside it when the case is cancelled', async () => {
    // given a subprocess waiting for a job
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        subProcess('Sub', [startEvent('SubStart'), serviceTask('Work', 'work'), endEvent('SubEnd'), ...chain('SubStart', 'Work', 'SubEnd')]),
        endEvent('End'),
        ...chain('Start', 'Sub', 'End'),
      ]),
    );
    h.start();

    // when the case is cancelled
    h.cancel('withdrawn');

    // then the job is cancelled and nothing is active
    expect(h.commands).toEqual([{ type: 'cancelJob', elementId: 'Work' }]);
    expect(h.activeElements()).toEqual([]);
    expect(h.status()).toBe('cancelled');
  });
});
