// Input bounds at the API door (issue 10, defects 7, 13, 14): deep, wide and large variables, body size, business-key
// characters, and summaries of cases whose workflow ended without finishing.
import { recordProgress } from '../../activities/readModel';
import { FormVersion, Instance, Task } from '../../store/models';
import { findTaskAnywhere } from '../../store/tasks';
import { startCase } from '../../server/services/cases';
import { type ApiStack, enc, startApiStack } from '../support/api';
import { instanceOf, summaryWhere } from '../support/cases';
import { eventually } from '../support/wait';
import { deployFixtures, inspectionCase, uniqueKey, WORKER_GROUPS } from './fixtures';

/** `{ a: { a: … { a: 1 } } }`, `depth` objects deep. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < depth; i += 1) value = { a: value };
  return value;
}

const depthPath = (prefix: string) => [prefix, ...Array.from({ length: 32 }, () => 'a')].join('.');

describe('input bounds at the API', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
    await deployFixtures(stack, await stack.as('owner'));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  describe('variables', () => {
    it('should refuse start variables nested 4,000 deep with a 400 naming the depth limit and the path, and start nothing', async () => {
      // given
      const staff = await stack.as('bajiao-staff');
      const key = uniqueKey('DEEP');

      // when
      const res = await staff.post('/api/instances', { definitionKey: 'street-inspection', businessKey: key, variables: nested(4_000) }).expect(400);

      // then
      expect(res.body.code).toBe('validation-failed');
      expect(res.body.errors).toEqual([{ path: depthPath('body.variables'), message: 'nested deeper than 32 levels (the limit of variables)' }]);
      expect(await Instance.exists({ businessKey: key })).toBeNull();
    });

    it('should read a JSON body nested 100,000 deep without crashing and answer 400', async () => {
      // given a raw body whose variables nest 100,000 objects
      const staff = await stack.as('bajiao-staff');
      const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
      const raw = `{"definitionKey":"street-inspection","businessKey":"${uniqueKey('DEEPER')}","variables":${deep}}`;

      // when
      const res = await staff.post('/api/instances').set('Content-Type', 'application/json').send(raw);

      // then the limit is named, and the server still answers
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe(depthPath('body.variables'));
      await staff.get('/api/me').expect(200);
    });

    it('should refuse 4,000-deep variables on task completion and message correlation with a 400, changing nothing', async () => {
      // given a case with an open task
      const staff = await stack.as('bajiao-staff');
      const { id, taskId } = await inspectionCase(staff);

      // when
      const completed = await staff.post(`/api/tasks/${enc(taskId)}/complete`, { variables: nested(4_000) });
      const correlated = await (await stack.as('bajiao-liaison')).post('/api/messages', { name: 'report-received', correlationKey: 'RPT-DEEP', variables: nested(4_000) });

      // then
      expect(completed.status).toBe(400);
      expect(completed.body.errors).toEqual([expect.objectContaining({ path: depthPath('body.variables') })]);
      expect(correlated.status).toBe(400);
      expect(correlated.body.errors).toEqual([expect.objectContaining({ path: depthPath('body.variables') })]);
      expect((await Task.findById(taskId).lean())?.status).toBe('open');
      expect((await staff.get(`/api/instances/${enc(id)}`).expect(200)).body.state.openTasks).toEqual([taskId]);
    });

    it('should refuse any other body nested deeper than 64 levels (a form schema 100,000 groups deep) with a 400, saving nothing', async () => {
      // given a form schema whose groups nest 100,000 deep (sent as text: serializing it would overflow the test's own stack)
      const owner = await stack.as('owner');
      const groups = `${'{"type":"group","components":['.repeat(100_000)}{"type":"textfield","key":"x","label":"x"}${']}'.repeat(100_000)}`;
      const raw = `{"schema":{"type":"default","components":[${groups}]}}`;

      // when
      const res = await owner.put('/api/forms/deep-form').set('Content-Type', 'application/json').send(raw);

      // then
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: expect.stringMatching(/^body\.schema\.components\.0\.components\.0\./), message: 'nested deeper than 64 levels (the limit of requests)' }]);
      expect(await FormVersion.exists({ formId: 'deep-form' })).toBeNull();
      await owner.get('/api/me').expect(200);
    });

    it.each([
      ['1.5 MB', 1_500_000],
      ['3 MB', 3_000_000],
    ])('should refuse %s of start variables with a 422 naming the engine\'s limit, and start nothing', async (_size, chars) => {
      // given
      const staff = await stack.as('bajiao-staff');
      const key = uniqueKey('BIG');

      // when
      const res = await staff.post('/api/instances', { definitionKey: 'street-inspection', businessKey: key, variables: { groups: WORKER_GROUPS, photo: 'x'.repeat(chars) } });

      // then
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'variables-too-large', limit: 1_000_000 });
      expect(res.body.detail).toMatch(/over the limit of 1000000 per case/);
      expect(await Instance.exists({ businessKey: key })).toBeNull();
    });

    it('should refuse a body over the 6 MB body limit with a 413 naming the limit', async () => {
      const staff = await stack.as('bajiao-staff');
      const res = await staff.post('/api/instances', { definitionKey: 'street-inspection', businessKey: uniqueKey('HUGE'), variables: { photo: 'x'.repeat(7_000_000) } });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'payload-too-large', limit: 6 * 2 ** 20, detail: 'the request body is over the limit of 6 MB (6291456 bytes)' });
    });

    it('should answer 422 naming the limit when a message would take a case\'s variables over it, and change nothing', async () => {
      // given a case holding 600 kB, waiting for a report
      const admin = await stack.as('admin');
      const caseNo = uniqueKey('RPT');
      const started = await admin.post('/api/instances', { definitionKey: 'await-report', businessKey: uniqueKey('BD'), street: 'bajiao', variables: { caseNo, notes: 'n'.repeat(600_000) } }).expect(201);
      const id = started.body.id as string;
      await eventually(() => instanceOf(id).then((r) => (r?.currentElements?.includes('AwaitReport') ? r : undefined)), 'the case waiting');

      // when a report with another 600 kB arrives
      const res = await admin.post('/api/messages', { name: 'report-received', correlationKey: caseNo, variables: { photo: 'p'.repeat(600_000) } });

      // then
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'variables-too-large', limit: 1_000_000 });
      const state = (await admin.get(`/api/instances/${enc(id)}`).expect(200)).body.state;
      expect(state.activeElements.map((a: { elementId: string }) => a.elementId)).toEqual(['AwaitReport']);
      expect(state.variables.photo).toBeUndefined();
    });
  });

  describe('business keys', () => {
    it.each([
      ['NUL', 'XC\u00001', 'U+0000'],
      ['a right-to-left override', 'XC\u202E1', 'U+202E'],
      ['a zero-width space', 'XC\u200B1', 'U+200B'],
      ['a control character', 'XC\u001B1', 'U+001B'],
      ['a line break', 'XC\n1', 'U+000A'],
    ])('should refuse a business key with %s with a 400 naming the character, and start nothing', async (_name, key, code) => {
      // when
      const res = await (await stack.as('bajiao-staff')).post('/api/instances', { definitionKey: 'street-inspection', businessKey: key }).expect(400);

      // then
      expect(res.body.errors).toEqual([{ path: 'body.businessKey', message: expect.stringContaining(`character ${code} at position 3 is not allowed`) }]);
      // (read back without putting the key in a filter: PostgreSQL under FerretDB cannot compare U+0000)
      const keys = await Instance.find({ definitionKey: 'street-inspection' }, { businessKey: 1 }).lean();
      expect(keys.map((row) => row.businessKey)).not.toContain(key);
    });

    it('should refuse U+0000 in a list filter with a 400 naming the parameter, not a database error', async () => {
      // when a staff member searches cases and tasks with a NUL in a filter
      const staff = await stack.as('bajiao-staff');
      const cases = await staff.get(`/api/instances?businessKey=${encodeURIComponent('XC\u00001')}`);
      const tasks = await staff.get(`/api/tasks?text=${encodeURIComponent('a\u0000')}`);

      // then both are refused, naming the parameter and the position
      expect(cases.status).toBe(400);
      expect(cases.body.errors).toEqual([{ path: 'query.businessKey', message: 'character U+0000 at position 3 is not allowed in requests' }]);
      expect(tasks.status).toBe(400);
      expect(tasks.body.errors).toEqual([{ path: 'query.text', message: 'character U+0000 at position 2 is not allowed in requests' }]);
    });

    it('should store a business key NFC-normalised and find it by its decomposed spelling', async () => {
      // given a key typed decomposed (e + combining acute)
      const staff = await stack.as('bajiao-staff');
      const suffix = uniqueKey('E');
      const decomposed = `Cafe\u0301-京〔2026〕-${suffix}`;
      const composed = decomposed.normalize('NFC');

      // when
      const res = await staff.post('/api/instances', { definitionKey: 'street-inspection', businessKey: decomposed, variables: { groups: WORKER_GROUPS } }).expect(201);

      // then
      expect(res.body).toMatchObject({ businessKey: composed, id: `street-inspection:${composed}` });
      expect(await instanceOf(`street-inspection:${composed}`)).toMatchObject({ businessKey: composed });
      const found = (await staff.get(`/api/instances?businessKey=${encodeURIComponent(decomposed)}`).expect(200)).body;
      expect(found.items.map((i: { businessKey: string }) => i.businessKey)).toEqual([composed]);
    });

    it('should refuse usernames and org unit ids with invisible or control characters', async () => {
      const admin = await stack.as('admin');
      const user = await admin.post('/api/users', { username: 'evil\u202Euser', displayName: 'x', password: 'long-enough-password' });
      const unit = await admin.post('/api/org-units', { id: 'unit\u200B1', name: '单位', kind: 'department', parentId: null });
      expect(user.status).toBe(400);
      expect(user.body.errors).toEqual([expect.objectContaining({ path: 'body.username' })]);
      expect(unit.status).toBe(400);
      expect(unit.body.errors).toEqual([expect.objectContaining({ path: 'body.id' })]);
    });

    it('should refuse a form id with a bidi override or NUL with a 400 naming the character, and save nothing', async () => {
      // given
      const owner = await stack.as('owner');
      const schema = { type: 'default', components: [] };

      // when
      const bidi = await owner.put(`/api/forms/${encodeURIComponent('form\u202Exe')}`, { schema });
      const nul = await owner.put(`/api/forms/${encodeURIComponent('form\u0000')}`, { schema });

      // then
      expect(bidi.status).toBe(400);
      expect(bidi.body.errors).toEqual([{ path: 'params.id', message: expect.stringContaining('character U+202E at position 5') }]);
      expect(nul.status).toBe(400);
      const formIds = await FormVersion.find({}, { formId: 1 }).lean();
      expect(formIds.map((row) => row.formId)).not.toEqual(expect.arrayContaining(['form\u202Exe']));
      expect(formIds.map((row) => row.formId)).not.toEqual(expect.arrayContaining(['form\u0000']));
    });
  });

  describe('summaries of cases whose workflow ended without finishing', () => {
    it('should mark the summary failed when the case is read after its workflow failed to start, and list it as failed', async () => {
      // given a case started past the API with 1.5 MB of variables: its workflow fails at once, the summary says running
      const id = (await startCase(stack.client, stack.taskQueue, { definitionKey: 'street-inspection', businessKey: uniqueKey('FAIL'), street: 'bajiao', variables: { photo: 'x'.repeat(1_500_000) }, startedBy: 'bajiao-staff' })).id;
      await expect(stack.client.workflow.getHandle(id).result()).rejects.toThrow();
      expect((await instanceOf(id))?.status).toBe('running');

      // when the case list is read
      const commander = await stack.as('bajiao-commander');
      const listed = (await commander.get(`/api/instances?businessKey=${encodeURIComponent(id.split(':')[1])}`).expect(200)).body.items;

      // then it shows failed, with an end time, and so does the stored summary and the case read
      expect(listed).toEqual([expect.objectContaining({ id, status: 'failed', endedAt: expect.any(String) })]);
      expect(await instanceOf(id)).toMatchObject({ status: 'failed', endedAt: expect.any(Date) });
      expect((await commander.get(`/api/instances/${enc(id)}`).expect(200)).body).toMatchObject({ status: 'failed' });
    });

    it('should mark the summary failed and cancel the open task when a terminated case is read', async () => {
      // given a case with an open task whose workflow an operator terminated in Temporal
      const { id, taskId } = await inspectionCase(await stack.as('bajiao-staff'));
      await stack.client.workflow.getHandle(id).terminate('terminated by an operator');

      // when
      const res = await (await stack.as('bajiao-commander')).get(`/api/instances/${enc(id)}`).expect(200);

      // then
      expect(res.body).toMatchObject({ id, status: 'failed', endedAt: expect.any(String), currentElements: [] });
      expect((await findTaskAnywhere(taskId))?.status).toBe('cancelled');
    });

    it('should keep a failed summary failed when a progress write still in flight arrives later, counting its rows', async () => {
      // given a terminated case whose summary was marked failed, terminated only once the worker's write of the step
      // that opened the task has landed (the task row is written first; a write still in flight would move progressSeq)
      const { id } = await inspectionCase(await stack.as('bajiao-staff'));
      await eventually(() => summaryWhere({ _id: id, currentElements: 'Inspect' }).then((row) => row ?? undefined), `the summary of ${id} at Inspect`);
      await stack.client.workflow.getHandle(id).terminate('terminated by an operator');
      await (await stack.as('bajiao-commander')).get(`/api/instances/${enc(id)}`).expect(200);
      const before = await instanceOf(id);
      expect(before?.status).toBe('failed');

      // when the worker's progress write of a later step lands
      const caseRef = { instanceId: id, definitionKey: 'street-inspection', definitionVersion: 1, businessKey: before?.businessKey ?? '', street: 'bajiao' };
      const firstSeq = (before?.progressSeq ?? 0) + 2;
      await recordProgress({ caseRef, startedBy: 'bajiao-staff', startedAt: new Date().toISOString(), firstSeq, entries: [], summary: { status: 'running', currentElements: ['Inspect'], incidentCount: 0 } });

      // then the status stays, the row count moves on
      expect(await instanceOf(id)).toMatchObject({ status: 'failed', currentElements: [], progressSeq: firstSeq - 1 });
    });

    it('should mark the summary failed when an action meets the ended workflow (409 case-closed)', async () => {
      // given
      const { id } = await inspectionCase(await stack.as('bajiao-staff'));
      await stack.client.workflow.getHandle(id).terminate('terminated by an operator');

      // when
      const res = await (await stack.as('bajiao-commander')).post(`/api/instances/${enc(id)}/cancel`, { reason: '撤销' });

      // then
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('case-closed');
      expect((await instanceOf(id))?.status).toBe('failed');
    });

    it('should leave the summary of a running case alone when it is read', async () => {
      const { id } = await inspectionCase(await stack.as('bajiao-staff'));
      expect((await (await stack.as('bajiao-commander')).get(`/api/instances/${enc(id)}`).expect(200)).body.status).toBe('running');
      expect((await instanceOf(id))?.status).toBe('running');
    });
  });
});
