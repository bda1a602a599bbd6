// POST /api/messages with Camunda 8's message semantics (docs.camunda.io/docs/components/concepts/messages/): message
// buffering with a time-to-live, uniqueness by messageId, cardinality (one case per process, the one waiting longest),
// and Sparrow's opt-in broadcast. Real servers: Temporal dev server, FerretDB, the worker.
import { purgeExpiredMessages } from '../../store/messageBuffer';
import { Instance, MessageBuffer } from '../../store/models';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { instanceOf } from '../support/cases';
import { eventually } from '../support/wait';
import { deployFixtures, uniqueKey, waitingCase } from './fixtures';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"';

/** A second process waiting for the same message `report-received` by =caseNo, at a receive task. */
const receiptXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs_receipt" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="Msg_report" name="report-received"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseNo" /></bpmn:extensionElements></bpmn:message>
  <bpmn:process id="report-receipt" name="报到回执" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:receiveTask id="Receipt" name="收到报到" messageRef="Msg_report" />
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Receipt" />
    <bpmn:sequenceFlow id="F2" sourceRef="Receipt" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

const MESSAGE = 'report-received';

describe('POST /api/messages as in Camunda 8', () => {
  let stack: ApiStack;
  let admin: ApiSession;
  let commander: ApiSession;
  beforeAll(async () => {
    stack = await startApiStack();
    const owner = await stack.as('owner');
    await deployFixtures(stack, owner);
    await owner.post('/api/deployments', { xml: receiptXml }).expect((r) => expect([200, 201]).toContain(r.status));
    admin = await stack.as('admin');
    commander = await stack.as('bajiao-commander');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Starts a report-receipt case waiting for `caseNo` in `street`; returns its id once its summary shows it at Receipt. */
  async function receiptCase(caseNo: string, street = 'bajiao'): Promise<string> {
    const res = await admin.post('/api/instances', { definitionKey: 'report-receipt', businessKey: uniqueKey('RC'), street, variables: { caseNo } }).expect(201);
    const id = res.body.id as string;
    await eventually(() => instanceOf(id).then((r) => (r?.currentElements?.includes('Receipt') ? r : undefined)), `${id} waiting at Receipt`);
    return id;
  }

  /** Starts a case without waiting for it to reach its catch event (it may take a buffered message on the way). */
  async function startAwaitReport(caseNo: string, street = 'bajiao'): Promise<string> {
    const res = await admin.post('/api/instances', { definitionKey: 'await-report', businessKey: uniqueKey('AR'), street, variables: { caseNo } }).expect(201);
    return res.body.id as string;
  }

  /**
   * Waits until case `id` has looked in the message buffer for the wait it opened (the takeBufferedMessage activity
   * completed): a message published with a time-to-live before that may be taken by the case from the buffer instead.
   */
  const bufferChecked = (id: string) =>
    eventually(async () => {
      const events = (await stack.client.workflow.getHandle(id).fetchHistory()).events ?? [];
      const takes = new Set(events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'takeBufferedMessage').map((e) => String(e.eventId)));
      return events.some((e) => takes.has(String(e.activityTaskCompletedEventAttributes?.scheduledEventId))) || undefined;
    }, `${id} looked in the message buffer`);

  const statusOf = (id: string) => instanceOf(id).then((r) => r?.status);
  const completed = (id: string) => eventually(() => instanceOf(id).then((r) => (r?.status === 'completed' ? r : undefined)), `${id} completed`);
  const variablesOf = async (id: string) => (await admin.get(`/api/instances/${enc(id)}`).expect(200)).body.state.variables as Record<string, unknown>;

  it('should buffer a message no case awaits and correlate it when a case of the publisher\'s streets reaches its catch event within the time-to-live', async () => {
    // given no case waiting for report-received with key BUF-1
    const key = uniqueKey('BUF');

    // when bajiao's commander publishes it with a time-to-live of 10 minutes
    const published = await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, variables: { arrivedAt: '09:30' }, timeToLive: 'PT10M' }).expect(200);

    // then it reached no case and is buffered until 10 minutes from now
    expect(published.body).toMatchObject({ correlated: [], started: [], running: [], buffered: { id: expect.any(String), expiresAt: expect.any(String) } });
    const ttl = Date.parse(published.body.buffered.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);

    // when a lugu case (not the publisher's street) and then a bajiao case reach the catch event
    const lugu = await waitingCase(admin, key, 'lugu');
    const bajiao = await startAwaitReport(key);

    // then the bajiao case takes the buffered message and completes with its variables, the correlation audited as the publisher's
    await completed(bajiao);
    expect(await variablesOf(bajiao)).toMatchObject({ caseNo: key, arrivedAt: '09:30' });
    const audit = (await admin.get(`/api/instances/${enc(bajiao)}/audit`).expect(200)).body.rows as Array<{ kind: string; actor: string; elementId: string | null }>;
    expect(audit.filter((r) => r.kind === 'message.correlated')).toEqual([expect.objectContaining({ actor: 'bajiao-commander', elementId: 'AwaitReport' })]);
    expect((await admin.post(`/api/instances/${enc(bajiao)}/audit/verify`).expect(200)).body.ok).toBe(true);

    // and the lugu case did not: a message published to lugu without buffering reaches it
    const direct = await admin.post('/api/messages', { name: MESSAGE, correlationKey: key, variables: { arrivedAt: '10:00' }, timeToLive: 'PT0S' }).expect(200);
    expect(direct.body.correlated).toEqual([{ id: lugu, status: 'completed' }]);
    expect(await variablesOf(lugu)).toMatchObject({ arrivedAt: '10:00' });
  });

  it('should reach a waiting case whose summary predates waitingMessages, found by its current element', async () => {
    // given a case waiting at Receipt whose summary was written before the list of awaited messages existed
    const key = uniqueKey('OLD');
    const id = await receiptCase(key);
    await Instance.updateOne({ _id: id }, { $unset: { waitingMessages: 1 } });
    expect((await Instance.findById(id).lean())?.waitingMessages).toBeUndefined();

    // when the message is published without buffering
    const published = await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, timeToLive: 'PT0S' }).expect(200);

    // then it reached that case, which completed
    expect(published.body.correlated).toEqual([{ id, status: 'completed' }]);
  });

  it('should NOT correlate a buffered message once its time-to-live has passed, and the purge removes it', async () => {
    // given a message buffered for 1 second
    const key = uniqueKey('TTL');
    const published = await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, variables: { stale: true }, timeToLive: 'PT1S' }).expect(200);
    const expiresAt = Date.parse(published.body.buffered.expiresAt);
    await eventually(async () => (Date.now() > expiresAt ? true : undefined), 'the time-to-live passing', 10_000);

    // when a case reaches the catch event after that
    const id = await waitingCase(admin, key);

    // then it keeps waiting: the next message (not buffered) is the one it takes
    const fresh = await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, variables: { fresh: true }, timeToLive: 'PT0S' }).expect(200);
    expect(fresh.body.correlated).toEqual([{ id, status: 'completed' }]);
    const variables = await variablesOf(id);
    expect(variables).toMatchObject({ fresh: true });
    expect(variables.stale).toBeUndefined();

    // and the server's purge removes the expired row
    expect(await MessageBuffer.countDocuments({ _id: published.body.buffered.id })).toBe(1);
    await purgeExpiredMessages();
    expect(await MessageBuffer.countDocuments({ _id: published.body.buffered.id })).toBe(0);
  });

  it('should refuse a message whose messageId, name and correlation key equal one still buffered (409), and take it with another key', async () => {
    // given a message with messageId M-1 buffered for 10 minutes
    const key = uniqueKey('MID');
    const messageId = uniqueKey('M');
    await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, messageId, timeToLive: 'PT10M' }).expect(200);

    // when it is published again, buffered or not, and with the same messageId under another correlation key
    const again = await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, messageId, timeToLive: 'PT10M' }).expect(409);
    const unbuffered = await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, messageId, timeToLive: 'PT0S' }).expect(409);
    const otherKey = await commander.post('/api/messages', { name: MESSAGE, correlationKey: `${key}-b`, messageId, timeToLive: 'PT10M' }).expect(200);

    // then the duplicates are refused, naming the message and until when it is buffered; the other key is buffered
    expect(again.body).toMatchObject({ status: 409, code: 'message-already-published', messageId, expiresAt: expect.any(String) });
    expect(unbuffered.body.code).toBe('message-already-published');
    expect(otherKey.body.buffered).toMatchObject({ messageId });
    expect(await MessageBuffer.countDocuments({ correlationKey: key })).toBe(1);
  });

  it('should correlate a message to one waiting case of a process, the one waiting longest, and the next message to the next case', async () => {
    // given two cases of await-report waiting for the same key, the first one longer
    const key = uniqueKey('CARD');
    const first = await waitingCase(admin, key);
    const second = await waitingCase(admin, key);

    // when one message comes
    const one = await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, variables: { n: 1 }, timeToLive: 'PT0S' }).expect(200);

    // then only the first case took it; the second still waits
    expect(one.body.correlated).toEqual([{ id: first, status: 'completed' }]);
    expect(await statusOf(second)).toBe('running');

    // when a second message comes, then the second case takes it
    const two = await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, variables: { n: 2 }, timeToLive: 'PT0S' }).expect(200);
    expect(two.body.correlated).toEqual([{ id: second, status: 'completed' }]);
    expect(await variablesOf(first)).toMatchObject({ n: 1 });
    expect(await variablesOf(second)).toMatchObject({ n: 2 });
  });

  it('should correlate a message once per process: to the longest-waiting case of each process that waits for it', async () => {
    // given two await-report cases and one report-receipt case waiting for the same key
    const key = uniqueKey('PROC');
    const reportFirst = await waitingCase(admin, key);
    const reportSecond = await waitingCase(admin, key);
    const receipt = await receiptCase(key);

    // when one message comes
    const res = await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, timeToLive: 'PT0S' }).expect(200);

    // then one case of each process took it
    expect(res.body.correlated.map((c: { id: string }) => c.id).sort()).toEqual([reportFirst, receipt].sort());
    expect(await statusOf(reportSecond)).toBe('running');
    await commander.post(`/api/instances/${enc(reportSecond)}/cancel`, { reason: 'test over' }).expect(200);
  });

  it('should keep a correlated message buffered for the other processes: a case of another process takes it later, a case of the same process does not', async () => {
    // given an await-report case waiting for the key
    const key = uniqueKey('BPROC');
    const report = await waitingCase(admin, key);
    await bufferChecked(report);

    // when the message is published with a time-to-live of 10 minutes
    const res = await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, variables: { from: 'buffer' }, timeToLive: 'PT10M' }).expect(200);

    // then the waiting case takes it at once, and it stays buffered
    expect(res.body.correlated).toEqual([{ id: report, status: 'completed' }]);
    expect(res.body.buffered).toMatchObject({ expiresAt: expect.any(String) });

    // when a report-receipt case subscribes later, then it takes the buffered message (another process)
    const receiptId = (await admin.post('/api/instances', { definitionKey: 'report-receipt', businessKey: uniqueKey('RC'), street: 'bajiao', variables: { caseNo: key } }).expect(201)).body.id as string;
    await completed(receiptId);
    expect(await variablesOf(receiptId)).toMatchObject({ from: 'buffer' });

    // when a second await-report case subscribes, then it does not take it (its process had it): the next message reaches it
    const later = await waitingCase(admin, key);
    const next = await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, variables: { from: 'next' }, timeToLive: 'PT0S' }).expect(200);
    expect(next.body.correlated).toEqual([{ id: later, status: 'completed' }]);
    expect(await variablesOf(later)).toMatchObject({ from: 'next' });
    const row = await MessageBuffer.findOne({ correlationKey: key }).lean();
    expect([...(row?.correlatedProcesses ?? [])].sort()).toEqual(['await-report', 'report-receipt']);
  });

  it('should deliver to every waiting case on an opt-in broadcast by a street commander, and refuse the broadcast to other roles', async () => {
    // given two await-report cases waiting for the same key
    const key = uniqueKey('BC');
    const cases = [await waitingCase(admin, key), await waitingCase(admin, key)];

    // when enforcement staff asks for a broadcast, then it is refused and nothing is delivered
    const staff = await stack.as('bajiao-staff');
    const refused = await staff.post('/api/messages', { name: MESSAGE, correlationKey: key, broadcast: true, timeToLive: 'PT0S' }).expect(403);
    expect(refused.body.code).toBe('broadcast-not-allowed');

    // when the commander broadcasts it, then both cases take it
    const res = await commander.post('/api/messages', { name: MESSAGE, correlationKey: key, broadcast: true, timeToLive: 'PT0S' }).expect(200);
    expect(res.body.correlated.map((c: { id: string }) => c.id).sort()).toEqual([...cases].sort());
  });

  it('should refuse a time-to-live that is negative, over 30 days or no ISO 8601 duration, naming the field', async () => {
    for (const timeToLive of ['-PT1M', 'P31D', '10 minutes']) {
      // when
      const res = await commander.post('/api/messages', { name: MESSAGE, correlationKey: 'X-1', timeToLive }).expect(400);

      // then
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.timeToLive' })]);
    }
    expect(await MessageBuffer.countDocuments({ correlationKey: 'X-1' })).toBe(0);
  });
});
