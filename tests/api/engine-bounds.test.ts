// Issue 10, defects 5, 9 and 10 through the API on the real stack: a FEEL expression over its budget is an incident in
// a gateway and a 422 in a form rule; a due date that is no date is an incident (the completion that leads there
// answers at once); incident ids such as `constructor` resolve nothing and write no audit row; an Update the case does
// not answer is a 504 after the configured wait.
import { cancelUpdate } from '../../workflows/definitions';
import { DomainError } from '../../platform/errors';
import { AuditEvent, Instance, Task } from '../../store/models';
import { updateCase } from '../../server/services/cases';
import { BPMN_WORKFLOW_TYPE, type BpmnProcessInput } from '../../workflows/definitions';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { eventually } from '../support/wait';
import { uniqueKey, WORKER_GROUPS } from './fixtures';

const definitions = (id: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_${id}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

/** A gateway whose condition iterates n × n times. */
const heavyGatewayXml = definitions(
  'bounds-heavy-gateway',
  `<bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Decide" />
   <bpmn:exclusiveGateway id="Decide" default="Else" />
   <bpmn:sequenceFlow id="Heavy" sourceRef="Decide" targetRef="Done"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=count(for x in 1..n, y in 1..n return 1) &gt; 0</bpmn:conditionExpression></bpmn:sequenceFlow>
   <bpmn:sequenceFlow id="Else" sourceRef="Decide" targetRef="Done" /><bpmn:endEvent id="Done" />`,
);

/** Two user tasks; the second's due date is the start variable `deadline`; the first shows a form with a heavy hide rule. */
const dueDateXml = definitions(
  'bounds-due-date',
  `<bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="First" />
   <bpmn:userTask id="First"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="=groups" /></bpmn:extensionElements></bpmn:userTask>
   <bpmn:sequenceFlow id="F2" sourceRef="First" targetRef="Second" />
   <bpmn:userTask id="Second"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="=groups" /><zeebe:taskSchedule dueDate="=deadline" /></bpmn:extensionElements></bpmn:userTask>
   <bpmn:sequenceFlow id="F3" sourceRef="Second" targetRef="Done" /><bpmn:endEvent id="Done" />`,
);

const heavyRule = '=count(for x in 1..2000, y in 1..2000 return 1) > 0';
const heavyForm = {
  type: 'default',
  components: [{ type: 'textfield', key: 'note', label: '备注', conditional: { hide: heavyRule } }],
};
const heavyFormXml = definitions(
  'bounds-heavy-form',
  `<bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Fill" />
   <bpmn:userTask id="Fill"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="=groups" /><zeebe:formDefinition formId="bounds-heavy-form" /></bpmn:extensionElements></bpmn:userTask>
   <bpmn:sequenceFlow id="F2" sourceRef="Fill" targetRef="Done" /><bpmn:endEvent id="Done" />`,
);

async function start(staff: ApiSession, definitionKey: string, variables: Record<string, unknown>): Promise<string> {
  const res = await staff.post('/api/instances', { definitionKey, businessKey: uniqueKey('BD'), street: 'bajiao', variables: { groups: WORKER_GROUPS, ...variables } });
  if (res.status !== 201) throw new Error(`start answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

describe('engine bounds through the API', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
    const owner = await stack.as('owner');
    await owner.put('/api/forms/bounds-heavy-form', { schema: heavyForm }).expect((r) => expect([200, 201]).toContain(r.status));
    for (const xml of [heavyGatewayXml, dueDateXml, heavyFormXml]) {
      await owner.post('/api/deployments', { xml }).expect((r) => expect([200, 201]).toContain(r.status));
    }
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should stop a gateway condition over the FEEL budget with an incident naming the expression and the limit; the case stays usable', async () => {
    // given a case whose gateway condition iterates 4,000,000 times
    const staff = await stack.as('bajiao-staff');
    const id = await start(staff, 'bounds-heavy-gateway', { n: 2000 });

    // when the workflow runs it, then the gateway holds an incident and the summary says so
    const row = await eventually(() => Instance.findById(id).lean().then((r) => (r?.status === 'incident' ? r : undefined)), `${id} in incident`);
    expect(row.currentElements).toEqual(['Decide']);
    const commander = await stack.as('bajiao-commander');
    const { state } = (await commander.get(`/api/instances/${enc(id)}`).expect(200)).body;
    expect(state.incidents).toEqual([
      expect.objectContaining({
        elementId: 'Decide',
        kind: 'expression',
        message: 'condition of flow <Heavy>: FEEL expression "count(for x in 1..n, y in 1..n return 1) > 0" is stopped: it needs more than 100000 evaluation steps',
      }),
    ]);

    // and the case still answers updates: it can be cancelled at once
    await commander.post(`/api/instances/${enc(id)}/cancel`, { reason: 'test' }).expect(200);
  });

  it.each(['constructor', '__proto__', 'toString'])('should refuse to resolve incident %j (409) and write no audit row', async (incidentId) => {
    // given a case with an open incident
    const staff = await stack.as('bajiao-staff');
    const id = await start(staff, 'bounds-heavy-gateway', { n: 2000 });
    await eventually(() => Instance.findById(id).lean().then((r) => (r?.status === 'incident' ? r : undefined)), `${id} in incident`);
    const commander = await stack.as('bajiao-commander');

    // when an incident named like a property of Object.prototype is resolved
    const res = await commander.post(`/api/instances/${enc(id)}/incidents/${enc(incidentId)}/resolve`);

    // then it is refused, the audit chain holds no resolution and the real incident stays open
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'update-refused', detail: `incident ${incidentId} is not open in this case` });
    expect(await AuditEvent.countDocuments({ instanceId: id, kind: 'incident.resolved' })).toBe(0);
    expect((await commander.get(`/api/instances/${enc(id)}`).expect(200)).body.state.incidents).toHaveLength(1);
  });

  it('should raise an incident naming the element and the value when a due date is no date, and answer the completion that leads there at once', async () => {
    // given a case whose second task's due date will be "next week"
    const staff = await stack.as('bajiao-staff');
    const id = await start(staff, 'bounds-due-date', { deadline: 'next week' });
    const first = await eventually(() => Task.findOne({ instanceId: id, elementId: 'First' }).lean().then((t) => t ?? undefined), 'the first task');

    // when the first task is completed
    const began = Date.now();
    const res = await staff.post(`/api/tasks/${enc(first._id)}/complete`, { variables: {} });

    // then the completion answers at once, the second task holds an incident naming it and the value, and no task row is written for it
    expect(res.status).toBe(200);
    expect(Date.now() - began).toBeLessThan(15_000);
    expect(res.body.case.incidents).toEqual([
      expect.objectContaining({
        elementId: 'Second',
        kind: 'expression',
        message: 'due date of <Second> must be an ISO 8601 date or date-time such as 2025-03-01T17:00:00+08:00, got "next week"',
      }),
    ]);
    expect(await Task.exists({ instanceId: id, elementId: 'Second' })).toBeNull();
  });

  it('should answer 422 naming the expression when a form rule exceeds the FEEL budget', async () => {
    // given a task whose form hides a field by a rule that iterates 4,000,000 times
    const staff = await stack.as('bajiao-staff');
    const id = await start(staff, 'bounds-heavy-form', {});
    const task = await eventually(() => Task.findOne({ instanceId: id }).lean().then((t) => t ?? undefined), 'the task');

    // when it is completed
    const res = await staff.post(`/api/tasks/${enc(task._id)}/complete`, { variables: { note: 'x' } });

    // then the request is refused with the expression and the limit, and the task stays open
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'form-rule-too-expensive', expression: heavyRule.slice(1) });
    expect(res.body.detail).toContain('it needs more than 100000 evaluation steps');
    expect((await Task.findById(task._id).lean())?.status).toBe('open');
  });

  it('should answer 504 update-timeout when a case does not answer an Update within the configured wait', async () => {
    // given a case on a task queue no worker polls (its workflow never runs), and a wait of one second
    const workflowId = `bounds-no-worker:${uniqueKey('NW')}`;
    const input: BpmnProcessInput = { model: { schemaVersion: 1, processId: 'none', startNodeIds: [], nodes: {}, flows: {} } as never, definition: { key: 'none', version: 1, sha256: '' }, businessKey: 'x', variables: {}, startedBy: 'test' };
    await stack.client.workflow.start(BPMN_WORKFLOW_TYPE, { workflowId, taskQueue: `nobody-${uniqueKey('Q')}`, args: [input] });
    const previous = process.env.UPDATE_TIMEOUT_MS;
    process.env.UPDATE_TIMEOUT_MS = '1000';
    try {
      // when an Update is sent
      const began = Date.now();
      const failure = await updateCase(stack.client, workflowId, cancelUpdate, { reason: 'test', actor: 'admin' }).then(
        () => undefined,
        (error: unknown) => error,
      );

      // then it fails after about a second with a timeout (a 504 at the API) naming the case and the wait
      expect(failure).toBeInstanceOf(DomainError);
      expect(failure).toMatchObject({ kind: 'timeout', code: 'update-timeout' });
      expect((failure as DomainError).message).toContain(`case ${workflowId} did not answer within 1000 ms`);
      expect(Date.now() - began).toBeLessThan(10_000);
    } finally {
      if (previous === undefined) delete process.env.UPDATE_TIMEOUT_MS;
      else process.env.UPDATE_TIMEOUT_MS = previous;
      await stack.client.workflow.getHandle(workflowId).terminate('test done');
    }
  });
});
