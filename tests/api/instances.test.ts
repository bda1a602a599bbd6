// Cases through the API: start (Idempotency-Key, concurrent duplicates), list filters, read, cancel, messages, incidents, 503.
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../server/app';
import { Instance, Task } from '../../store/models';
import { findTaskAnywhere } from '../../store/tasks';
import { createLogger } from '../../platform/logger';
import { type ApiStack, enc, login, startApiStack } from '../support/api';
import { instanceOf } from '../support/cases';
import { eventually } from '../support/wait';
import { deployFixtures, flakyJob, incidentCase, inspectionCase, uniqueKey, waitingCase, WORKER_GROUPS } from './fixtures';

describe('cases', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack({ jobTypes: [flakyJob] });
    await deployFixtures(stack, await stack.as('owner'));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  describe('start', () => {
    it('should start a case in the caller\'s street (their only street by default) and write its summary', async () => {
      const staff = await stack.as('bajiao-staff');
      const res = await staff.post('/api/instances', { definitionKey: 'street-inspection', businessKey: 'XC-START-1', variables: { groups: ['enforcement'] } }).expect(201);
      expect(res.body).toEqual({ id: 'street-inspection:XC-START-1', definitionKey: 'street-inspection', version: 1, businessKey: 'XC-START-1', street: 'bajiao' });
      const row = await instanceOf(res.body.id);
      expect(row).toMatchObject({ street: 'bajiao', startedBy: 'bajiao-staff', status: 'running' });
    });

    it('should refuse bad input (400), an unknown definition (404), a duplicate business key (409), an unknown street (422) and another street (403)', async () => {
      const staff = await stack.as('bajiao-staff');
      const admin = await stack.as('admin');
      const bad = await staff.post('/api/instances', { definitionKey: 'street-inspection', businessKey: 'has space', variables: [] }).expect(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.businessKey', 'body.variables']);
      expect((await staff.post('/api/instances', { definitionKey: 'nothing', businessKey: 'X1' }).expect(404)).body.code).toBe('not-found');
      await staff.post('/api/instances', { definitionKey: 'street-inspection', businessKey: 'XC-DUP' }).expect(201);
      expect((await staff.post('/api/instances', { definitionKey: 'street-inspection', businessKey: 'XC-DUP' }).expect(409)).body.code).toBe('duplicate-business-key');
      expect((await admin.post('/api/instances', { definitionKey: 'street-inspection', businessKey: 'XC-NOWHERE', street: 'nowhere' }).expect(422)).body.code).toBe('unknown-street');
      expect((await admin.post('/api/instances', { definitionKey: 'street-inspection', businessKey: 'XC-UNIT', street: 'chengguan' }).expect(422)).body.code).toBe('unknown-street');
      expect((await staff.post('/api/instances', { definitionKey: 'street-inspection', businessKey: 'XC-LUGU', street: 'lugu' }).expect(403)).body.code).toBe('street-out-of-scope');
      expect(await Instance.exists({ _id: { $in: ['street-inspection:XC-NOWHERE', 'street-inspection:XC-LUGU', 'street-inspection:XC-UNIT'] } })).toBeNull();
    });

    it('should replay the first answer for a repeated Idempotency-Key and refuse the key with another body', async () => {
      const staff = await stack.as('bajiao-staff');
      const body = { definitionKey: 'street-inspection', businessKey: 'XC-IDEM-1', variables: { groups: ['enforcement'] } };
      const first = await staff.post('/api/instances', body).set('Idempotency-Key', 'start-XC-IDEM-1').expect(201);
      const again = await staff.post('/api/instances', body).set('Idempotency-Key', 'start-XC-IDEM-1').expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      const other = await staff.post('/api/instances', { ...body, businessKey: 'XC-IDEM-2' }).set('Idempotency-Key', 'start-XC-IDEM-1').expect(422);
      expect(other.body.code).toBe('idempotency-key-reused');
      expect(await Instance.exists({ _id: 'street-inspection:XC-IDEM-2' })).toBeNull();
    });

    it('should start exactly one case for concurrent identical requests with the same Idempotency-Key', async () => {
      // given five identical requests sent at once
      const staff = await stack.as('bajiao-staff');
      const body = { definitionKey: 'street-inspection', businessKey: 'XC-CONC-1', variables: { groups: ['enforcement'] } };
      const answers = await Promise.all(Array.from({ length: 5 }, () => staff.post('/api/instances', body).set('Idempotency-Key', 'conc-1')));

      // then all get the same 201, and there is one case with one task
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
      expect(await Instance.countDocuments({ businessKey: 'XC-CONC-1' })).toBe(1);
      await eventually(() => Task.countDocuments({ businessKey: 'XC-CONC-1' }).then((n) => (n > 0 ? n : undefined)), 'the task');
      expect(await Task.countDocuments({ businessKey: 'XC-CONC-1' })).toBe(1);
    });
  });

  describe('list and read', () => {
    it('should filter by process, street, status, business key and start time, page, and keep to the caller\'s streets', async () => {
      // given cases in both streets
      const admin = await stack.as('admin');
      const before = new Date().toISOString();
      const a = await inspectionCase(admin, { businessKey: 'LIST-BJ-1' });
      await inspectionCase(admin, { businessKey: 'LIST-BJ-2' });
      const l = await inspectionCase(admin, { businessKey: 'LIST-LG-1', street: 'lugu' });
      await admin.post(`/api/instances/${enc(a.id)}/cancel`, { reason: '测试' }).expect(200);
      await eventually(() => instanceOf(a.id).then((r) => (r?.status === 'cancelled' ? r : undefined)), 'the cancelled summary');

      // when the bajiao commander lists
      const commander = await stack.as('bajiao-commander');
      const since = (await commander.get(`/api/instances?startedFrom=${encodeURIComponent(before)}`).expect(200)).body;
      const cancelled = (await commander.get('/api/instances?status=cancelled&definitionKey=street-inspection').expect(200)).body;
      const byKey = (await commander.get('/api/instances?businessKey=LIST-BJ-2').expect(200)).body;
      const otherStreet = (await commander.get('/api/instances?street=lugu').expect(200)).body;
      const paged = (await commander.get(`/api/instances?startedFrom=${encodeURIComponent(before)}&size=1&page=2`).expect(200)).body;
      const beforeAll = (await commander.get(`/api/instances?startedTo=${encodeURIComponent(before)}&businessKey=LIST-BJ-1`).expect(200)).body;

      // then only bajiao's cases appear, filtered and paged
      expect(since.items.map((i: { businessKey: string }) => i.businessKey)).toEqual(['LIST-BJ-2', 'LIST-BJ-1']);
      expect(since.total).toBe(2);
      expect(cancelled.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
      expect(byKey.items).toEqual([expect.objectContaining({ businessKey: 'LIST-BJ-2', street: 'bajiao', status: 'running', startedBy: 'admin' })]);
      expect(otherStreet).toMatchObject({ items: [], total: 0 });
      expect(paged).toMatchObject({ page: 2, size: 1, total: 2, items: [expect.objectContaining({ businessKey: 'LIST-BJ-1' })] });
      expect(beforeAll.items).toEqual([]);
      expect((await admin.get('/api/instances?street=lugu').expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([l.id]);
      expect((await commander.get('/api/instances?status=sleeping').expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'query.status' })]);
    });

    it('should find cases by the start of their business key, taking the text literally', async () => {
      // given
      const admin = await stack.as('admin');
      await inspectionCase(admin, { businessKey: 'PFX.A-1' });
      await inspectionCase(admin, { businessKey: 'PFX.A-2' });
      await inspectionCase(admin, { businessKey: 'PFXXA-3' });

      // when
      const auditor = await stack.as('auditor');
      const prefixed = (await auditor.get('/api/instances?businessKeyPrefix=PFX.A-').expect(200)).body;
      const exactWins = (await auditor.get('/api/instances?businessKeyPrefix=PFX&businessKey=PFX.A-1').expect(200)).body;

      // then: "." is not a wildcard, and an exact key takes precedence over the prefix
      expect(prefixed.items.map((i: { businessKey: string }) => i.businessKey)).toEqual(['PFX.A-2', 'PFX.A-1']);
      expect(prefixed.total).toBe(2);
      expect(exactWins.items.map((i: { businessKey: string }) => i.businessKey)).toEqual(['PFX.A-1']);
    });

    it.each([
      ['startedFrom=yesterday', 'query.startedFrom'],
      ['startedTo=2026-13-01T00:00:00Z', 'query.startedTo'],
      ['startedFrom=2026-02-01T00:00:00Z&startedTo=2026-01-01T00:00:00Z', 'query.startedTo'],
      ['page=0', 'query.page'],
      ['size=201', 'query.size'],
      ['size=ten', 'query.size'],
      ['businessKeyPrefix=', 'query.businessKeyPrefix'],
    ])('should refuse the filter %s with a 400 naming %s', async (query, path) => {
      // when
      const res = await (await stack.as('auditor')).get(`/api/instances?${query}`).expect(400);

      // then
      expect(res.body.code).toBe('validation-failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ path })]);
    });

    it('should merge the workflow state into the summary, and answer 404 for another street\'s case', async () => {
      const staff = await stack.as('bajiao-staff');
      const { id, taskId } = await inspectionCase(staff, { variables: { 'reporter.name': '张三' } });
      const res = await staff.get(`/api/instances/${enc(id)}`).expect(200);
      expect(res.body).toMatchObject({ id, street: 'bajiao', status: 'running', state: { status: 'running', openTasks: [taskId], variables: { 'reporter.name': '张三' } } });
      expect(res.body.state.activeElements).toEqual([expect.objectContaining({ elementId: 'Inspect' })]);
      const lugu = await stack.as('lugu-staff');
      const hidden = await lugu.get(`/api/instances/${enc(id)}`).expect(404);
      const unknown = await lugu.get(`/api/instances/${enc('street-inspection:nothing')}`).expect(404);
      expect(hidden.body).toEqual({ ...unknown.body, detail: hidden.body.detail });
    });

    it('should show residents only the cases they started', async () => {
      const resident = await stack.as('bajiao-resident');
      const mine = await resident.post('/api/instances', { definitionKey: 'street-inspection', businessKey: uniqueKey('RES'), variables: { groups: WORKER_GROUPS } }).expect(201);
      const theirs = await inspectionCase(await stack.as('bajiao-staff'));
      const list = await resident.get('/api/instances?size=200').expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([mine.body.id]);
      await resident.get(`/api/instances/${enc(mine.body.id)}`).expect(200);
      await resident.get(`/api/instances/${enc(theirs.id)}`).expect(404);
    });
  });

  describe('cancel, messages and incidents', () => {
    it('should cancel a case with a reason, cancelling its open task; a second cancel is a 409', async () => {
      const commander = await stack.as('bajiao-commander');
      const { id, taskId } = await inspectionCase(await stack.as('bajiao-staff'));
      expect((await commander.post(`/api/instances/${enc(id)}/cancel`, {}).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);
      const res = await commander.post(`/api/instances/${enc(id)}/cancel`, { reason: '当事人已自行整改' }).expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: '当事人已自行整改' });
      await eventually(() => findTaskAnywhere(taskId).then((t) => (t?.status === 'cancelled' ? t : undefined)), 'the cancelled task');
      expect((await commander.post(`/api/instances/${enc(id)}/cancel`, { reason: '再次' }).expect(409)).body.code).toBe('case-closed');
    });

    it('should correlate a message to the waiting case of the caller\'s streets, and 404 when none waits', async () => {
      // given a bajiao case and a lugu case waiting for the same report key
      const admin = await stack.as('admin');
      const bajiao = await waitingCase(admin, 'RPT-7');
      const lugu = await waitingCase(admin, 'RPT-7', 'lugu');

      // when the bajiao liaison reports with a wrong key, then the right one, neither buffered (a time-to-live of 0;
      // the default PT1H would buffer the wrong one and answer 200: tests/api/messages-camunda8.test.ts)
      const liaison = await stack.as('bajiao-liaison');
      const wrong = await liaison.post('/api/messages', { name: 'report-received', correlationKey: 'RPT-8', timeToLive: 'PT0S' }).expect(404);
      const res = await liaison.post('/api/messages', { name: 'report-received', correlationKey: 'RPT-7', variables: { arrivedAt: '09:30' }, timeToLive: 'PT0S' }).expect(200);

      // then only the bajiao case received it and completed; the lugu one still waits
      expect(wrong.body.code).toBe('no-waiting-case');
      expect(res.body).toEqual({ name: 'report-received', correlationKey: 'RPT-7', correlated: [{ id: bajiao, status: 'completed' }], started: [], running: [] });
      const state = (await admin.get(`/api/instances/${enc(lugu)}`).expect(200)).body.state;
      expect(state.activeElements.map((a: { elementId: string }) => a.elementId)).toEqual(['AwaitReport']);
      expect((await admin.get(`/api/instances/${enc(bajiao)}`).expect(200)).body.state.variables).toMatchObject({ caseNo: 'RPT-7', arrivedAt: '09:30' });
    });

    it('should resolve an incident so the failed step runs again; an unknown incident is a 409', async () => {
      const commander = await stack.as('bajiao-commander');
      const { id, incidentId } = await incidentCase(stack, await stack.as('bajiao-staff'));
      const listed = (await commander.get('/api/instances?status=incident').expect(200)).body.items.map((i: { id: string }) => i.id);
      expect(listed).toContain(id);
      expect((await commander.post(`/api/instances/${enc(id)}/incidents/nothing/resolve`).expect(409)).body.code).toBe('update-refused');
      await commander.post(`/api/instances/${enc(id)}/incidents/${enc(incidentId)}/resolve`).expect(200);
      const result = await stack.client.workflow.getHandle(id).result();
      expect(result).toMatchObject({ status: 'completed', variables: { synced: true } });
    });
  });

  describe('when Temporal is down', () => {
    it('should answer 503 problem+json without internals, and start nothing', async () => {
      // given an app whose Temporal address has no server (no gRPC retries, so the test does not wait out the back-off)
      const connection = await Connection.lazy({ address: '127.0.0.1:9', connectTimeout: 1000, interceptors: [] });
      const app = createApp({ client: new Client({ connection }), connection, taskQueue: stack.taskQueue, log: createLogger('test', 'silent'), designerDir: '/nonexistent' });
      const staff = await login(app, 'bajiao-staff');

      // when a case is started
      const res = await staff.post('/api/instances', { definitionKey: 'street-inspection', businessKey: 'XC-DOWN' }).expect(503);

      // then it is a 503 naming Temporal, and no summary was written
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'temporal-unavailable', status: 503 });
      expect(res.headers['retry-after']).toBe('5');
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|grpc|at /);
      expect(await Instance.exists({ _id: 'street-inspection:XC-DOWN' })).toBeNull();
      await connection.close();
    });
  });
});
