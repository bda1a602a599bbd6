// Message buffering (Camunda 8, issue 16): with `limits.messageBuffer` every message subscription that opens asks the
// workflow to poll the buffer (pollMessageBuffer) — catch events, receive tasks, boundary events, event subprocess
// starts and event-based gateway targets — and a buffered message is correlated by the same event as a published one.
import { bpmn, chain, endEvent, flow, gateway, startEvent, userTask } from './bpmn';
import { boundary, catchEvent, eventStart, eventSubProcess, messageDef, receiveTask, timerDef } from './bpmnEvents';
import { harnessFor } from './harness';

const BUFFERING = { limits: { messageBuffer: true } };

/** Start → <element> → End, for a waiting element `Await` catching message `reply` by =caseNo. */
const awaiting = (element: string) => bpmn([startEvent('Start'), element, endEvent('End'), ...chain('Start', 'Await', 'End')]);

const poll = (elementId: string, name = 'reply', correlationKey = 'C-1') => ({ type: 'pollMessageBuffer', elementId, name, correlationKey });

describe('message buffering', () => {
  it('should ask to poll the buffer when an intermediate catch event subscribes', async () => {
    // given a catch event for reply keyed by =caseNo, on a case with message buffering
    const h = await harnessFor(awaiting(catchEvent('Await', messageDef('reply', '=caseNo'))), BUFFERING);

    // when the case reaches it
    h.start({ caseNo: 'C-1' });

    // then it subscribes and asks for a buffered reply with key C-1
    expect(h.waits()).toEqual([{ elementId: 'Await', kind: 'message', name: 'reply', correlationKey: 'C-1' }]);
    expect(h.commands).toEqual([poll('Await')]);
  });

  it('should NOT poll the buffer in a case without message buffering (cases recorded before its patch)', async () => {
    // given the same catch event on a case without the flag
    const h = await harnessFor(awaiting(catchEvent('Await', messageDef('reply', '=caseNo'))));

    // when the case reaches it, then it subscribes with no command at all, as before
    h.start({ caseNo: 'C-1' });
    expect(h.commands).toEqual([]);
  });

  it('should poll for a receive task', async () => {
    const h = await harnessFor(awaiting(receiveTask('Await', 'reply', '=caseNo')), BUFFERING);
    h.start({ caseNo: 'C-1' });
    expect(h.commands).toEqual([poll('Await')]);
  });

  it('should poll for a message boundary event beside its task, and move on when the buffered message is correlated', async () => {
    // given a review with an interrupting message boundary "withdraw"
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        userTask('Review'),
        endEvent('Done'),
        ...chain('Start', 'Review', 'Done'),
        boundary('Withdraw', 'Review', messageDef('withdraw', '=caseNo')),
        endEvent('Withdrawn'),
        flow('w', 'Withdraw', 'Withdrawn'),
      ]),
      BUFFERING,
    );

    // when the task opens
    h.start({ caseNo: 'C-1' });

    // then the boundary's subscription polls the buffer
    expect(h.commands).toEqual(expect.arrayContaining([poll('Withdraw', 'withdraw')]));

    // when the buffered message is correlated (the workflow feeds messageCorrelated, as for a published one)
    h.correlate('withdraw', 'C-1', { reason: 'moved away' }, 'bajiao-liaison');

    // then the task is interrupted, the payload arrives and the correlation is audited
    expect(h.stepAudit()).toEqual(expect.arrayContaining([{ kind: 'message.correlated', elementId: 'Withdraw' }, { kind: 'task.cancelled', elementId: 'Review' }]));
    expect(h.variables()).toMatchObject({ reason: 'moved away' });
    expect(h.status()).toBe('completed');
  });

  it('should poll again when a non-interrupting message boundary subscribes again after firing', async () => {
    // given a review with a non-interrupting "remark" boundary
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        userTask('Review'),
        endEvent('Done'),
        ...chain('Start', 'Review', 'Done'),
        boundary('Remark', 'Review', messageDef('remark', '=caseNo'), false),
        endEvent('Noted'),
        flow('r', 'Remark', 'Noted'),
      ]),
      BUFFERING,
    );
    h.start({ caseNo: 'C-1' });

    // when a remark is correlated
    h.correlate('remark', 'C-1');

    // then the boundary waits again and polls the buffer for the next remark
    expect(h.commands).toEqual(expect.arrayContaining([poll('Remark', 'remark')]));
    expect(h.waits().map((w) => w.elementId)).toEqual(['Remark', 'Review']);
  });

  it('should poll for an event subprocess message start while its container runs', async () => {
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        userTask('Review'),
        endEvent('Done'),
        ...chain('Start', 'Review', 'Done'),
        eventSubProcess('Withdraw', [eventStart('WithdrawStart', messageDef('withdraw', '=caseNo')), endEvent('Withdrawn'), ...chain('WithdrawStart', 'Withdrawn')]),
      ]),
      BUFFERING,
    );
    h.start({ caseNo: 'C-1' });
    expect(h.commands).toEqual(expect.arrayContaining([poll('WithdrawStart', 'withdraw')]));
  });

  it('should poll for the message target of an event-based gateway, and withdraw the timer when the message is correlated', async () => {
    // given a gateway waiting for a reply or 7 days
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        gateway('eventBased', 'Await'),
        catchEvent('Reply', messageDef('reply', '=caseNo')),
        catchEvent('Timeout', timerDef('duration', 'P7D')),
        endEvent('Replied'),
        endEvent('TimedOut'),
        flow('f0', 'Start', 'Await'),
        flow('f1', 'Await', 'Reply'),
        flow('f2', 'Await', 'Timeout'),
        ...chain('Reply', 'Replied'),
        ...chain('Timeout', 'TimedOut'),
      ]),
      BUFFERING,
    );

    // when the case reaches the gateway, then the reply target polls the buffer
    h.start({ caseNo: 'C-1' });
    expect(h.commands).toEqual(expect.arrayContaining([poll('Reply')]));

    // when the buffered reply is correlated, then the timer is withdrawn and the reply path taken
    h.correlate('reply', 'C-1');
    expect(h.commands).toEqual(expect.arrayContaining([{ type: 'cancelTimer', elementId: 'Timeout' }]));
    expect(h.completedElements()).toEqual(expect.arrayContaining(['Reply', 'Replied']));
  });
});
