// Variables a case may hold: the size limit per case, and the reserved name __proto__.
import { bpmn, chain, endEvent, messageCatch, scriptTask, serviceTask, startEvent, userTask } from './bpmn';
import { harnessFor, type Vars } from './harness';

const LIMIT = 200;
const limits = { maxVariableBytes: LIMIT };

/** A text of `n` characters (its JSON takes n + 2 bytes). */
const text = (n: number) => 'x'.repeat(n);

/** Variables with an own entry named __proto__ (as a JSON request body would carry it). */
const protoVars = (value: unknown): Vars => JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`) as Vars;

/** Grow (a service task), then Review (a user task), then AwaitReply (a message catch keyed by caseNo). */
const growReviewReply = bpmn([
  startEvent('Start'),
  serviceTask('Grow', 'blob.grow', { retries: 1 }),
  userTask('Review'),
  messageCatch('AwaitReply', 'reply', '=caseNo'),
  endEvent('End'),
  ...chain('Start', 'Grow', 'Review', 'AwaitReply', 'End'),
]);

describe('variable size limit', () => {
  it('should refuse to start a case whose variables exceed the limit', async () => {
    // given a limit of 200 bytes, when a case starts with a larger variable, then the start is refused
    const h = await harnessFor(growReviewReply, { limits });
    expect(() => h.start({ blob: text(LIMIT) })).toThrow(`event start refused: variables would exceed the limit of ${LIMIT} bytes per case`);
    expect(h.activeElements()).toEqual([]);
  });

  it('should raise an incident when a job result would exceed the limit, and leave the variables as they were', async () => {
    // given a case waiting for the Grow job
    const h = await harnessFor(growReviewReply, { limits });
    h.start({ caseNo: 7 });

    // when the job returns more than the limit
    h.completeJob('Grow', { blob: text(LIMIT) });

    // then Grow has a variables incident naming the limit; nothing was set and Review did not open
    expect(h.incidents()).toEqual([{ elementId: 'Grow', kind: 'variables', message: `variables of the instance would exceed ${LIMIT} bytes (set by <Grow>)` }]);
    expect(h.variables()).toEqual({ caseNo: 7 });
    expect(h.activeElements()).toEqual(['Grow']);

    // when the incident is resolved, then the same result is applied again and fails again (the job is not re-run)
    h.resolveIncident('Grow');
    expect(h.commands).toEqual([]);
    expect(h.incidents()).toEqual([expect.objectContaining({ elementId: 'Grow', kind: 'variables' })]);
  });

  it('should refuse a task completion whose variables would exceed the limit, and keep the task open', async () => {
    // given a case waiting at Review
    const h = await harnessFor(growReviewReply, { limits });
    h.start({ caseNo: 7 }).completeJob('Grow', {});

    // when Review is completed with too much data, then that is refused and the task stays open
    expect(() => h.completeTask('Review', { notes: text(LIMIT) })).toThrow(/variables would exceed the limit of 200 bytes per case/);
    expect(h.waits()).toEqual([{ elementId: 'Review', kind: 'userTask', holder: null }]);
    expect(h.variables()).toEqual({ caseNo: 7 });
  });

  it('should refuse a message correlation whose payload would exceed the limit, and keep waiting', async () => {
    // given a case waiting for the reply message
    const h = await harnessFor(growReviewReply, { limits });
    h.start({ caseNo: 7 }).completeJob('Grow', {}).completeTask('Review', {});

    // when a reply carries too much data, then the correlation is refused and the event still waits
    expect(() => h.correlate('reply', '7', { body: text(LIMIT) })).toThrow(/variables would exceed the limit/);
    expect(h.waits()).toEqual([{ elementId: 'AwaitReply', kind: 'message', name: 'reply', correlationKey: '7' }]);
  });

  it('should judge a result by the variables it leaves behind, so a replaced value counts once', async () => {
    // given a case holding a 120-byte variable under a 200-byte limit
    const h = await harnessFor(growReviewReply, { limits });
    h.start({ blob: text(118) });

    // when the job replaces it by a value of the same size (the case would still hold 120 bytes of it)
    h.completeJob('Grow', { blob: text(118).toUpperCase() });

    // then the case holds the new value, and no incident is raised
    expect(h.incidents()).toEqual([]);
    expect(h.variables().blob).toBe(text(118).toUpperCase());
  });
});

describe('reserved variable name __proto__', () => {
  it('should refuse to start a case with a variable named __proto__', async () => {
    // given a model, when a case starts with __proto__, then the start is refused
    const h = await harnessFor(growReviewReply);
    expect(() => h.start(protoVars({ polluted: true }))).toThrow('event start refused: variables must not be named __proto__');
  });

  it('should refuse a task completion or a message with a variable named __proto__', async () => {
    // given a case waiting at Review
    const h = await harnessFor(growReviewReply);
    h.start({ caseNo: 7 }).completeJob('Grow', {});

    // then completing Review with __proto__ is refused and the task stays open
    expect(() => h.completeTask('Review', protoVars({ polluted: true }))).toThrow(/variables must not be named __proto__/);
    expect(h.waits()).toEqual([expect.objectContaining({ elementId: 'Review', kind: 'userTask' })]);

    // and, once Review is done, so is a reply message with __proto__
    h.completeTask('Review', {});
    expect(() => h.correlate('reply', '7', protoVars({ polluted: true }))).toThrow(/variables must not be named __proto__/);
  });

  it('should raise an incident when a job returns a variable named __proto__', async () => {
    // given a case waiting for the Grow job
    const h = await harnessFor(growReviewReply);
    h.start({ caseNo: 7 });

    // when the job returns __proto__, then Grow has an incident and the variables are unchanged
    h.completeJob('Grow', protoVars({ polluted: true }));
    expect(h.incidents()).toEqual([{ elementId: 'Grow', kind: 'jobFailed', message: 'the job of <Grow> returned a variable named __proto__' }]);
    expect(h.variables()).toEqual({ caseNo: 7 });
  });

  it('should not run a script task whose result variable is __proto__: the compiler refuses the model', async () => {
    // given a script task whose result variable is __proto__
    const xml = bpmn([startEvent('Start'), scriptTask('Pollute', '={ polluted: true }', '__proto__'), endEvent('End'), ...chain('Start', 'Pollute', 'End')]);

    // when it is compiled, then it is refused, naming the element and the reserved name
    await expect(harnessFor(xml)).rejects.toThrow(/"elementId":"Pollute","code":"script-invalid".*__proto__/);
  });
});
