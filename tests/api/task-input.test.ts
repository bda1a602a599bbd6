// What people submit into cases (issue 10, defects 3, 4, 16), on the real stack: a completion passes only the form's
// visible fields (hide rules on the case data merged with the input; unknown keys refused), start variables are checked
// against the start event's form, a task without a form may not change what the process routes work by, notify's
// headers win over case data, form patterns run in linear time, a task's assignee must be one of its candidates and the
// task view shows only what its form shows.
import fs from 'node:fs';
import path from 'node:path';
import { Notification, Task } from '../../store/models';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { eventually } from '../support/wait';
import { deployFixtures, inspectionCase, uniqueKey } from './fixtures';

const read = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const taskUrl = (id: string, action = '') => `/api/tasks/${enc(id)}${action ? `/${action}` : ''}`;

describe('task input', () => {
  let stack: ApiStack;
  let admin: ApiSession;
  let staff: ApiSession;
  beforeAll(async () => {
    stack = await startApiStack();
    const owner = await stack.as('owner');
    await deployFixtures(stack, owner);
    await owner.put('/api/forms/screening-form', { schema: JSON.parse(read('screening-form.json')) }).expect(201);
    await owner.post('/api/deployments', { xml: read('input-guard.bpmn') }).expect(201);
    admin = await stack.as('admin');
    staff = await stack.as('bajiao-staff');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Starts an input-guard case with `variables` and waits for the open task of `elementId`. */
  async function guardCase(variables: Record<string, unknown>): Promise<{ id: string; taskId: string }> {
    const res = await admin.post('/api/instances', { definitionKey: 'input-guard', businessKey: uniqueKey('GD'), street: 'bajiao', variables }).expect(201);
    const id = res.body.id as string;
    return { id, taskId: await openTask(id, 'Screen') };
  }
  const openTask = async (id: string, elementId: string) =>
    (await eventually(() => Task.findOne({ instanceId: id, elementId, status: { $in: ['open', 'claimed'] } }).lean().then((t) => t ?? undefined), `task ${elementId} of ${id}`))._id;
  const variablesOf = async (id: string) => (await admin.get(`/api/instances/${enc(id)}`).expect(200)).body.state.variables as Record<string, unknown>;

  describe('completing a task with a form', () => {
    it('should refuse keys that are no field of the form, naming them, and change nothing', async () => {
      // given a case whose message correlation key is caseNo
      const { id, taskId } = await guardCase({ caseNo: 'GD-1', risk: 'high', groups: ['enforcement'] });

      // when the completion carries the correlation key and another unknown key besides valid fields
      const res = await staff.post(taskUrl(taskId, 'complete'), { variables: { agreed: true, inspectorNote: '已核实', caseNo: 'HIJACKED', idNumber: '110101199001011234' } }).expect(422);

      // then both are named, and the task and the case are as before
      expect(res.body.code).toBe('invalid-form-data');
      expect(res.body.errors).toEqual([
        { path: 'body.variables.caseNo', message: 'is not a field of the form' },
        { path: 'body.variables.idNumber', message: 'is not a field of the form' },
      ]);
      expect(await Task.findById(taskId).lean()).toMatchObject({ status: 'open' });
      expect(await variablesOf(id)).toMatchObject({ caseNo: 'GD-1' });
    });

    it('should evaluate hide rules on the case data merged with the input: a submitter cannot hide a field to skip it', async () => {
      // given a case of high risk, where 高风险说明 (hidden when risk = "low") is required
      const { taskId } = await guardCase({ caseNo: 'GD-2', risk: 'high', groups: ['enforcement'] });

      // when the submitter leaves it out, or sends risk = "low" to hide it
      const missing = await staff.post(taskUrl(taskId, 'complete'), { variables: { agreed: true } }).expect(422);
      const hiding = await staff.post(taskUrl(taskId, 'complete'), { variables: { agreed: true, risk: 'low' } }).expect(422);

      // then the field is required, and the hiding key is refused
      expect(missing.body.errors).toEqual([{ path: 'body.variables.inspectorNote', message: '"高风险说明" is required' }]);
      expect(hiding.body.errors).toEqual([
        { path: 'body.variables.risk', message: 'is not a field of the form' },
        { path: 'body.variables.inspectorNote', message: '"高风险说明" is required' },
      ]);
    });

    it('should hide a field by the case\'s data and pass on only the visible, editable fields', async () => {
      // given a low-risk case (高风险说明 hidden by the case's data) with an address shown read-only
      const { id, taskId } = await guardCase({ caseNo: 'GD-3', risk: 'low', address: '八角北路 12 号', groups: ['enforcement'] });

      // when the submitter sends the hidden reason (agreed = true hides it) and another address for the read-only field
      await staff.post(taskUrl(taskId, 'complete'), { variables: { agreed: true, reason: '不该到达案件', address: '别处' } }).expect(200);

      // then the case holds the visible field, not the hidden or read-only ones
      const variables = await variablesOf(id);
      expect(variables).toMatchObject({ agreed: true, address: '八角北路 12 号', caseNo: 'GD-3' });
      expect(variables).not.toHaveProperty('reason');
    });

    it('should check 100,000 characters against a catastrophic pattern and an e-mail field quickly (422, the API stays responsive)', async () => {
      // given
      const { taskId } = await guardCase({ caseNo: 'GD-4', risk: 'low', groups: ['enforcement'] });
      const started = Date.now();

      // when
      const [res, health] = await Promise.all([
        staff.post(taskUrl(taskId, 'complete'), { variables: { agreed: true, code: `${'a'.repeat(100_000)}!`, mail: `a@${'a.'.repeat(50_000)}@` } }),
        staff.get('/healthz'),
      ]);

      // then both fields are refused for their length, and the answer came well within two seconds
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { path: string; message: string }) => [e.path, e.message])).toEqual([
        ['body.variables.code', '"编号" must have at most 10000 characters'],
        ['body.variables.mail', '"邮箱" must have at most 10000 characters'],
      ]);
      expect(health.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  describe('completing a task without a form', () => {
    it('should refuse the variables the process routes work by (correlation key, candidate groups), and take others', async () => {
      // given a case at its form-less task, waiting afterwards for a message keyed by caseNo
      const { id, taskId } = await guardCase({ caseNo: 'GD-5', risk: 'low', groups: ['enforcement'] });
      await staff.post(taskUrl(taskId, 'complete'), { variables: { agreed: true, inspectorNote: '已核实' } }).expect(200);
      const remark = await openTask(id, 'Remark');

      // when the completion would move the case to another correlation key and other candidate groups
      const res = await staff.post(taskUrl(remark, 'complete'), { variables: { caseNo: 'OTHER', groups: ['volunteers'], remark: '已处理' } }).expect(422);

      // then both are named and nothing changed
      expect(res.body.code).toBe('reserved-variables');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.variables.caseNo', 'body.variables.groups']);
      expect(await variablesOf(id)).toMatchObject({ caseNo: 'GD-5', groups: ['enforcement'] });

      // and other variables pass, after which the message under the original key reaches the case
      await staff.post(taskUrl(remark, 'complete'), { variables: { remark: '已处理' } }).expect(200);
      expect(await variablesOf(id)).toMatchObject({ remark: '已处理', caseNo: 'GD-5' });
      // (time-to-live 0: a message no case waits for is not buffered, so 'OTHER' is a 404 and a retry reaches the case)
      const other = await admin.post('/api/messages', { name: 'guard-report', correlationKey: 'OTHER', timeToLive: 'PT0S' });
      expect(other.status).toBe(404);
      await eventually(async () => {
        const res = await admin.post('/api/messages', { name: 'guard-report', correlationKey: 'GD-5', timeToLive: 'PT0S' });
        return res.status === 200 && res.body.correlated.length === 1 ? res : undefined;
      }, 'the report reaching GD-5');
    });
  });

  it('should notify whom the diagram\'s headers name, whatever the case\'s variables say', async () => {
    // given a case whose variables name other recipients and another text
    const { id, taskId } = await guardCase({ caseNo: 'GD-6', risk: 'low', groups: ['enforcement'], recipients: 'everyone', message: '伪造的通知' });
    await staff.post(taskUrl(taskId, 'complete'), { variables: { agreed: true, inspectorNote: '已核实' } }).expect(200);
    await staff.post(taskUrl(await openTask(id, 'Remark'), 'complete'), { variables: {} }).expect(200);

    // when the message arrives and the notify job runs
    await eventually(async () => {
      const res = await admin.post('/api/messages', { name: 'guard-report', correlationKey: 'GD-6' });
      return res.status === 200 ? res : undefined;
    }, 'the report reaching GD-6');
    const sent = await eventually(() => Notification.findOne({ instanceId: id }).lean().then((n) => n ?? undefined), 'the notification');

    // then the headers were used
    expect(sent).toMatchObject({ recipients: ['command-center'], message: '部门已报到' });
  });

  describe('the task view', () => {
    it('should show the variables its form binds or mentions, not the rest of the case', async () => {
      // given a case holding an ID number beside what the form shows
      const { taskId } = await guardCase({ caseNo: 'GD-7', risk: 'high', address: '八角北路 1 号', idNumber: '110101199001011234', groups: ['enforcement'] });

      // when / then: the field's value and the hide rule's variable are there, nothing else
      expect((await staff.get(taskUrl(taskId)).expect(200)).body.variables).toEqual({ address: '八角北路 1 号', risk: 'high' });
    });

    it('should show no variables for a task without a form', async () => {
      const { id, taskId } = await guardCase({ caseNo: 'GD-8', risk: 'low', idNumber: '110101199001011234', groups: ['enforcement'] });
      await staff.post(taskUrl(taskId, 'complete'), { variables: { agreed: true, inspectorNote: '已核实' } }).expect(200);
      const remark = (await staff.get(taskUrl(await openTask(id, 'Remark'))).expect(200)).body;
      expect(remark).toMatchObject({ elementId: 'Remark', form: null });
      expect(remark.variables).toEqual({});
    });
  });

  describe('assigning', () => {
    it('should refuse an assignee who is no candidate of the task, naming them (422), and assign a candidate', async () => {
      // given a task of the enforcement group
      const { taskId } = await inspectionCase(admin, { variables: { groups: ['enforcement'] } });
      const commander = await stack.as('bajiao-commander');

      // when / then: a volunteer or a liaison of the street is refused, staff of the group is assigned
      for (const assignee of ['bajiao-volunteer', 'bajiao-liaison']) {
        const res = await commander.post(taskUrl(taskId, 'assign'), { assignee }).expect(422);
        expect(res.body).toMatchObject({ code: 'assignee-not-candidate', assignee });
        expect(res.body.detail).toContain(assignee);
      }
      const row = await Task.findById(taskId).lean();
      expect([row?.assignee ?? null, row?.status]).toEqual([null, 'open']);
      await commander.post(taskUrl(taskId, 'assign'), { assignee: 'bajiao-staff' }).expect(200);
    });

    it('should refuse, for a task naming no candidates, a user who is no task worker (an auditor)', async () => {
      const { taskId } = await inspectionCase(admin, { variables: { groups: [] } });
      const res = await (await stack.as('bajiao-commander')).post(taskUrl(taskId, 'assign'), { assignee: 'bajiao-auditor' }).expect(422);
      expect(res.body.code).toBe('assignee-not-candidate');
    });
  });

  describe('starting a case whose start event has a form', () => {
    beforeAll(async () => {
      const owner = await stack.as('owner');
      const schema = { components: [{ type: 'textfield', key: 'address', label: '地址', validate: { required: true } }, { type: 'textfield', key: 'phone', label: '电话', validate: { pattern: '^1\\d{10}$' } }] };
      await owner.put('/api/forms/report-start-form', { schema }).expect(201);
      await owner.post('/api/deployments', { xml: read('start-form-guard.bpmn') }).expect(201);
    });
    const start = (variables: Record<string, unknown>) => admin.post('/api/instances', { definitionKey: 'start-form-guard', businessKey: uniqueKey('SF'), street: 'bajiao', variables });

    it('should refuse start variables the start form does not have or does not accept, naming them, and start nothing', async () => {
      const res = await start({ address: '八角北路 3 号', phone: '12', groups: ['volunteers'] }).expect(422);
      expect(res.body.code).toBe('invalid-form-data');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.variables.groups', 'body.variables.phone']);
      expect((await start({}).expect(422)).body.errors).toEqual([{ path: 'body.variables.address', message: '"地址" is required' }]);
      expect((await admin.get('/api/instances?definitionKey=start-form-guard').expect(200)).body.total).toBe(0);
    });

    it('should start with the start form\'s fields', async () => {
      const res = await start({ address: '八角北路 3 号', phone: '13800000000' }).expect(201);
      expect(await variablesOf(res.body.id)).toEqual({ address: '八角北路 3 号', phone: '13800000000' });
    });
  });

  it('should refuse to save a form whose pattern the linear-time engine cannot run, naming the field', async () => {
    const owner = await stack.as('owner');
    const schema = { components: [{ type: 'textfield', key: 'plate', validate: { pattern: '^(\\w)\\1+$' } }] };
    const res = await owner.put('/api/forms/backref-form', { schema }).expect(422);
    expect(res.body.code).toBe('invalid-form');
    expect(res.body.errors).toEqual([{ path: 'schema.components[0].validate.pattern', message: expect.stringContaining('field "plate"') }]);
    await owner.get('/api/forms/backref-form').expect(404);
  });
});
