// The residents' service desk on the real stack (issue 17): the demo seed deploys the shipped templates with their
// forms (once); a resident places a 志愿服务工单 through its start form, the street's volunteers take it and record the
// service, and the resident who placed it — named by the process's initiator variable — rates it; GET /api/me/cases
// tells the resident how each order stands at every step, and only their own.
import { pageOf } from '../../contracts/api/common';
import { myCaseView, myCaseStep } from '../../contracts/api/myCases';
import { DefinitionVersion, Form } from '../../store/models';
import { seedTemplates } from '../../server/seed/templates';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { nonConformance, servedOpenApi } from '../support/openapiConformance';
import { eventually } from '../support/wait';
import { uniqueKey } from './fixtures';

const KEY = 'volunteer-service-order';
const order = { serviceType: 'repair', address: '八角北路 12 号 3 单元 501', description: '厨房水龙头漏水，家中只有老人', phone: '13800138000' };

interface MyCase {
  id: string;
  processName: string | null;
  icon: string | null;
  status: string;
  openSteps: Array<{ taskId: string; name: string | null; assignee: string | null; assigneeName: string | null; forMe: boolean }>;
  rating: number | null;
}

describe('a volunteer service order', () => {
  let stack: ApiStack;
  let resident: ApiSession;
  let volunteer: ApiSession;
  let deployed: string[];
  beforeAll(async () => {
    stack = await startApiStack();
    deployed = await seedTemplates(stack.client, stack.taskQueue);
    resident = await stack.as('bajiao-resident');
    volunteer = await stack.as('bajiao-volunteer');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const myCases = async (session: ApiSession) => (await session.get('/api/me/cases').expect(200)).body.items as MyCase[];
  const myCase = async (session: ApiSession, id: string) => (await myCases(session)).find((c) => c.id === id);

  it('should deploy the shipped templates with their forms once, as the demo seed of a fresh start', async () => {
    // then the service order is deployed with its three forms pinned, by nobody (the seed)
    expect(deployed).toContain(KEY);
    const version = await DefinitionVersion.findOne({ key: KEY }).lean();
    expect(version).toMatchObject({ version: 1, deployedBy: null });
    expect(version?.forms.map((f) => f.formId).sort()).toEqual(['vs-order', 'vs-rating', 'vs-service']);
    expect(await Form.countDocuments({ _id: { $in: ['vs-order', 'vs-rating', 'vs-service'] } })).toBe(3);

    // and a second run (a restart) deploys nothing
    expect(await seedTemplates(stack.client, stack.taskQueue)).toEqual([]);
    expect(await DefinitionVersion.countDocuments({ key: KEY })).toBe(1);
  });

  it('should offer the resident the service order with its description and icon, and not the enforcement processes', async () => {
    // when
    const res = await resident.get('/api/definitions?startable=true').expect(200);

    // then
    const items = res.body.items as Array<{ key: string; description: string | null; icon: string | null }>;
    expect(items.map((d) => d.key)).toEqual([KEY]);
    expect(items[0].icon).toBe('volunteer');
    expect(items[0].description).toContain('志愿者接单');
  });

  it('should refuse a start that sends the initiator variable itself (it is no field of the start form)', async () => {
    const res = await resident.post('/api/instances', { definitionKey: KEY, businessKey: uniqueKey('GD'), variables: { ...order, orderedBy: 'lugu-resident' } }).expect(422);
    expect(res.body.code).toBe('invalid-form-data');
    expect(JSON.stringify(res.body.errors)).toContain('orderedBy');
  });

  it('should carry an order from 下单 through 接单 and the service to the rating by the resident who placed it, telling the resident each step', async () => {
    // when the resident places an order through the start form
    const started = await resident.post('/api/instances', { definitionKey: KEY, businessKey: uniqueKey('GD'), variables: order }).expect(201);
    const id = started.body.id as string;

    // then the case holds the resident as its initiator, and 我的工单 says it waits for a volunteer
    const state = await resident.get(`/api/instances/${enc(id)}`).expect(200);
    expect(state.body.state.variables).toMatchObject({ ...order, orderedBy: 'bajiao-resident' });
    const waiting = await eventually(async () => {
      const c = await myCase(resident, id);
      return c?.openSteps.length ? c : undefined;
    }, 'the order to show its open step');
    expect(waiting).toMatchObject({ processName: '志愿服务工单', icon: 'volunteer', status: 'running', rating: null });
    expect(waiting.openSteps).toEqual([expect.objectContaining({ name: '志愿者接单服务', assignee: null, assigneeName: null, candidateGroups: ['volunteers'], forMe: false })]);
    const taskId = waiting.openSteps[0].taskId;

    // and the street's volunteers see it among the open orders they may take; the other street's do not
    const open = await volunteer.get('/api/tasks?myGroups=true&status=open').expect(200);
    expect((open.body.items as Array<{ id: string }>).map((t) => t.id)).toContain(taskId);
    await (await stack.as('lugu-volunteer')).get(`/api/tasks/${enc(taskId)}`).expect(404);

    // when a volunteer takes it: the resident is told who serves
    await volunteer.post(`/api/tasks/${enc(taskId)}/claim`, {}).expect(200);
    const serving = await eventually(async () => {
      const c = await myCase(resident, id);
      return c?.openSteps[0]?.assignee ? c : undefined;
    }, 'the order to show its volunteer');
    expect(serving.openSteps).toEqual([expect.objectContaining({ assignee: 'bajiao-volunteer', assigneeName: '八角街道志愿者', forMe: false })]);

    // and the volunteer's task page shows the order (read-only fields of the service form)
    const task = await volunteer.get(`/api/tasks/${enc(taskId)}`).expect(200);
    expect(task.body.variables).toMatchObject({ address: order.address, phone: order.phone });
    // and is due a day after it opened (the 24-hour reminder's time)
    expect(Math.abs(Date.parse(task.body.dueDate) - Date.parse(task.body.createdAt) - 24 * 3600_000)).toBeLessThan(60_000);

    // when the volunteer records the service
    await volunteer.post(`/api/tasks/${enc(taskId)}/complete`, { variables: { serviceNote: '已更换水龙头阀芯，试水无渗漏', serviceHours: 1 } }).expect(200);

    // then the rating step is the resident's own, and no one else's
    const toRate = await eventually(async () => {
      const c = await myCase(resident, id);
      return c?.openSteps[0]?.name === '评价服务' ? c : undefined;
    }, 'the rating step');
    expect(toRate.openSteps).toEqual([expect.objectContaining({ assignee: 'bajiao-resident', forMe: true })]);
    const rateId = toRate.openSteps[0].taskId;
    await (await stack.as('lugu-resident')).get(`/api/tasks/${enc(rateId)}`).expect(404);
    await volunteer.post(`/api/tasks/${enc(rateId)}/complete`, { variables: { rating: 1 } }).expect(404);

    // when the resident rates it
    await resident.post(`/api/tasks/${enc(rateId)}/complete`, { variables: { rating: 5, review: '来得很及时，谢谢！' } }).expect(200);

    // then 我的工单 shows it completed with the rating
    const done = await eventually(async () => {
      const c = await myCase(resident, id);
      return c?.status === 'completed' ? c : undefined;
    }, 'the order to complete');
    expect(done).toMatchObject({ openSteps: [], rating: 5 });

    // and the answers of the service desk's routes are the ones the OpenAPI document describes, no field more or less
    const doc = await servedOpenApi(stack.app);
    const [cases, startable] = await Promise.all([resident.get('/api/me/cases'), resident.get('/api/definitions?startable=true')]);
    expect([...nonConformance(doc, 'get', '/api/me/cases', cases), ...nonConformance(doc, 'get', '/api/definitions', startable)]).toEqual([]);
    pageOf(myCaseView.extend({ openSteps: myCaseStep.strict().array() }).strict()).parse(cases.body);
  });

  it('should tell a resident that a step naming no one is not theirs to do, while staff of the street may take it', async () => {
    // given a process whose only step names no assignee or candidates (street-wide roles may take it; residents may not)
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="desk-open-step" name="咨询" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:userTask id="Answer" name="答复咨询" />
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Answer" />
    <bpmn:sequenceFlow id="F2" sourceRef="Answer" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
    await (await stack.as('owner')).post('/api/deployments', { xml }).expect(201);
    const staff = await stack.as('bajiao-staff');
    const byResident = await resident.post('/api/instances', { definitionKey: 'desk-open-step', businessKey: uniqueKey('ZX') }).expect(201);
    const byStaff = await staff.post('/api/instances', { definitionKey: 'desk-open-step', businessKey: uniqueKey('ZX') }).expect(201);

    // when each reads their own cases once the step has opened
    const stepOf = async (session: ApiSession, id: string) =>
      eventually(async () => (await myCase(session, id))?.openSteps[0], 'the open step');

    // then it waits for staff, not for the resident (whose task list does not hold it either)
    expect(await stepOf(resident, byResident.body.id)).toMatchObject({ name: '答复咨询', forMe: false });
    expect(await stepOf(staff, byStaff.body.id)).toMatchObject({ name: '答复咨询', forMe: true });
    const residentTasks = await resident.get(`/api/tasks?instanceId=${enc(byResident.body.id)}`).expect(200);
    expect(residentTasks.body.items).toEqual([]);
  });

  it("should list only the caller's own cases: not the resident's orders to staff or volunteers' colleagues", async () => {
    // given an order by the resident
    const started = await resident.post('/api/instances', { definitionKey: KEY, businessKey: uniqueKey('GD'), variables: order }).expect(201);

    // then staff of the same street (who see the case) do not have it among their own cases, nor does the other street's resident
    const ofStaff = await myCases(await stack.as('bajiao-staff'));
    expect(ofStaff.map((c) => c.id)).not.toContain(started.body.id);
    expect(await myCases(await stack.as('lugu-resident'))).toEqual([]);
    // and volunteers, who start nothing, may not ask
    await volunteer.get('/api/me/cases').expect(403);
  });
});
