// The thin end-to-end slice: sign in -> deploy -> start -> task in MongoDB -> complete through the API -> case completed.
import fs from 'node:fs';
import path from 'node:path';
import { type ApiSession, type ApiStack, startApiStack } from '../support/api';
import { eventually } from '../support/wait';

const xml = fs.readFileSync(path.join(__dirname, 'fixtures/single-approval.bpmn'), 'utf8');

describe('a case from deployment to completion', () => {
  let stack: ApiStack;
  let owner: ApiSession;
  let staff: ApiSession;
  beforeAll(async () => {
    stack = await startApiStack();
    owner = await stack.as('bajiao-owner');
    staff = await stack.as('bajiao-staff');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should deploy, start, list, complete and finish a user-task process', async () => {
    // given a deployed process
    const deployed = await owner.post('/api/deployments', { xml, note: 'first' }).expect(201);
    expect(deployed.body).toMatchObject({ created: true, key: 'single-approval', version: 1, name: '单次审批' });
    expect(deployed.body.sha256).toMatch(/^[0-9a-f]{64}$/);

    // when a case is started
    const started = await staff
      .post('/api/instances', { definitionKey: 'single-approval', businessKey: 'WJ-2026-001', street: 'bajiao', variables: { 'reporter.name': '张三' } })
      .expect(201);
    expect(started.body).toMatchObject({ id: 'single-approval:WJ-2026-001', version: 1 });

    // then its task appears in the MongoDB-backed task list
    const task = await eventually(async () => {
      const res = await staff.get('/api/tasks').query({ instanceId: started.body.id, status: 'open' }).expect(200);
      return res.body.items[0];
    }, 'the review task');
    expect(task).toMatchObject({ elementId: 'Review', name: '核查', candidateGroups: ['enforcement'], street: 'bajiao', businessKey: 'WJ-2026-001' });

    // when the task is completed through the API (a Temporal update)
    const completed = await staff.post(`/api/tasks/${encodeURIComponent(task.id)}/complete`, { variables: { verdict: 'confirmed' } }).expect(200);
    expect(completed.body.status).toBe('completed');

    // then the workflow completes with the variables, and the read models say so
    const result = await stack.client.workflow.getHandle(started.body.id).result();
    expect(result).toMatchObject({ status: 'completed', variables: { 'reporter.name': '张三', verdict: 'confirmed' } });
    const instance = await eventually(async () => {
      const res = await staff.get(`/api/instances/${encodeURIComponent(started.body.id)}`).expect(200);
      return res.body.status === 'completed' ? res.body : undefined;
    }, 'the completed summary');
    expect(instance.state.completed.map((c: { elementId: string }) => c.elementId)).toEqual(['Start', 'Review', 'End']);
    const closed = await staff.get(`/api/tasks/${encodeURIComponent(task.id)}`).expect(200);
    expect(closed.body).toMatchObject({ status: 'completed', completedBy: 'bajiao-staff' });

    // and the definition is listed for the designer
    const list = await staff.get('/api/definitions').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ key: 'single-approval', version: 1, name: '单次审批' })]);
  });

  it('should refuse a second case with the same business key with 409', async () => {
    // given a deployed process and a running case
    await owner.post('/api/deployments', { xml }).expect(200);
    await staff.post('/api/instances', { definitionKey: 'single-approval', businessKey: 'WJ-2026-002' }).expect(201);

    // when the same business key is started again
    const duplicate = await staff.post('/api/instances', { definitionKey: 'single-approval', businessKey: 'WJ-2026-002' }).expect(409);

    // then the answer is a problem naming the conflict
    expect(duplicate.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(duplicate.body).toMatchObject({ status: 409, code: 'duplicate-business-key' });
  });

  it('should NOT complete a task twice', async () => {
    // given a case whose task was completed
    await staff.post('/api/instances', { definitionKey: 'single-approval', businessKey: 'WJ-2026-003' }).expect(201);
    const task = await eventually(async () => {
      const res = await staff.get('/api/tasks').query({ instanceId: 'single-approval:WJ-2026-003' });
      return res.body.items[0];
    }, 'the task');
    await staff.post(`/api/tasks/${encodeURIComponent(task.id)}/complete`, {}).expect(200);

    // when it is completed again
    const again = await staff.post(`/api/tasks/${encodeURIComponent(task.id)}/complete`, {}).expect(409);

    // then it is refused as closed
    expect(again.body.code).toBe('task-closed');
  });

  it('should answer 422 with element-named problems for a diagram it cannot run', async () => {
    // given a diagram whose gateway has unconditioned flows and no default
    const bad = xml.replace('<bpmn:endEvent id="End"', '<bpmn:exclusiveGateway id="Gate" /><bpmn:endEvent id="End"').replace(
      '<bpmn:sequenceFlow id="Flow_2" sourceRef="Review" targetRef="End" />',
      '<bpmn:sequenceFlow id="Flow_2" sourceRef="Review" targetRef="Gate" /><bpmn:sequenceFlow id="Flow_3" sourceRef="Gate" targetRef="End" /><bpmn:sequenceFlow id="Flow_4" sourceRef="Gate" targetRef="End" />',
    );

    // when it is deployed
    const res = await owner.post('/api/deployments', { xml: bad }).expect(422);

    // then the problem list names the gateway
    expect(res.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: 'Gate' })]));
  });
});
