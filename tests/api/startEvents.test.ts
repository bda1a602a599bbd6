// Timer and message start events through the API: a timer start event is a Temporal Schedule (created on deploy,
// replaced by a newer version, deleted on retirement) whose firing starts a case; a message no case waits for starts a
// case at a message start event, one per correlation key at a time.
import { ScheduleNotFoundError } from '@temporalio/client';
import { timerScheduleId } from '../../server/services/timerSchedules';
import { Task } from '../../store/models';
import { type ApiStack, enc, startApiStack } from '../support/api';
import { instanceOf, summaryWhere } from '../support/cases';
import { eventually } from '../support/wait';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"';

/** A monthly meeting: timer start event `Monthly` (the cycle given) -> user task `Meeting` -> end. */
const meetingXml = (cycle: string, name = '月度例会') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs_meeting" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="monthly-meeting" name="${name}" isExecutable="true">
    <bpmn:startEvent id="Monthly"><bpmn:timerEventDefinition><bpmn:timeCycle>${cycle}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
    <bpmn:userTask id="Meeting" name="召开例会" />
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Monthly" targetRef="Meeting" />
    <bpmn:sequenceFlow id="F2" sourceRef="Meeting" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

/** An incident report: message start event `Reported` (message `incident-reported`) -> user task `Triage` -> end. */
const reportXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs_report" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="Msg_reported" name="incident-reported" />
  <bpmn:process id="incident-report" name="事件上报" isExecutable="true">
    <bpmn:startEvent id="Reported"><bpmn:messageEventDefinition messageRef="Msg_reported" /></bpmn:startEvent>
    <bpmn:userTask id="Triage" name="分拨" />
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Reported" targetRef="Triage" />
    <bpmn:sequenceFlow id="F2" sourceRef="Triage" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

const SCHEDULE_ID = timerScheduleId('monthly-meeting', 'Monthly');

describe('process start events through the API', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(async () => {
    // no schedule outlives the test (a schedule left behind would start cases later)
    await stack?.client.schedule.getHandle(SCHEDULE_ID).delete().catch(() => undefined);
    await stack?.stop();
  });

  it('should keep a timer start event as a Temporal Schedule from deploy to retirement, starting a case when it fires', async () => {
    // given a process whose timer start event repeats monthly from 1 January 2026, 09:00 in Beijing
    const owner = await stack.as('owner');
    await owner.post('/api/deployments', { xml: meetingXml('R/2026-01-01T09:00:00+08:00/P1M') }).expect(201);

    // then its schedule exists: on the 1st of every month at 09:00 in UTC+8, starting bpmnProcess at the timer start event
    const handle = stack.client.schedule.getHandle(SCHEDULE_ID);
    const described = await handle.describe();
    expect(described.spec.timezone).toBe('Etc/GMT-8');
    expect(described.spec.calendars).toEqual([
      expect.objectContaining({ dayOfMonth: [{ start: 1, end: 1, step: 1 }], hour: [{ start: 9, end: 9, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] }),
    ]);
    expect(described.policies).toMatchObject({ overlap: 'ALLOW_ALL', catchupWindow: 86_400_000 });
    expect(described.action).toMatchObject({ workflowType: 'bpmnProcess', workflowId: 'monthly-meeting:Monthly', taskQueue: stack.taskQueue });
    expect(described.memo).toEqual({ version: 1, sha256: expect.any(String) });

    // and an identical redeploy leaves it alone
    await owner.post('/api/deployments', { xml: meetingXml('R/2026-01-01T09:00:00+08:00/P1M') }).expect(200);
    expect((await handle.describe()).info.createdAt).toEqual(described.info.createdAt);

    // when the schedule fires
    await handle.trigger();

    // then a case starts whose business key is the start event and the fire time, with its summary row and task
    const row = await eventually(() => summaryWhere({ definitionKey: 'monthly-meeting' }).then((r) => r ?? undefined), 'the scheduled case\'s summary row');
    expect(row.businessKey).toMatch(/^Monthly-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(row).toMatchObject({ _id: `monthly-meeting:${row.businessKey}`, definitionVersion: 1, street: null, startedBy: 'system:timer', status: 'running' });
    const task = await eventually(() => Task.findOne({ instanceId: row._id }).lean().then((t) => t ?? undefined), 'the meeting task');
    expect(task).toMatchObject({ elementId: 'Meeting', status: 'open', businessKey: row.businessKey });
    const admin = await stack.as('admin');
    const view = await admin.get(`/api/instances/${enc(row._id)}`).expect(200);
    expect(view.body.state.completed.map((e: { elementId: string }) => e.elementId)).toEqual(['Monthly']);

    // when a newer version is deployed (a cron cycle: 09:00 on the 1st)
    await owner.post('/api/deployments', { xml: meetingXml('0 0 9 1 * ?', '月度例会（第二版）') }).expect(201);

    // then the schedule is replaced by one of version 2, read in the district's zone
    const replaced = await handle.describe();
    expect(replaced.memo).toEqual({ version: 2, sha256: expect.any(String) });
    expect(replaced.spec.timezone).toBe('Asia/Shanghai');
    expect((replaced.action as { args: Array<{ definition: { version: number } }> }).args[0].definition.version).toBe(2);

    // when the definition is retired
    const retired = await owner.post('/api/definitions/monthly-meeting/retire', {}).expect(200);

    // then its schedule is gone, and the API starts no case of it
    expect(retired.body).toMatchObject({ key: 'monthly-meeting', retiredBy: 'owner', schedulesRemoved: [SCHEDULE_ID] });
    await expect(handle.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    const refused = await admin.post('/api/instances', { definitionKey: 'monthly-meeting', businessKey: 'M-1', street: 'bajiao' }).expect(409);
    expect(refused.body.code).toBe('definition-retired');
    await admin.post(`/api/instances/${enc(row._id)}/cancel`, { reason: 'test over' }).expect(200);
  });

  it('should start a case at a message start event once per correlation key while it runs', async () => {
    // given a process started by message "incident-reported"
    const owner = await stack.as('owner');
    await owner.post('/api/deployments', { xml: reportXml }).expect(201);
    const commander = await stack.as('bajiao-commander');

    // when a message comes that no case waits for
    const first = await commander.post('/api/messages', { name: 'incident-reported', correlationKey: 'INC-1', variables: { site: 'A-12' } }).expect(200);

    // then it starts a case in the commander's street, keyed by the correlation key, with the message's variables;
    // the message stays buffered for its default time-to-live (PT1H), already correlated to this process (Camunda 8)
    expect(first.body).toEqual({
      name: 'incident-reported',
      correlationKey: 'INC-1',
      correlated: [],
      started: [{ id: 'incident-report:INC-1', definitionKey: 'incident-report', version: 1, businessKey: 'INC-1' }],
      running: [],
      buffered: { id: expect.any(String), expiresAt: expect.any(String) },
    });
    const view = await commander.get(`/api/instances/${enc('incident-report:INC-1')}`).expect(200);
    expect(view.body).toMatchObject({ street: 'bajiao', startedBy: 'bajiao-commander', state: { variables: { site: 'A-12' } } });

    // when the same correlation key comes again while that case runs, then no second case starts
    const again = await commander.post('/api/messages', { name: 'incident-reported', correlationKey: 'INC-1' }).expect(200);
    expect(again.body).toMatchObject({ correlated: [], started: [], running: ['incident-report:INC-1'] });

    // when another correlation key comes, then it starts its own case
    const other = await commander.post('/api/messages', { name: 'incident-reported', correlationKey: 'INC-2' }).expect(200);
    expect(other.body.started).toEqual([{ id: 'incident-report:INC-2', definitionKey: 'incident-report', version: 1, businessKey: 'INC-2' }]);

    // when the first case has ended, then its key starts a new case, numbered
    await commander.post(`/api/instances/${enc('incident-report:INC-1')}/cancel`, { reason: 'test' }).expect(200);
    await eventually(() => instanceOf('incident-report:INC-1').then((r) => (r?.status === 'cancelled' ? r : undefined)), 'the first case cancelled');
    const later = await commander.post('/api/messages', { name: 'incident-reported', correlationKey: 'INC-1' }).expect(200);
    expect(later.body.started).toEqual([{ id: 'incident-report:INC-1#2', definitionKey: 'incident-report', version: 1, businessKey: 'INC-1#2' }]);

    // and POST /api/instances cannot start it, having no none start event
    const refused = await commander.post('/api/instances', { definitionKey: 'incident-report', businessKey: 'INC-9' }).expect(422);
    expect(refused.body.code).toBe('no-none-start-event');
    for (const id of ['incident-report:INC-2', 'incident-report:INC-1#2']) await commander.post(`/api/instances/${enc(id)}/cancel`, { reason: 'test over' }).expect(200);
  });
});
