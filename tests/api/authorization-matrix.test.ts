// The authorization matrix: every route as every role (street bajiao), as the same role of the other street (lugu),
// and anonymously; the expected answers are the table in authorization-matrix.data.ts.
import request from 'supertest';
import { routeName } from '../../server/http/route';
import { EVERY_ROLE, ROLES, type Role } from '../../contracts/roles';
import { apiRoutes } from '../../server/routes/index';
import { type ApiSession, type ApiStack, enc, login, startApiStack } from '../support/api';
import { eventually } from '../support/wait';
import { WebhookDelivery } from '../../store/models';
import { AUTHORIZATION_MATRIX, type MatrixRow } from './authorization-matrix.data';
import {
  deployFixtures,
  deployLegalFixtures,
  flakyJob,
  incidentCase,
  inspectionCase,
  inspectionForm,
  inspectionXml,
  legalClockCase,
  signalCase,
  uniqueKey,
  waitingCase,
  WORKER_GROUPS,
} from './fixtures';

/** The demo user of a role in a street. */
const userOf = (street: 'bajiao' | 'lugu', role: Role) => `${street}-${role === 'process-owner' ? 'owner' : role === 'street-commander' ? 'commander' : role === 'enforcement-staff' ? 'staff' : role === 'department-liaison' ? 'liaison' : role}`;

/** The shared bajiao data the calls read (and that refused calls must leave alone). */
interface Shared {
  caseId: string;
  taskId: string;
  waitingCaseNo: string;
  /** A bajiao webhook of case.started, and its delivery of the shared case's start. */
  webhookId: string;
  deliveryId: string;
}

/** How to call a route: `fresh` is true when the call is expected to succeed, so it may need its own fresh data. */
type Call = (s: ApiSession, fresh: boolean) => PromiseLike<request.Response>;

const allowedRoles = (row: MatrixRow): Role[] => (row.allow === 'every-role' ? [...EVERY_ROLE] : row.allow === 'public' ? [...ROLES] : [...row.allow]);

/** A process whose service task runs external job type `matrix.sync` (a REST job worker serves it). */
const matrixJobXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_matrix_job" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="matrix-job" name="矩阵外部作业" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:serviceTask id="Sync" name="同步"><bpmn:extensionElements><zeebe:taskDefinition type="matrix.sync" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sync" />
    <bpmn:sequenceFlow id="F2" sourceRef="Sync" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

/** An activation of `matrix.sync` that answers at once. */
const matrixActivation = { type: 'matrix.sync', worker: 'matrix', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 0 };

describe('the authorization matrix', () => {
  let stack: ApiStack;
  let shared: Shared;
  let calls: Record<string, Call>;

  beforeAll(async () => {
    stack = await startApiStack({ jobTypes: [flakyJob] });
    const owner = await stack.as('owner');
    const admin = await stack.as('admin');
    const staff = await stack.as('bajiao-staff');
    await deployFixtures(stack, owner);
    await deployLegalFixtures(owner);
    await owner.post('/api/deployments', { xml: matrixJobXml }).expect(201);
    await owner.post('/api/deployments', { xml: inspectionXml.replace('name="街面巡查"', 'name="街面巡查（第二版）"') }).expect(201);
    await owner.put('/api/definitions/street-inspection/draft', { xml: inspectionXml }).expect(200);
    await admin.post('/api/users', { username: 'matrix-target', displayName: '测试用户', password: 'matrix-password-1', streets: ['bajiao'] }).expect(201);
    const webhookBody = { name: '矩阵推送', url: 'https://hooks.example.org/sparrow', events: ['case.started'], streets: ['bajiao'], secret: 'matrix-secret-0123456789' };
    const webhookId = (await admin.post('/api/admin/webhooks', webhookBody).expect(201)).body.id as string;
    const { id, taskId } = await inspectionCase(staff);
    const deliveryId = `${webhookId}:${id}/1`;
    await eventually(() => WebhookDelivery.findById(deliveryId).lean().then((d) => d ?? undefined), 'the shared webhook delivery');
    const waitingCaseNo = uniqueKey('SHARED');
    await waitingCase(staff, waitingCaseNo);
    shared = { caseId: id, taskId, waitingCaseNo, webhookId, deliveryId };

    const freshTask = async () => (await inspectionCase(admin)).taskId;
    /** A job of a fresh matrix-job case, activated by `s` (a job worker); a key that does not exist for refused callers. */
    const jobKeyFor = async (s: ApiSession, fresh: boolean) => {
      if (!fresh) return 'nothing';
      await admin.post('/api/instances', { definitionKey: 'matrix-job', businessKey: uniqueKey('MJ'), street: 'bajiao' }).expect(201);
      const job = await eventually(async () => (await s.post('/api/jobs/activation', { ...matrixActivation, requestTimeout: 5_000 }).expect(200)).body.jobs[0], 'a matrix.sync job', 60_000);
      return enc(job.jobKey as string);
    };
    /** The clock route of 公示期 in a fresh legal-clock case (`before`: what admin does to it first), else in the shared case. */
    const clockCall = async (s: ApiSession, fresh: boolean, action: string, body: object, before?: { action: string; body: object }) => {
      const id = fresh ? (await legalClockCase(admin)).id : shared.caseId;
      if (fresh && before) await admin.post(`/api/instances/${enc(id)}/clocks/${enc('公示期')}/${before.action}`, before.body).expect(200);
      return s.post(`/api/instances/${enc(id)}/clocks/${enc('公示期')}/${action}`, body);
    };
    /** A 2030 date not adjusted yet (2030 is not known: its weekdays work, its weekends do not), and the adjustment that changes it. */
    let adjusted = 0;
    const freshAdjustment = () => {
      const day = new Date(Date.UTC(2030, 0, (adjusted += 1)));
      return { date: day.toISOString().slice(0, 10), working: [0, 6].includes(day.getUTCDay()), note: '矩阵测试' };
    };
    calls = {
      'POST /auth/login': () => request(stack.app).post('/api/auth/login').send({ username: 'bajiao-staff', password: 'sparrow-demo' }),
      'POST /auth/logout': async (s, fresh) => (fresh ? (await login(stack.app, s.username)).post('/api/auth/logout') : s.post('/api/auth/logout')),
      'GET /auth/csrf': (s) => s.get('/api/auth/csrf'),
      'GET /me': (s) => s.get('/api/me'),
      'GET /me/tokens': (s) => s.get('/api/me/tokens'),
      'POST /me/tokens': (s) => s.post('/api/me/tokens', { name: 'matrix' }),
      'DELETE /me/tokens/:id': async (s, fresh) => {
        const id = fresh ? (await s.post('/api/me/tokens', { name: 'to revoke' }).expect(201)).body.id : 'nothing';
        return s.delete(`/api/me/tokens/${id}`);
      },
      'POST /deployments': (s) => s.post('/api/deployments', { xml: inspectionXml.replace('name="街面巡查"', 'name="街面巡查（第二版）"') }),
      'GET /definitions': (s) => s.get('/api/definitions'),
      'GET /definitions/:key': (s) => s.get('/api/definitions/street-inspection'),
      'GET /definitions/:key/versions': (s) => s.get('/api/definitions/street-inspection/versions'),
      'GET /definitions/:key/versions/:version': (s) => s.get('/api/definitions/street-inspection/versions/1'),
      'GET /definitions/:key/versions/:version/xml': (s) => s.get('/api/definitions/street-inspection/versions/1/xml'),
      'GET /definitions/:key/versions/:version/model': (s) => s.get('/api/definitions/street-inspection/versions/1/model'),
      'GET /definitions/:key/diff': (s) => s.get('/api/definitions/street-inspection/diff?from=1&to=2'),
      'GET /definitions/:key/start': (s) => s.get('/api/definitions/street-inspection/start'),
      'GET /people': (s) => s.get('/api/people?usernames=bajiao-staff'),
      'GET /people/search': (s) => s.get('/api/people/search?text=bajiao'),
      'GET /definitions/:key/draft': (s) => s.get('/api/definitions/street-inspection/draft'),
      'PUT /definitions/:key/draft': (s) => s.put('/api/definitions/street-inspection/draft', { xml: inspectionXml }),
      'DELETE /definitions/:key/draft': async (s, fresh) => {
        if (fresh) await owner.put('/api/definitions/matrix-discard/draft', { xml: inspectionXml }).expect(200);
        return s.delete(`/api/definitions/${fresh ? 'matrix-discard' : 'street-inspection'}/draft`);
      },
      'GET /drafts': (s) => s.get('/api/drafts'),
      'POST /definitions/:key/retire': async (s, fresh) => {
        const key = fresh ? uniqueKey('matrix-retire') : 'matrix-retire-none';
        if (fresh) await owner.post('/api/deployments', { xml: inspectionXml.replace('id="street-inspection"', `id="${key}"`) }).expect(201);
        return s.post(`/api/definitions/${key}/retire`, {});
      },
      'GET /forms': (s) => s.get('/api/forms'),
      'GET /forms/:id': (s) => s.get('/api/forms/inspection-form'),
      'PUT /forms/:id': (s) => s.put('/api/forms/inspection-form', { schema: inspectionForm }),
      'POST /instances': (s) =>
        s.post('/api/instances', { definitionKey: 'street-inspection', businessKey: uniqueKey('M'), street: 'bajiao', variables: { groups: WORKER_GROUPS } }),
      'GET /instances': (s) => s.get('/api/instances?size=200'),
      'GET /me/cases': (s) => s.get('/api/me/cases?size=50'),
      'GET /instances/:id': (s) => s.get(`/api/instances/${enc(shared.caseId)}`),
      'POST /instances/:id/cancel': async (s, fresh) => s.post(`/api/instances/${enc(fresh ? (await inspectionCase(admin)).id : shared.caseId)}/cancel`, { reason: '重复立案' }),
      'POST /instances/:id/incidents/:incidentId/resolve': async (s, fresh) => {
        const target = fresh ? await incidentCase(stack, admin) : { id: shared.caseId, incidentId: 'i-none' };
        return s.post(`/api/instances/${enc(target.id)}/incidents/${enc(target.incidentId)}/resolve`);
      },
      'PATCH /instances/:id/variables': async (s, fresh) =>
        s.patch(`/api/instances/${enc(fresh ? (await inspectionCase(admin)).id : shared.caseId)}/variables`, { variables: { note: s.username }, reason: '矩阵测试' }),
      'POST /instances/:id/clocks/:name/suspend': (s, fresh) => clockCall(s, fresh, 'suspend', { ground: 'announcement', reason: '公告送达' }),
      'POST /instances/:id/clocks/:name/resume': (s, fresh) => clockCall(s, fresh, 'resume', { reason: '公告期满' }, { action: 'suspend', body: { ground: 'announcement', reason: '公告送达' } }),
      'POST /instances/:id/clocks/:name/extend': (s, fresh) => clockCall(s, fresh, 'extend', { days: 5, reason: '经批准延期' }),
      'POST /messages': async (s, fresh) => {
        const caseNo = fresh ? uniqueKey('MSG') : shared.waitingCaseNo;
        if (fresh) await waitingCase(admin, caseNo);
        // not buffered (time-to-live 0): a role that reaches no case gets the 404, not a message buffered for later
        return s.post('/api/messages', { name: 'report-received', correlationKey: caseNo, variables: { reportedBy: s.username }, timeToLive: 'PT0S' });
      },
      // every call first starts a bajiao case waiting for the signal: allowed bajiao roles reach it, others must not
      'POST /signals': async (s) => {
        await signalCase(admin);
        return s.post('/api/signals', { name: 'storm-warning', variables: { sentBy: s.username } });
      },
      'GET /instances/:id/audit': (s) => s.get(`/api/instances/${enc(shared.caseId)}/audit`),
      'POST /instances/:id/audit/verify': (s) => s.post(`/api/instances/${enc(shared.caseId)}/audit/verify`),
      'GET /instances/:id/history': (s) => s.get(`/api/instances/${enc(shared.caseId)}/history`),
      'POST /instances/:id/replay-check': (s) => s.post(`/api/instances/${enc(shared.caseId)}/replay-check`),
      'GET /instances/:id/export': (s) => s.get(`/api/instances/${enc(shared.caseId)}/export`),
      'GET /audit/signing-key': (s) => s.get('/api/audit/signing-key'),
      'GET /audit/ledger/head': (s) => s.get('/api/audit/ledger/head'),
      'GET /tasks': (s) => s.get('/api/tasks?size=200'),
      'GET /tasks/counts': (s) => s.get('/api/tasks/counts'),
      'GET /tasks/:id': (s) => s.get(`/api/tasks/${enc(shared.taskId)}`),
      'POST /tasks/:id/claim': async (s, fresh) => s.post(`/api/tasks/${enc(fresh ? await freshTask() : shared.taskId)}/claim`),
      'POST /tasks/:id/unclaim': async (s, fresh) => {
        if (!fresh) return s.post(`/api/tasks/${enc(shared.taskId)}/unclaim`);
        const taskId = await freshTask();
        await s.post(`/api/tasks/${enc(taskId)}/claim`).expect(200);
        return s.post(`/api/tasks/${enc(taskId)}/unclaim`);
      },
      'POST /tasks/:id/assign': async (s, fresh) => s.post(`/api/tasks/${enc(fresh ? await freshTask() : shared.taskId)}/assign`, { assignee: 'bajiao-staff' }),
      'POST /tasks/:id/complete': async (s, fresh) => s.post(`/api/tasks/${enc(fresh ? await freshTask() : shared.taskId)}/complete`, { variables: { verdict: 'confirmed' } }),
      'GET /org-units': (s) => s.get('/api/org-units'),
      'POST /org-units': (s) => s.post('/api/org-units', { id: uniqueKey('unit'), name: '新社区', kind: 'community', parentId: 'bajiao' }),
      'PATCH /org-units/:id': (s) => s.patch('/api/org-units/bajiao-beilu', { name: '八角北路社区' }),
      'GET /users': (s) => s.get('/api/users'),
      'GET /users/:username': (s) => s.get('/api/users/bajiao-staff'),
      'POST /users': (s) => s.post('/api/users', { username: uniqueKey('user'), displayName: '新用户', password: 'a-long-password', streets: ['bajiao'] }),
      'PATCH /users/:username': (s) => s.patch('/api/users/matrix-target', { displayName: '测试用户' }),
      'GET /admin/webhooks': (s) => s.get('/api/admin/webhooks'),
      'POST /admin/webhooks': (s) => s.post('/api/admin/webhooks', webhookBody),
      'PATCH /admin/webhooks/:id': (s) => s.patch(`/api/admin/webhooks/${shared.webhookId}`, { name: '矩阵推送' }),
      'DELETE /admin/webhooks/:id': async (s, fresh) => s.delete(`/api/admin/webhooks/${fresh ? (await admin.post('/api/admin/webhooks', webhookBody).expect(201)).body.id : shared.webhookId}`),
      'GET /admin/webhooks/:id/deliveries': (s) => s.get(`/api/admin/webhooks/${shared.webhookId}/deliveries`),
      'POST /admin/webhooks/:id/deliveries/:deliveryId/retry': (s) => s.post(`/api/admin/webhooks/${shared.webhookId}/deliveries/${enc(shared.deliveryId)}/retry`),
      'GET /admin/http-connector': (s) => s.get('/api/admin/http-connector'),
      'PUT /admin/http-connector': (s) => s.put('/api/admin/http-connector', { hosts: [], nonPublic: [] }),
      'GET /calendar': (s) => s.get('/api/calendar?year=2026'),
      'GET /calendar/versions': (s) => s.get('/api/calendar/versions'),
      'POST /calendar/adjustments': (s, fresh) => s.post('/api/calendar/adjustments', fresh ? freshAdjustment() : { date: '2030-12-31', working: false, note: '矩阵测试' }),
      'DELETE /calendar/adjustments/:date': async (s, fresh) => {
        const date = fresh ? (await admin.post('/api/calendar/adjustments', freshAdjustment()).expect(201)).body.change.date : '2030-12-31';
        return s.delete(`/api/calendar/adjustments/${date}`);
      },
      'GET /calendar/rollout': (s) => s.get('/api/calendar/rollout'),
      'POST /jobs/activation': (s) => s.post('/api/jobs/activation', matrixActivation),
      'POST /jobs/:jobKey/completion': async (s, fresh) => s.post(`/api/jobs/${await jobKeyFor(s, fresh)}/completion`, { variables: { synced: true } }),
      'POST /jobs/:jobKey/failure': async (s, fresh) => s.post(`/api/jobs/${await jobKeyFor(s, fresh)}/failure`, { retries: 0, errorMessage: '矩阵测试' }),
      'POST /jobs/:jobKey/error': async (s, fresh) => s.post(`/api/jobs/${await jobKeyFor(s, fresh)}/error`, { errorCode: 'MATRIX' }),
      'GET /job-types': (s) => s.get('/api/job-types'),
      'GET /openapi.json': () => request(stack.app).get('/api/openapi.json'),
      'GET /docs': () => request(stack.app).get('/api/docs'),
    };
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('should have a row and a call for every route of the route table, and no others', () => {
    // given the route table
    const names = apiRoutes(stack.client, stack.taskQueue).map(routeName).sort();

    // then the matrix and the calls name exactly those routes
    expect(Object.keys(AUTHORIZATION_MATRIX).sort()).toEqual(names);
    expect(Object.keys(calls).sort()).toEqual(names);
  });

  it('should answer 401 to every non-public route without a session or token', async () => {
    const anonymous: ApiSession = {
      username: 'nobody',
      csrfToken: '',
      get: (url) => request(stack.app).get(url),
      post: (url, body) => request(stack.app).post(url).send(body),
      put: (url, body) => request(stack.app).put(url).send(body),
      patch: (url, body) => request(stack.app).patch(url).send(body),
      delete: (url) => request(stack.app).delete(url),
    };
    for (const [name, row] of Object.entries(AUTHORIZATION_MATRIX)) {
      if (row.allow === 'public') continue;
      const res = await calls[name](anonymous, false);
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 401, code: 'unauthenticated' });
    }
  });

  describe.each(Object.entries(AUTHORIZATION_MATRIX))('%s', (name, row) => {
    it('should allow exactly the roles of the table, in their own street', async () => {
      const outcomes: Array<{ role: Role; answer: string }> = [];
      for (const role of ROLES) {
        const session = await stack.as(userOf('bajiao', role));
        const allowed = allowedRoles(row).includes(role);
        const visible = allowed && !row.hidden?.includes(role);
        const res = await calls[name](session, visible);
        outcomes.push({ role, answer: res.status >= 200 && res.status < 300 ? '2xx' : `${res.status} ${res.body?.code}` });
      }
      const expected = ROLES.map((role) => {
        if (!allowedRoles(row).includes(role)) return { role, answer: '403 forbidden' };
        if (row.hidden?.includes(role)) return { role, answer: '404 not-found' };
        return { role, answer: '2xx' };
      });
      expect(outcomes).toEqual(expected);
    });

    if (row.otherStreet !== 'unscoped') {
      it(`should give the other street's users: ${row.otherStreet}`, async () => {
        for (const role of allowedRoles(row).filter((r) => !row.hidden?.includes(r))) {
          const session = await stack.as(userOf('lugu', role));
          const res = await calls[name](session, false);
          const seen = { role, status: res.status, code: res.body?.code };
          if (row.otherStreet === 'not-found') {
            expect(seen).toEqual({ role, status: 404, code: expect.stringMatching(/^(not-found|no-waiting-case)$/) });
          } else if (row.otherStreet === 'not-delivered') {
            expect({ role, status: res.status, delivered: res.body?.delivered }).toEqual({ role, status: 200, delivered: 0 });
          } else if (row.otherStreet === 'forbidden') {
            expect(seen).toEqual({ role, status: 403, code: 'street-out-of-scope' });
          } else {
            expect(seen.status).toBe(200);
            const ids = (res.body.items as Array<{ id: string }>).map((i) => i.id);
            expect(ids).not.toContain(shared.caseId);
            expect(ids).not.toContain(shared.taskId);
          }
        }
      });
    }
  });

  it('should have left the shared bajiao case, task and waiting case untouched by every refused call', async () => {
    const staff = await stack.as('bajiao-staff');
    const task = await staff.get(`/api/tasks/${enc(shared.taskId)}`).expect(200);
    expect(task.body).toMatchObject({ status: 'open', assignee: null });
    const c = await staff.get(`/api/instances/${enc(shared.caseId)}`).expect(200);
    expect(c.body.state.status).toBe('running');
    await staff.post('/api/messages', { name: 'report-received', correlationKey: shared.waitingCaseNo }).expect(200);
  });
});
