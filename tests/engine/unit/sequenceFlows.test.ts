// Sequence flows leaving an activity: every unconditional flow is taken, conditional flows when their condition holds,
// the default flow when none does; no flow to take is an incident on the activity.
import { bpmn, chain, endEvent, flow, serviceTask, startEvent, task, userTask } from './bpmn';
import { harnessFor, harnessForFixture } from './harness';

/** A task Check with a flow to A conditioned on `a` and a default flow to Other (declared on the task). */
const defaultFlowModel = () =>
  bpmn([
    startEvent('Start'),
    task('Check', { default: 'ToOther' }),
    userTask('A'),
    userTask('Other'),
    ...chain('Start', 'Check'),
    flow('ToA', 'Check', 'A', '=a'),
    flow('ToOther', 'Check', 'Other'),
  ]);

describe('sequence flows', () => {
  // A service task whose only outgoing flows are conditioned on a and b (no default flow).
  const conditional = () =>
    bpmn([
      startEvent('Start'),
      serviceTask('Check', 'check'),
      userTask('A'),
      userTask('B'),
      ...chain('Start', 'Check'),
      flow('ToA', 'Check', 'A', '=a'),
      flow('ToB', 'Check', 'B', '=b'),
    ]);

  it('should take every unconditional outgoing flow of an activity', async () => {
    // given a task with two plain outgoing flows
    const h = await harnessFor(
      bpmn([startEvent('Start'), task('Split'), userTask('A'), userTask('B'), ...chain('Start', 'Split', 'A'), ...chain('Split', 'B')]),
    );

    // when the case starts
    h.start();

    // then both flows are taken: two tokens wait at A and B
    expect(h.takenFlows()).toEqual(['Start_Split', 'Split_A', 'Split_B']);
    expect(h.activeElements()).toEqual(['A', 'B']);
  });

  it.each([
    [{ a: true, b: true }, ['EndA', 'EndB']],
    [{ a: true, b: false }, ['EndA']],
    [{ a: false, b: true }, ['EndB']],
  ])('should take each conditional flow whose condition holds (%j)', async (variables, ends) => {
    // given a task with outgoing flows conditioned on a and b
    const h = await harnessForFixture('conditional-flows.bpmn');

    // when the case starts
    h.start(variables);

    // then exactly the flows whose condition holds are taken
    expect(h.status()).toBe('completed');
    expect(h.completedElements().filter((id) => id.startsWith('End')).sort()).toEqual(ends);
  });

  it('should evaluate conditions with the result of the job', async () => {
    // given a service task with flows conditioned on a and b
    const h = await harnessFor(conditional());
    h.start({ a: false, b: false });

    // when the job completes with b = true
    h.completeJob('Check', { b: true });

    // then the flow to B is taken with the job's result
    expect(h.activeElements()).toEqual(['B']);
    expect(h.variables()).toEqual({ a: false, b: true });
  });

  it('should take the default flow when no condition holds', async () => {
    // given a task whose conditional flows are on a and b, and a default flow (declared on the task)
    const h = await harnessFor(defaultFlowModel());

    // when the case starts with a = false
    h.start({ a: false });

    // then only the default flow is taken
    expect(h.takenFlows()).toEqual(['Start_Check', 'ToOther']);
    expect(h.activeElements()).toEqual(['Other']);
  });

  it('should NOT take the default flow when a condition holds', async () => {
    // given the same task
    const h = await harnessFor(defaultFlowModel());

    // when the case starts with a = true
    h.start({ a: true });

    // then only the conditional flow is taken
    expect(h.activeElements()).toEqual(['A']);
  });

  it('should raise an incident on the activity when no flow can be taken, and change nothing', async () => {
    // given a service task whose only outgoing flows are conditioned on a and b, and no default
    const h = await harnessFor(conditional());
    h.start({ a: false, b: false });

    // when its job completes with a result that makes neither hold
    h.completeJob('Check', { note: 'x' });

    // then the task holds a noMatchingFlow incident, the token stays there and the result is not applied
    expect(h.incidents()).toEqual([
      { elementId: 'Check', kind: 'noMatchingFlow', message: '<Check> has no outgoing flow whose condition holds and no default flow' },
    ]);
    expect(h.activeElements()).toEqual(['Check']);
    expect(h.waits()).toEqual([]);
    expect(h.variables()).toEqual({ a: false, b: false });
    expect(h.status()).toBe('running');
    expect(h.stepAudit()).toEqual([{ kind: 'incident.raised', elementId: 'Check' }]);
  });

  it('should complete the activity again (without re-running the job) when the incident is resolved', async () => {
    // given the incident above
    const h = await harnessFor(conditional());
    h.start({ a: false, b: false });
    h.completeJob('Check', { note: 'x' });

    // when it is resolved with nothing changed
    h.resolveIncident('Check');

    // then no new job is started; the same result is applied again and the incident comes back
    expect(h.commands).toEqual([]);
    expect(h.incidents()).toEqual([expect.objectContaining({ elementId: 'Check', kind: 'noMatchingFlow' })]);
  });

  it('should raise an expression incident when a condition is neither true nor false', async () => {
    // given a task with a flow conditioned on a
    const h = await harnessFor(
      bpmn([startEvent('Start'), task('Check'), endEvent('End'), ...chain('Start', 'Check'), flow('ToEnd', 'Check', 'End', '=a')]),
    );

    // when the case starts without a
    h.start({});

    // then the task holds an expression incident naming the flow
    expect(h.incidents()).toEqual([
      { elementId: 'Check', kind: 'expression', message: expect.stringMatching(/^condition of flow <ToEnd>: .*must be true or false, got null/) },
    ]);
  });
});
