// Negative timer durations (Camunda 8, issue 16): a timeDuration such as -PT5M is accepted and its timer is due at
// once — the Temporal timer is asked for with no delay; a cycle's interval must still be positive.
import { bpmn, chain, endEvent, flow, startEvent, timerCatch, userTask } from './bpmn';
import { boundary, timerDef } from './bpmnEvents';
import { compileXml, harnessFor } from './harness';

describe('negative timer durations', () => {
  it('should accept -PT5M on an intermediate timer and ask for a timer due 5 minutes ago, with no delay', async () => {
    // given a catch event waiting -PT5M
    const h = await harnessFor(bpmn([startEvent('Start'), timerCatch('Wait', '-PT5M'), endEvent('End'), ...chain('Start', 'Wait', 'End')]));

    // when the case starts at 2026-01-01T00:00Z
    h.start();

    // then the timer is due in the past and fires at once
    expect(h.commands).toEqual([{ type: 'startTimer', elementId: 'Wait', dueAt: '2025-12-31T23:55:00.000Z', delayMs: 0 }]);
    h.fireTimer('Wait');
    expect(h.status()).toBe('completed');
  });

  it('should fire a negative boundary timer at once and interrupt its task', async () => {
    // given a review whose interrupting deadline is -PT1M
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        userTask('Review'),
        endEvent('Done'),
        ...chain('Start', 'Review', 'Done'),
        boundary('Deadline', 'Review', timerDef('duration', '-PT1M')),
        endEvent('Late'),
        flow('late', 'Deadline', 'Late'),
      ]),
    );

    // when the task opens, then its deadline timer has no delay
    h.start();
    expect(h.commands).toEqual(expect.arrayContaining([{ type: 'startTimer', elementId: 'Deadline', dueAt: '2025-12-31T23:59:00.000Z', delayMs: 0 }]));

    // when it fires, then the review is cancelled and the deadline path taken
    h.fireTimer('Deadline');
    expect(h.stepAudit()).toEqual(expect.arrayContaining([{ kind: 'task.cancelled', elementId: 'Review' }]));
    expect(h.completedElements()).toEqual(expect.arrayContaining(['Deadline', 'Late']));
  });

  it('should NOT accept a negative interval in a cycle', async () => {
    // given a non-interrupting boundary repeating every -PT1M
    const xml = bpmn([
      startEvent('Start'),
      userTask('Review'),
      endEvent('Done'),
      ...chain('Start', 'Review', 'Done'),
      boundary('Remind', 'Review', timerDef('cycle', 'R3/-PT1M'), false),
      endEvent('Reminded'),
      flow('remind', 'Remind', 'Reminded'),
    ]);

    // when it is compiled, then the cycle is refused
    await expect(compileXml(xml)).rejects.toThrow(/timeCycle of boundaryEvent <Remind> is \\"R3\/-PT1M\\", which is not an ISO 8601 repeating interval/);
  });
});
