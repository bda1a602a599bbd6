// Intermediate timer catch events: a duration, a date and FEEL-computed timers, run as Temporal timers.
import path from 'node:path';
import { completedIds, runCase } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

describe('intermediate timer catch event', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should wait for a PT1S duration, then go on', async () => {
    // given a timer catch event of PT1S
    // when a case starts
    const started = Date.now();
    const c = await runCase(stack, fixture('timer-duration.bpmn'));

    // then the token waits at the timer
    const waiting = await c.state();
    expect(waiting.activeElements.map((a) => a.elementId)).toEqual(['Wait']);

    // and the case completes about a second later
    expect(await c.result()).toMatchObject({ status: 'completed' });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(5_000);
    const wait = (await c.state()).completed.find((e) => e.elementId === 'Wait');
    expect(Date.parse(wait?.endedAt ?? '') - Date.parse(wait?.startedAt ?? '')).toBeGreaterThanOrEqual(1_000);
  });

  it('should fire at once for a date that has passed', async () => {
    // given a timer catch event with the date 2020-01-01T00:00:00Z
    // when a case starts
    const c = await runCase(stack, fixture('timer-date.bpmn'));

    // then it completes without waiting
    expect(await c.result()).toMatchObject({ status: 'completed' });
    expect(completedIds(await c.state())).toEqual(['Start', 'Wait', 'End']);
  });

  it('should wait for a FEEL duration and then until a FEEL date', async () => {
    // given a timer with duration =delay, then one with date =date and time(due)
    const due = new Date(Date.now() + 2_500).toISOString();

    // when a case starts with delay PT1S and a due date 2.5 s ahead
    const c = await runCase(stack, fixture('timer-feel.bpmn'), { variables: { delay: 'PT1S', due } });

    // then the first timer waits a second, the second until the date
    const first = await c.until((s) => s.activeElements.some((a) => a.elementId === 'WaitUntil'), 'the first timer to fire');
    const firstTimer = first.completed.find((e) => e.elementId === 'WaitFor');
    expect(Date.parse(firstTimer?.endedAt ?? '') - Date.parse(firstTimer?.startedAt ?? '')).toBeGreaterThanOrEqual(1_000);
    expect(await c.result()).toMatchObject({ status: 'completed' });
    const second = (await c.state()).completed.find((e) => e.elementId === 'WaitUntil');
    expect(Date.parse(second?.endedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(due));
  });

  it('should raise an incident when a FEEL timer is not an ISO 8601 text', async () => {
    // given the FEEL duration timer
    // when a case starts with a number, then one with a text that is no duration
    const number = await runCase(stack, fixture('timer-feel.bpmn'), { variables: { delay: 5, due: '2020-01-01T00:00:00Z' } });
    const text = await runCase(stack, fixture('timer-feel.bpmn'), { variables: { delay: 'soon', due: '2020-01-01T00:00:00Z' } });

    // then each timer holds an incident that says why
    const a = await number.until((s) => s.incidents.length > 0, 'an incident');
    const b = await text.until((s) => s.incidents.length > 0, 'an incident');
    expect(a.incidents).toEqual([expect.objectContaining({ elementId: 'WaitFor', kind: 'expression', message: 'timer of <WaitFor> must be an ISO 8601 text, got 5' })]);
    expect(b.incidents).toEqual([expect.objectContaining({ elementId: 'WaitFor', message: 'timer of <WaitFor>: "soon" is not an ISO 8601 duration' })]);
    await number.cancel();
    await text.cancel();
  });
});
