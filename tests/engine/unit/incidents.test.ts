// Incident resolution: an element stopped before its work is entered again; one stopped after it completes again.
import { bpmn, chain, endEvent, flow, gateway, serviceTask, startEvent, userTask } from './bpmn';
import { harnessFor } from './harness';

/** A service task Print between start and end. */
const printing = bpmn([startEvent('Start'), serviceTask('Print', 'printer.print', { retries: 2 }), endEvent('End'), ...chain('Start', 'Print', 'End')]);

/**
 * A fork into Enter (a user task whose output mapping asserts `approved`) and Approve (a user task setting it),
 * as in tests/engine/elements/fixtures/user-task-output-incident.bpmn.
 */
const enterThenApprove = bpmn([
  startEvent('Start'),
  gateway('parallel', 'Fork'),
  userTask('Enter', { outputs: { checkedAmount: '=assert(amount, approved = true, "not approved yet")' } }),
  userTask('Approve'),
  endEvent('End'),
  endEvent('ApproveEnd'),
  flow('F1', 'Start', 'Fork'),
  flow('F2', 'Fork', 'Enter'),
  flow('F3', 'Enter', 'End'),
  flow('F4', 'Fork', 'Approve'),
  flow('F5', 'Approve', 'ApproveEnd'),
]);

describe('incident resolution', () => {
  it('should run a failed job again when its incident is resolved', async () => {
    // given a service task whose job failed after its last retry
    const h = await harnessFor(printing);
    h.start({ copies: 2 }).failJob('Print', 'the printer is on fire');

    // when the incident is resolved
    h.resolveIncident('Print');

    // then the job is asked for again, the task waits for it and the incident is gone; the element is not entered anew
    expect(h.commands).toEqual([{ type: 'runJob', elementId: 'Print', jobType: 'printer.print', retries: 2, variables: { copies: 2 } }]);
    expect(h.waits()).toEqual([{ elementId: 'Print', kind: 'job', jobType: 'printer.print' }]);
    expect(h.incidents()).toEqual([]);
    expect(h.stepAudit()).toEqual([{ kind: 'incident.resolved', elementId: 'Print' }]);

    // when the job now completes, then the case completes
    h.completeJob('Print', { printed: true });
    expect(h.status()).toBe('completed');
    expect(h.variables()).toEqual({ copies: 2, printed: true });
  });

  it('should raise a new incident when the job fails again after the resolution', async () => {
    // given a failed job whose incident was resolved
    const h = await harnessFor(printing);
    h.start().failJob('Print', 'the printer is on fire').resolveIncident('Print');

    // when it fails again, then there is one incident, with the new message
    h.failJob('Print', 'still on fire');
    expect(h.incidents()).toEqual([{ elementId: 'Print', kind: 'jobFailed', message: 'still on fire' }]);
  });

  it('should complete a task whose output mapping failed again with its result, without reopening it, when resolved', async () => {
    // given a case whose Enter task was completed with amount 10 before Approve set approved
    const h = await harnessFor(enterThenApprove);
    h.start().completeTask('Enter', { amount: 10 });

    // then the output mapping failed: an incident on Enter, whose result did not reach the case
    expect(h.incidents()).toEqual([{ elementId: 'Enter', kind: 'expression', message: expect.stringContaining('not approved yet') }]);
    expect(h.variables()).toEqual({});
    expect(h.waits()).toEqual([{ elementId: 'Approve', kind: 'userTask', holder: null }]);

    // when Approve sets approved and the incident is resolved
    h.completeTask('Approve', { approved: true });
    h.resolveIncident('Enter');

    // then Enter completes with the result it was given (amount 10): no task is reopened, the case completes
    expect(h.commands).toEqual([]);
    expect(h.variables()).toEqual({ approved: true, checkedAmount: 10 });
    expect(h.incidents()).toEqual([]);
    expect(h.status()).toBe('completed');
    expect(h.stepAudit()).toEqual([
      { kind: 'incident.resolved', elementId: 'Enter' },
      { kind: 'variables.changed', elementId: 'Enter' },
      { kind: 'element.left', elementId: 'Enter' },
      { kind: 'element.entered', elementId: 'End' },
      { kind: 'element.left', elementId: 'End' },
      { kind: 'instance.completed' },
    ]);
  });

  it('should not run a job again when its output mapping failed after the job completed', async () => {
    // given a service task whose output mapping asserts that the job's result has a receipt
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        serviceTask('Pay', 'payment.charge', { outputs: { receipt: '=assert(receipt, receipt != null, "no receipt")' } }),
        endEvent('End'),
        ...chain('Start', 'Pay', 'End'),
      ]),
    );
    h.start();

    // when the job completes without a receipt, then the output mapping raises an incident
    h.completeJob('Pay', { charged: true });
    expect(h.incidents()).toEqual([{ elementId: 'Pay', kind: 'expression', message: expect.stringContaining('no receipt') }]);

    // when the incident is resolved, then the job is not asked for again (no second charge): the same result is mapped again
    h.resolveIncident('Pay');
    expect(h.commands).toEqual([]);
    expect(h.waits()).toEqual([]);
    expect(h.incidents()).toEqual([{ elementId: 'Pay', kind: 'expression', message: expect.stringContaining('no receipt') }]);
  });

  it('should raise the incident again when the output mapping still fails on resolution', async () => {
    // given the failed Enter output mapping, with Approve not done yet
    const h = await harnessFor(enterThenApprove);
    h.start().completeTask('Enter', { amount: 10 });

    // when the incident is resolved without fixing its cause, then a new incident stops Enter again
    h.resolveIncident('Enter');
    expect(h.incidents()).toEqual([{ elementId: 'Enter', kind: 'expression', message: expect.stringContaining('not approved yet') }]);
    expect(h.activeElements()).toEqual(['Approve', 'Enter']);
  });

  it('should let the rest of the case go on while one element has an incident', async () => {
    // given the failed Enter output mapping
    const h = await harnessFor(enterThenApprove);
    h.start().completeTask('Enter', { amount: 10 });

    // when the other branch completes, then its end is reached while the incident stays and the case runs
    h.completeTask('Approve', { approved: false });
    expect(h.completedElements()).toEqual(['Start', 'Fork', 'Approve', 'ApproveEnd']);
    expect(h.incidents()).toHaveLength(1);
    expect(h.status()).toBe('running');
  });

  it('should refuse to resolve an incident that is not open', async () => {
    // given a case without incidents, then resolving one at Print fails
    const h = await harnessFor(printing);
    h.start();
    expect(() => h.resolveIncident('Print')).toThrow(/no incident at <Print>/);
  });
});
