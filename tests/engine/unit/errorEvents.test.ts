// Errors: a job's BPMN error caught by a boundary event by code, else by a catch-all one; an error end event inside a
// subprocess caught by the subprocess's boundary or an error event subprocess; uncaught → an incident, as Camunda 8.
import { bpmn, chain, endEvent, flow, serviceTask, startEvent, subProcess, userTask } from './bpmn';
import { boundary, endWith, errorDef, eventStart, eventSubProcess } from './bpmnEvents';
import { harnessFor } from './harness';

/** Start → Check (job) → Done, with error boundaries `[id, code?]` each leading to `<id>_End`. */
const checkWith = (...catchers: Array<[string, string | undefined]>) =>
  bpmn([
    startEvent('Start'),
    serviceTask('Check', 'permit.check'),
    endEvent('Done'),
    ...chain('Start', 'Check', 'Done'),
    ...catchers.flatMap(([id, code]) => [boundary(id, 'Check', errorDef(code)), endEvent(`${id}_End`), flow(`${id}_F`, id, `${id}_End`)]),
  ]);

describe('error events', () => {
  it('should catch a job\'s BPMN error by its code before a catch-all boundary', async () => {
    // given a check with a boundary for PERMIT_MISSING and a catch-all one
    const h = await harnessFor(checkWith(['AnyError', undefined], ['NoPermit', 'PERMIT_MISSING']));
    h.start();

    // when the job throws PERMIT_MISSING
    h.throwJobError('Check', 'PERMIT_MISSING', 'no permit on file');

    // then the specific boundary caught it, the check was terminated and no incident was raised
    expect(h.stepAudit()).toEqual([
      { kind: 'error.thrown', elementId: 'Check' },
      { kind: 'element.terminated', elementId: 'Check' },
      { kind: 'element.entered', elementId: 'NoPermit' },
      { kind: 'element.left', elementId: 'NoPermit' },
      { kind: 'element.entered', elementId: 'NoPermit_End' },
      { kind: 'element.left', elementId: 'NoPermit_End' },
      { kind: 'instance.completed' },
    ]);
    expect(h.incidents()).toEqual([]);
  });

  it('should hand the error\'s variables to the catching boundary, whose output mappings apply', async () => {
    // given a check whose catch-all boundary maps `something` out
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        serviceTask('Check', 'permit.check'),
        endEvent('Done'),
        boundary('Caught', 'Check', errorDef()),
        endEvent('CaughtEnd'),
        ...chain('Start', 'Check', 'Done'),
        flow('c', 'Caught', 'CaughtEnd'),
      ]).replace('<bpmn:boundaryEvent id="Caught" attachedToRef="Check">', '<bpmn:boundaryEvent id="Caught" attachedToRef="Check"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=something" target="found" /></zeebe:ioMapping></bpmn:extensionElements>'),
    );

    // when the job throws with variables, then the boundary's output mapping saw them
    h.start().throwJobError('Check', 'ANY', 'with data', { something: 'someValue' });
    expect(h.variables()).toEqual({ found: 'someValue' });
    expect(h.status()).toBe('completed');
  });

  it('should catch any other code with the catch-all boundary', async () => {
    const h = await harnessFor(checkWith(['AnyError', undefined], ['NoPermit', 'PERMIT_MISSING']));
    h.start().throwJobError('Check', 'ADDRESS_UNKNOWN');
    expect(h.completedElements()).toEqual(['Start', 'AnyError', 'AnyError_End']);
  });

  it('should raise an unhandledError incident when nothing catches the error, and run the job again when resolved', async () => {
    // given a check with a boundary for another code only
    const h = await harnessFor(checkWith(['NoPermit', 'PERMIT_MISSING']));
    h.start();

    // when the job throws an error no one catches
    h.throwJobError('Check', 'ADDRESS_UNKNOWN', 'address not in the register');

    // then the check has an incident naming the code, the case goes on running
    expect(h.incidents()).toEqual([{ elementId: 'Check', kind: 'unhandledError', message: 'error "ADDRESS_UNKNOWN" thrown by <Check> was not caught by any error event: address not in the register' }]);
    expect(h.status()).toBe('running');

    // when the incident is resolved, then the job runs again
    h.resolveIncident('Check');
    expect(h.commands).toEqual([expect.objectContaining({ type: 'runJob', elementId: 'Check' })]);
  });

  it('should end a subprocess by its error end event, caught by the error boundary on the subprocess', async () => {
    // given a subprocess whose inner path may end with error NOT_FOUND, beside an open user task
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        subProcess('Search', [startEvent('S'), userTask('Ask'), endWith('NotFound', errorDef('NOT_FOUND')), endEvent('Found'), flow('a', 'S', 'Ask'), flow('b', 'Ask', 'NotFound', '=not(found)'), flow('c', 'Ask', 'Found', '=found')]),
        endEvent('Done'),
        boundary('Missing', 'Search', errorDef('NOT_FOUND')),
        userTask('ReportMissing'),
        endEvent('Reported'),
        ...chain('Start', 'Search', 'Done'),
        ...chain('Missing', 'ReportMissing', 'Reported'),
      ]),
    );
    h.start();

    // when the task finds nothing
    h.completeTask('Ask', { found: false });

    // then the error end event threw, the subprocess was terminated and the boundary path opened its task
    expect(h.stepAudit()).toEqual(expect.arrayContaining([{ kind: 'error.thrown', elementId: 'NotFound' }, { kind: 'element.terminated', elementId: 'Search' }]));
    expect(h.activeElements()).toEqual(['ReportMissing']);
    expect(h.incidents()).toEqual([]);
  });

  it('should catch an error in an error event subprocess of the process, ending the rest of the process', async () => {
    // given a process whose job may throw, a parallel user task, and an error event subprocess catching every error
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        serviceTask('Check', 'permit.check'),
        userTask('Wait'),
        endEvent('E1'),
        endEvent('E2'),
        flow('a', 'Start', 'Check'),
        flow('b', 'Start', 'Wait'),
        flow('c', 'Check', 'E1'),
        flow('d', 'Wait', 'E2'),
        eventSubProcess('OnError', [eventStart('ErrorStart', errorDef()), userTask('Clean'), endEvent('Cleaned'), ...chain('ErrorStart', 'Clean', 'Cleaned')]),
      ]),
    );
    h.start();

    // when the job throws
    h.throwJobError('Check', 'BROKEN');

    // then the user task was cancelled and the event subprocess runs; once it is done the case completes
    expect(h.commands).toEqual(expect.arrayContaining([{ type: 'closeUserTask', elementId: 'Wait', outcome: 'cancelled' }]));
    expect(h.activeElements()).toEqual(['Clean', 'OnError']);
    h.completeTask('Clean');
    expect(h.status()).toBe('completed');
  });
});
