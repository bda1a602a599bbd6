// Boundary events: timer (interrupting, non-interrupting cycle), message and signal boundaries on tasks and subprocesses;
// an interrupted task is cancelled in the task list and the audit chain.
import { bpmn, chain, endEvent, flow, serviceTask, startEvent, subProcess, userTask } from './bpmn';
import { boundary, messageDef, signalDef, timerDef } from './bpmnEvents';
import { harnessFor } from './harness';

/** Start → Review (user task, with `boundaries`) → Done; each boundary leads to its own end `<id>_End`. */
const reviewWith = (...boundaries: Array<[string, string, boolean]>) =>
  bpmn([
    startEvent('Start'),
    userTask('Review'),
    endEvent('Done'),
    ...chain('Start', 'Review', 'Done'),
    ...boundaries.flatMap(([id, definition, interrupting]) => [boundary(id, 'Review', definition, interrupting), endEvent(`${id}_End`), flow(`${id}_F`, id, `${id}_End`)]),
  ]);

describe('boundary events', () => {
  it('should arm a boundary timer with the task and withdraw it when the task completes', async () => {
    // given a review with a 3-day interrupting deadline
    const h = await harnessFor(reviewWith(['Deadline', timerDef('duration', 'P3D'), true]));

    // when the case starts, then the task and the timer wait side by side
    h.start();
    expect(h.waits().map((w) => [w.elementId, w.kind])).toEqual([['Deadline', 'timer'], ['Review', 'userTask']]);
    expect(h.commands).toEqual(expect.arrayContaining([{ type: 'startTimer', elementId: 'Deadline', dueAt: '2026-01-04T00:00:00.000Z', delayMs: 3 * 86_400_000 }]));

    // when the task is completed in time, then the timer is cancelled (and recorded so) and the case completes
    h.completeTask('Review');
    expect(h.commands).toEqual(expect.arrayContaining([{ type: 'cancelTimer', elementId: 'Deadline' }]));
    expect(h.stepAudit()).toEqual(expect.arrayContaining([{ kind: 'timer.cancelled', elementId: 'Deadline' }]));
    expect(h.status()).toBe('completed');
    expect(h.completedElements()).toEqual(['Start', 'Review', 'Done']);
  });

  it('should interrupt the task when an interrupting timer fires: the task is cancelled and the boundary path taken', async () => {
    // given a review with an interrupting deadline
    const h = await harnessFor(reviewWith(['Deadline', timerDef('duration', 'P3D'), true]));
    h.start();

    // when the deadline passes
    h.fireTimer('Deadline');

    // then the task is closed as cancelled, the task's step is terminated, and the case ends by the boundary's path
    expect(h.commands).toEqual([{ type: 'closeUserTask', elementId: 'Review', outcome: 'cancelled' }]);
    expect(h.stepAudit()).toEqual([
      { kind: 'timer.fired', elementId: 'Deadline' },
      { kind: 'task.cancelled', elementId: 'Review' },
      { kind: 'element.terminated', elementId: 'Review' },
      { kind: 'element.entered', elementId: 'Deadline' },
      { kind: 'element.left', elementId: 'Deadline' },
      { kind: 'element.entered', elementId: 'Deadline_End' },
      { kind: 'element.left', elementId: 'Deadline_End' },
      { kind: 'instance.completed' },
    ]);
    expect(h.status()).toBe('completed');
    expect(h.completedElements()).toEqual(['Start', 'Deadline', 'Deadline_End']);
  });

  it('should fire a non-interrupting cycle R3/PT1H three times while the task stays open', async () => {
    // given a review with an hourly reminder, three times
    const h = await harnessFor(reviewWith(['Remind', timerDef('cycle', 'R3/PT1H'), false]));
    h.start();

    // when the reminder fires three times
    const dues: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      dues.push((h.waits().find((w) => w.kind === 'timer') as { dueAt: string }).dueAt);
      h.fireTimer('Remind');
    }

    // then each firing ran the reminder path once, hour after hour, the task stayed open, and no fourth timer is armed
    expect(dues).toEqual(['2026-01-01T01:00:00.000Z', '2026-01-01T02:00:00.000Z', '2026-01-01T03:00:00.000Z']);
    expect(h.completedElements().filter((id) => id === 'Remind_End')).toHaveLength(3);
    expect(h.waits()).toEqual([{ elementId: 'Review', kind: 'userTask', holder: null }]);
    h.completeTask('Review');
    expect(h.status()).toBe('completed');
  });

  it('should run a non-interrupting message boundary beside the task, as often as the message comes', async () => {
    // given a review that a resident's note may reach at any time
    const h = await harnessFor(reviewWith(['Note', messageDef('note', '=caseNo'), false]));
    h.start({ caseNo: 'C-9' });

    // when two notes arrive
    h.correlate('note', 'C-9', { note: 'first' }).correlate('note', 'C-9', { note: 'second' });

    // then each ran the note path, kept its variables, and the task is still open
    expect(h.completedElements().filter((id) => id === 'Note_End')).toHaveLength(2);
    expect(h.variables()).toMatchObject({ note: 'second' });
    expect(h.activeElements()).toEqual(['Review']);
  });

  it('should interrupt on a message boundary and on a signal boundary', async () => {
    // given a review that a withdrawal message or a "storm" signal interrupts
    const h = await harnessFor(reviewWith(['Withdrawn', messageDef('withdraw', '=caseNo'), true], ['Storm', signalDef('storm'), true]));
    h.start({ caseNo: 'C-1' });

    // when the signal comes, then the review is interrupted, the message subscription withdrawn, and the storm path taken
    h.signal('storm');
    expect(h.stepAudit()).toEqual(expect.arrayContaining([{ kind: 'signal.received', elementId: 'Storm' }, { kind: 'message.cancelled', elementId: 'Withdrawn' }]));
    expect(h.completedElements()).toEqual(['Start', 'Storm', 'Storm_End']);
    expect(h.status()).toBe('completed');
  });

  it('should interrupt a whole subprocess with a timer on it, terminating its inner task and job', async () => {
    // given a subprocess with a user task and a service task in parallel, and a 1-hour timer on the subprocess
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        subProcess('Inspect', [startEvent('S'), userTask('Visit'), serviceTask('Photo', 'camera.take'), endEvent('E1'), endEvent('E2'), flow('a', 'S', 'Visit'), flow('b', 'S', 'Photo'), flow('c', 'Visit', 'E1'), flow('d', 'Photo', 'E2')]),
        endEvent('Done'),
        boundary('Late', 'Inspect', timerDef('duration', 'PT1H')),
        endEvent('Escalated'),
        ...chain('Start', 'Inspect', 'Done'),
        flow('late', 'Late', 'Escalated'),
      ]),
    );
    h.start();
    expect(h.activeElements()).toEqual(['Inspect', 'Photo', 'Visit']);

    // when the hour passes
    h.fireTimer('Late');

    // then the task and the job are withdrawn, each element terminated, and the case ends escalated
    expect(h.commands).toEqual(expect.arrayContaining([{ type: 'closeUserTask', elementId: 'Visit', outcome: 'cancelled' }, { type: 'cancelJob', elementId: 'Photo' }]));
    expect(h.stepAudit().filter((a) => a.kind === 'element.terminated').map((a) => a.elementId).sort()).toEqual(['Inspect', 'Photo', 'Visit']);
    expect(h.completedElements()).toEqual(['Start', 'S', 'Late', 'Escalated']);
    expect(h.status()).toBe('completed');
  });
});
