// Who may start which process (issue 17), on the real stack: a process naming its starters (sparrow:starters) is offered
// to and started by them and admins only (403 not-a-starter naming the process for anyone else); a process naming none
// stays open to every starter role. The start page's view (description and start form) and a task's documentation.
import fs from 'node:fs';
import path from 'node:path';
import { Task } from '../../store/models';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { eventually } from '../support/wait';
import { uniqueKey } from './fixtures';

const read = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const reportForm = {
  type: 'default',
  components: [{ type: 'textfield', key: 'place', label: '地点', validate: { required: true } }],
};

describe('who may start which process', () => {
  let stack: ApiStack;
  let staff: ApiSession;
  let resident: ApiSession;
  let admin: ApiSession;
  beforeAll(async () => {
    stack = await startApiStack();
    const owner = await stack.as('owner');
    await owner.put('/api/forms/starters-report-form', { schema: reportForm }).expect(201);
    await owner.post('/api/deployments', { xml: read('starters-enforcement.bpmn') }).expect(201);
    await owner.post('/api/deployments', { xml: read('starters-open.bpmn') }).expect(201);
    staff = await stack.as('bajiao-staff');
    resident = await stack.as('bajiao-resident');
    admin = await stack.as('admin');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const startable = async (session: ApiSession) => ((await session.get('/api/definitions?startable=true').expect(200)).body.items as Array<{ key: string }>).map((d) => d.key).sort();

  it('should offer a process that names its starters only to them, and one naming none to everyone', async () => {
    // when each asks for the processes they may start
    const [ofStaff, ofResident, ofAdmin] = await Promise.all([startable(staff), startable(resident), startable(admin)]);

    // then the resident is not offered the enforcement process; staff and admins are
    expect(ofStaff).toEqual(['starters-enforcement', 'starters-open']);
    expect(ofResident).toEqual(['starters-open']);
    expect(ofAdmin).toEqual(['starters-enforcement', 'starters-open']);
    expect((await resident.get('/api/definitions?startable=true').expect(200)).body.total).toBe(1);
    // and the plain list (what a process reader sees) is unchanged
    expect(((await staff.get('/api/definitions').expect(200)).body.items as unknown[]).length).toBe(2);
  });

  it('should refuse a resident starting an enforcement process with 403 not-a-starter naming it, and start nothing', async () => {
    const businessKey = uniqueKey('ST');

    // when a resident starts it through the API anyway
    const res = await resident.post('/api/instances', { definitionKey: 'starters-enforcement', businessKey, variables: { place: '模式口大街' } }).expect(403);

    // then the refusal names the process and who may start it, and no case exists
    expect(res.body).toMatchObject({ code: 'not-a-starter' });
    expect(res.body.detail).toContain('starters-enforcement');
    expect(res.body.detail).toContain('enforcement-staff');
    expect((await admin.get(`/api/instances?businessKey=${enc(businessKey)}`).expect(200)).body.total).toBe(0);
    expect((await resident.get('/api/definitions/starters-enforcement/start').expect(403)).body.code).toBe('not-a-starter');
  });

  it('should let a resident start a process that names no starters, as before', async () => {
    const res = await resident.post('/api/instances', { definitionKey: 'starters-open', businessKey: uniqueKey('SO') }).expect(201);
    expect(res.body).toMatchObject({ definitionKey: 'starters-open', street: 'bajiao' });
  });

  it('should give a starter the process description and start form, and show the task documentation on its page', async () => {
    // when staff open the start page of the enforcement process
    const info = await staff.get('/api/definitions/starters-enforcement/start').expect(200);

    // then it carries the process documentation and the pinned start form
    expect(info.body).toMatchObject({
      key: 'starters-enforcement',
      version: 1,
      name: '占道经营查处',
      documentation: '执法队员发现占道经营后发起，先登记现场情况。',
      formId: 'starters-report-form',
      form: { id: 'starters-report-form', version: 1, schema: reportForm },
    });
    expect((await staff.get('/api/definitions/starters-open/start').expect(200)).body).toMatchObject({ documentation: null, formId: null, form: null });

    // when staff start a case with the form's data
    const started = await staff.post('/api/instances', { definitionKey: 'starters-enforcement', businessKey: uniqueKey('SE'), variables: { place: '模式口大街 12 号' } }).expect(201);

    // then its task answers the documentation of its element
    const taskId = (await eventually(() => Task.findOne({ instanceId: started.body.id, elementId: 'Inspect' }).lean().then((t) => t ?? undefined), 'task Inspect'))._id;
    const task = await staff.get(`/api/tasks/${enc(taskId)}`).expect(200);
    expect(task.body.documentation).toBe('至少两名执法人员，出示执法证件，制作现场检查笔录。');

    // and admins may start it too, though they are not named
    await admin.post('/api/instances', { definitionKey: 'starters-enforcement', businessKey: uniqueKey('SA'), street: 'bajiao', variables: { place: '八角' } }).expect(201);
  });
});
