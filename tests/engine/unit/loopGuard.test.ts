// The loop guard: a thread of control that runs more than maxStepsWithoutWait elements in a row without a wait state is
// stopped with an incident, so a loop cannot hang the case; a wait state (or resolving the incident) gives a fresh
// budget, and parallel branches each count their own run (a wide fan-out is no loop).
import { bpmn, chain, endEvent, flow, gateway, serviceTask, startEvent, userTask } from './bpmn';
import { harnessFor, harnessForFixture } from './harness';

describe('loop guard', () => {
  it('should complete a loop that stays under the limit', async () => {
    // given a loop Merge -> Inc (n + 1) -> Again back to Merge until n >= limit, and a limit of 20 activations
    const h = await harnessForFixture('loop.bpmn', { limits: { maxStepsWithoutWait: 20 } });

    // when the case starts with 5 rounds to go (about 17 activations)
    h.start({ n: 0, limit: 5 });

    // then it completes without an incident
    expect(h.status()).toBe('completed');
    expect(h.variables()).toEqual({ n: 5, limit: 5 });
    expect(h.incidents()).toEqual([]);
  });

  it('should stop the token with a loopGuard incident after the limit', async () => {
    // given the same loop and limit
    const h = await harnessForFixture('loop.bpmn', { limits: { maxStepsWithoutWait: 20 } });

    // when the case starts with far more rounds than the limit allows
    h.start({ n: 0, limit: 1000 });

    // then the element reached after 21 in a row is entered and stopped; the rounds done so far stay done; the case still runs
    const [incident] = h.incidents();
    expect(incident).toEqual({ kind: 'loopGuard', elementId: expect.any(String), message: `more than 20 steps without a wait state; stopped at <${incident.elementId}>` });
    expect(h.audit().filter((a) => a.kind === 'element.entered')).toHaveLength(22);
    expect(h.variables().n).toBe(7);
    expect(h.status()).toBe('running');
  });

  it('should go on with a fresh budget when the incident is resolved', async () => {
    // given the loop stopped by the guard with 8 rounds to go
    const h = await harnessForFixture('loop.bpmn', { limits: { maxStepsWithoutWait: 20 } });
    h.start({ n: 0, limit: 8 });
    expect(h.incidents()).toHaveLength(1);

    // when the incident is resolved
    h.resolveIncident(h.incidents()[0].elementId);

    // then the loop runs on and the case completes
    expect(h.incidents()).toEqual([]);
    expect(h.status()).toBe('completed');
    expect(h.variables().n).toBe(8);
  });

  it('should count each parallel branch on its own, so a fan-out wider than the limit runs', async () => {
    // given a parallel split into 30 tasks and a join, under a limit of 5 in a row
    const ids = Array.from({ length: 30 }, (_, i) => `T${i}`);
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        gateway('parallel', 'Split'),
        ...ids.map((id) => serviceTask(id, 'bench.step')),
        gateway('parallel', 'Join'),
        endEvent('End'),
        flow('F0', 'Start', 'Split'),
        ...ids.flatMap((id) => [flow(`In${id}`, 'Split', id), flow(`Out${id}`, id, 'Join')]),
        flow('F9', 'Join', 'End'),
      ]),
      { limits: { maxStepsWithoutWait: 5 } },
    );

    // when the case starts and every job completes
    h.start();
    expect(h.waits()).toHaveLength(30);
    for (const id of ids) h.completeJob(id);

    // then no incident was raised and the case completed
    expect(h.incidents()).toEqual([]);
    expect(h.status()).toBe('completed');
  });

  it('should count activations per step, so a loop through a wait state never trips it', async () => {
    // given a loop through user task Ask, a limit of 5 activations
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        gateway('exclusive', 'Merge'),
        userTask('Ask'),
        gateway('exclusive', 'Again', 'Back'),
        endEvent('End'),
        ...chain('Start', 'Merge', 'Ask', 'Again'),
        flow('Done', 'Again', 'End', '=done'),
        flow('Back', 'Again', 'Merge'),
      ]),
      { limits: { maxStepsWithoutWait: 5 } },
    );
    h.start({ done: false });

    // when Ask completes ten times (each round is 3 activations)
    for (let i = 0; i < 10; i += 1) h.completeTask('Ask', { done: false });

    // then no incident was raised and Ask is open again; the last round ends the case
    expect(h.incidents()).toEqual([]);
    expect(h.activeElements()).toEqual(['Ask']);
    h.completeTask('Ask', { done: true });
    expect(h.status()).toBe('completed');
  });
});
