// Timer intermediate catch event: a duration or a date arms a timer; firing moves on; cancelling the case withdraws it.
import { bpmn, chain, endEvent, startEvent, timerCatch } from './bpmn';
import { harnessFor } from './harness';

const START = '2026-01-01T00:00:00.000Z';

/** A timer catch event `Wait` on a date (`timeDate`), as the builder only writes durations. */
const dateCatch = (date: string) =>
  `<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${date}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;

const around = (timer: string) => bpmn([startEvent('Start'), timer, endEvent('End'), ...chain('Start', 'Wait', 'End')]);

describe('timer intermediate catch event', () => {
  it('should arm a timer due after its duration and wait', async () => {
    // given a timer catch event waiting PT1H
    const h = await harnessFor(around(timerCatch('Wait', 'PT1H')), { startAt: START });

    // when the case starts
    h.start();

    // then a timer is started, due in one hour, and the event waits for it
    expect(h.commands).toEqual([{ type: 'startTimer', elementId: 'Wait', dueAt: '2026-01-01T01:00:00.000Z', delayMs: 3_600_000 }]);
    expect(h.waits()).toEqual([{ elementId: 'Wait', kind: 'timer', dueAt: '2026-01-01T01:00:00.000Z' }]);
    expect(h.activeElements()).toEqual(['Wait']);
  });

  it('should count the duration from when the token arrives', async () => {
    // given a case that reaches its PT30M timer two hours after the fake clock's start
    const h = await harnessFor(around(timerCatch('Wait', 'PT30M')), { startAt: START });

    // when the case starts then
    h.advance(2 * 3_600_000).start();

    // then the timer is due 30 minutes later
    expect(h.waits()).toEqual([{ elementId: 'Wait', kind: 'timer', dueAt: '2026-01-01T02:30:00.000Z' }]);
  });

  it('should take its duration from a FEEL expression', async () => {
    // given a timer whose duration is the variable delay
    const h = await harnessFor(around(timerCatch('Wait', '=delay')), { startAt: START });

    // when the case starts with delay P1D, then the timer is due a day later
    h.start({ delay: 'P1D' });
    expect(h.waits()).toEqual([{ elementId: 'Wait', kind: 'timer', dueAt: '2026-01-02T00:00:00.000Z' }]);
  });

  it('should arm a timer due at its date', async () => {
    // given a timer catch event on 2026-03-01T08:00:00Z
    const h = await harnessFor(around(dateCatch('2026-03-01T08:00:00Z')), { startAt: START });

    // when the case starts
    h.start();

    // then the timer is due at that date, with the delay from now
    expect(h.commands).toEqual([
      { type: 'startTimer', elementId: 'Wait', dueAt: '2026-03-01T08:00:00.000Z', delayMs: Date.parse('2026-03-01T08:00:00Z') - Date.parse(START) },
    ]);
  });

  it('should arm a timer with no delay when its date has passed', async () => {
    // given a timer catch event on a date before the case starts
    const h = await harnessFor(around(dateCatch('2020-01-01T00:00:00Z')), { startAt: START });

    // when the case starts, then the timer is due at once
    h.start();
    expect(h.commands).toEqual([expect.objectContaining({ type: 'startTimer', elementId: 'Wait', delayMs: 0 })]);
  });

  it('should move on when its timer fires', async () => {
    // given a case waiting on a PT1H timer
    const h = await harnessFor(around(timerCatch('Wait', 'PT1H')), { startAt: START });
    h.start();

    // when the timer fires
    h.fireTimer('Wait');

    // then the event completes (at the due time) and so does the case
    expect(h.now()).toBe('2026-01-01T01:00:00.000Z');
    expect(h.waits()).toEqual([]);
    expect(h.status()).toBe('completed');
    expect(h.stepAudit()).toEqual([
      { kind: 'timer.fired', elementId: 'Wait' },
      { kind: 'element.left', elementId: 'Wait' },
      { kind: 'element.entered', elementId: 'End' },
      { kind: 'element.left', elementId: 'End' },
      { kind: 'instance.completed' },
    ]);
  });

  it('should cancel its timer when the case is cancelled', async () => {
    // given a case waiting on a PT1H timer
    const h = await harnessFor(around(timerCatch('Wait', 'PT1H')), { startAt: START });
    h.start();

    // when the case is cancelled
    h.cancel('the resident withdrew the request');

    // then the timer is cancelled and nothing waits
    expect(h.commands).toEqual([{ type: 'cancelTimer', elementId: 'Wait' }]);
    expect(h.waits()).toEqual([]);
    expect(h.status()).toBe('cancelled');
  });

  it('should raise an incident when its duration is no ISO 8601 text', async () => {
    // given a timer whose duration is the variable delay
    const h = await harnessFor(around(timerCatch('Wait', '=delay')), { startAt: START });

    // when the case starts with a number of seconds instead of a duration
    h.start({ delay: 60 });

    // then the timer event has an expression incident and nothing is armed
    expect(h.incidents()).toEqual([{ elementId: 'Wait', kind: 'expression', message: 'timer of <Wait> must be an ISO 8601 text, got 60' }]);
    expect(h.commands).toEqual([]);
  });
});
