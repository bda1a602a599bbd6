// The REST job API (issue 16) on the real stack: a service task of an external job type runs as a Temporal activity on
// jobs.<type>; an HTTP-only worker with the role job-worker activates it, completes it, fails it, throws a BPMN error,
// and loses it when its lock runs out. The job type registry lists the type and who served it.
import { Worker } from '@temporalio/worker';
import request from 'supertest';
import { caseState } from '../../server/services/cases';
import { Instance } from '../../store/models';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { nonConformance, servedOpenApi } from '../support/openapiConformance';
import { eventually } from '../support/wait';
import { uniqueKey } from './fixtures';

/** A process: service task `Sync` of `type` (3 retries, a header), caught errors `NOT_FOUND` lead to `HandleNotFound`, else `Review`. */
const externalJobXml = (processId: string, type: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:error id="Error_nf" name="not found" errorCode="NOT_FOUND" />
  <bpmn:process id="${processId}" name="外部作业测试" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:serviceTask id="Sync" name="同步档案">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="${type}" retries="3" />
        <zeebe:taskHeaders><zeebe:header key="region" value="bajiao" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:boundaryEvent id="NotFound" attachedToRef="Sync">
      <bpmn:errorEventDefinition errorRef="Error_nf" />
    </bpmn:boundaryEvent>
    <bpmn:userTask id="Review" name="复核">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="enforcement" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:userTask id="HandleNotFound" name="处理未找到">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="enforcement" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="End" />
    <bpmn:endEvent id="EndNotFound" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sync" />
    <bpmn:sequenceFlow id="F2" sourceRef="Sync" targetRef="Review" />
    <bpmn:sequenceFlow id="F3" sourceRef="Review" targetRef="End" />
    <bpmn:sequenceFlow id="F4" sourceRef="NotFound" targetRef="HandleNotFound" />
    <bpmn:sequenceFlow id="F5" sourceRef="HandleNotFound" targetRef="EndNotFound" />
  </bpmn:process>
</bpmn:definitions>`;

/** A job as the activation answers it. */
interface Job {
  jobKey: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  customHeaders: Record<string, string>;
  variables: Record<string, unknown>;
  retries: number;
  deadline: number;
  worker: string;
}

describe('the REST job API', () => {
  let stack: ApiStack;
  let owner: ApiSession;
  let staff: ApiSession;
  /** The bearer token of bajiao's job worker (made with its password session, as a real worker's operator would). */
  let token: string;
  /** The answers that the OpenAPI document does not describe (checked at the end). */
  const undocumented: string[] = [];
  let doc: Awaited<ReturnType<typeof servedOpenApi>>;

  /** Notes an answer of `method path` (the OpenAPI template) that the document does not describe. */
  const documented = (method: string, path: string, res: request.Response) => {
    undocumented.push(...nonConformance(doc, method, `/api${path}`, res));
    return res;
  };

  const asWorker = (path: string, body: object, bearer = token) => request(stack.app).post(`/api${path}`).set('Authorization', `Bearer ${bearer}`).send(body);

  /** Deploys the process for a fresh job type and starts a case in bajiao; answers the type and the case id. */
  async function externalCase(variables: Record<string, unknown> = {}): Promise<{ type: string; id: string }> {
    const type = `demo.${uniqueKey('sync').toLowerCase()}`;
    const processId = `rest-job-${uniqueKey('p').toLowerCase()}`;
    const deployed = await owner.post('/api/deployments', { xml: externalJobXml(processId, type) }).expect(201);
    expect(deployed.body.warnings).toContainEqual(expect.objectContaining({ elementId: 'Sync', code: 'external-job-type' }));
    const started = await staff.post('/api/instances', { definitionKey: processId, businessKey: uniqueKey('J'), street: 'bajiao', variables }).expect(201);
    return { type, id: started.body.id as string };
  }

  /** Activates jobs of `type` until one comes (each request long-polls up to 5 s). */
  const activateOne = (type: string, options: { timeout?: number; fetchVariable?: string[]; worker?: string; bearer?: string } = {}) =>
    eventually(
      async () => {
        const res = await asWorker(
          '/jobs/activation',
          { type, worker: options.worker ?? 'sync-worker', maxJobsToActivate: 1, timeout: options.timeout ?? 60_000, fetchVariable: options.fetchVariable, requestTimeout: 5_000 },
          options.bearer,
        ).expect(200);
        documented('post', '/jobs/activation', res);
        return (res.body.jobs as Job[])[0];
      },
      `a job of type ${type}`,
      60_000,
    );

  const summaryOf = (id: string) => Instance.findById(id).lean();

  beforeAll(async () => {
    stack = await startApiStack();
    owner = await stack.as('owner');
    staff = await stack.as('bajiao-staff');
    const worker = await stack.as('bajiao-job-worker');
    token = (await worker.post('/api/me/tokens', { name: 'sync worker' }).expect(201)).body.token as string;
    doc = await servedOpenApi(stack.app);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('should hand a job its variables and headers, and go on with the variables it completes with', async () => {
    // given a case waiting at a service task of an external type
    const { type, id } = await externalCase({ caseNo: 'SJS-1', secret: 'not for the worker' });

    // when the worker activates it, asking for caseNo only
    const job = await activateOne(type, { fetchVariable: ['caseNo'] });

    // then it gets the job of that case with only the asked variable and the task's header
    expect(job).toMatchObject({ type, processInstanceKey: id, elementId: 'Sync', customHeaders: { region: 'bajiao' }, variables: { caseNo: 'SJS-1' }, retries: 3, worker: 'sync-worker' });
    expect(job.bpmnProcessId).toBe(id.split(':')[0]);
    expect(job.deadline).toBeGreaterThan(Date.now());

    // when it completes the job with variables
    documented('post', '/jobs/{jobKey}/completion', await asWorker(`/jobs/${enc(job.jobKey)}/completion`, { variables: { archiveNo: 'A-77' } }).expect(204));

    // then the case goes on to Review with them, and the job is gone
    await eventually(() => summaryOf(id).then((s) => (s?.currentElements.includes('Review') ? s : undefined)), `${id} at Review`);
    expect((await caseState(stack.client, id)).variables).toMatchObject({ caseNo: 'SJS-1', archiveNo: 'A-77' });
    const again = documented('post', '/jobs/{jobKey}/completion', await asWorker(`/jobs/${enc(job.jobKey)}/completion`, { variables: {} }).expect(404));
    expect(again.body.code).toBe('job-not-found');
  }, 120_000);

  it('should give a job failed with retries left back under the same key, and raise an incident when none are left', async () => {
    // given an activated job
    const { type, id } = await externalCase();
    const first = await activateOne(type);

    // when the worker fails it with variables (Camunda 8 takes them; Sparrow sets none from a failure) it is told so
    const refused = await asWorker(`/jobs/${enc(first.jobKey)}/failure`, { retries: 2, variables: { archive: 'down' } }).expect(400);
    expect(JSON.stringify(refused.body)).toContain('variables');

    // when the worker fails it with retries left and a short backoff
    documented('post', '/jobs/{jobKey}/failure', await asWorker(`/jobs/${enc(first.jobKey)}/failure`, { retries: 2, errorMessage: '档案库暂不可用', retryBackOff: 100 }).expect(204));

    // then the same job comes back (same key, one attempt fewer left)
    const second = await activateOne(type);
    expect(second.jobKey).toBe(first.jobKey);
    expect(second.retries).toBe(2);

    // when it fails again with no retries left
    await asWorker(`/jobs/${enc(second.jobKey)}/failure`, { retries: 0, errorMessage: '档案编号无效' }).expect(204);

    // then the task has an incident naming the message
    const state = await eventually(() => caseState(stack.client, id).then((s) => (s.incidents.length > 0 ? s : undefined)), `an incident in ${id}`);
    expect(state.incidents[0]).toMatchObject({ elementId: 'Sync' });
    expect(state.incidents[0].message).toContain('档案编号无效');
  }, 120_000);

  it('should let an error boundary event catch a BPMN error thrown by the worker, with its variables', async () => {
    // given an activated job
    const { type, id } = await externalCase();
    const job = await activateOne(type);

    // when the worker throws BPMN error NOT_FOUND
    documented('post', '/jobs/{jobKey}/error', await asWorker(`/jobs/${enc(job.jobKey)}/error`, { errorCode: 'NOT_FOUND', errorMessage: '查无此档案', variables: { lookedFor: 'A-1' } }).expect(204));

    // then the boundary event takes over: the case waits at HandleNotFound with the error's variables
    await eventually(() => summaryOf(id).then((s) => (s?.currentElements.includes('HandleNotFound') ? s : undefined)), `${id} at HandleNotFound`);
    expect((await caseState(stack.client, id)).variables).toMatchObject({ lookedFor: 'A-1' });
  }, 120_000);

  it('should make a job whose lock ran out available again under the same key, and refuse the old holder', async () => {
    // given a job activated by bajiao's worker with a one-second lock
    const { type } = await externalCase();
    const held = await activateOne(type, { timeout: 1_000 });

    // when lugu's job worker asks for jobs of the type
    const lugu = await stack.as('lugu-job-worker');
    const luguToken = (await lugu.post('/api/me/tokens', { name: 'lugu worker' }).expect(201)).body.token as string;
    const taken = await activateOne(type, { worker: 'lugu-worker', bearer: luguToken });

    // then it gets the same job once the lock ran out, and bajiao's worker may no longer report on it
    expect(taken.jobKey).toBe(held.jobKey);
    expect(taken.worker).toBe('lugu-worker');
    const refused = documented('post', '/jobs/{jobKey}/completion', await asWorker(`/jobs/${enc(held.jobKey)}/completion`, { variables: {} }).expect(409));
    expect(refused.body.code).toBe('job-locked-by-other');
    await asWorker(`/jobs/${enc(taken.jobKey)}/completion`, { variables: { by: 'lugu' } }, luguToken).expect(204);
  }, 120_000);

  it('should answer 409 job-no-longer-active when the case stopped waiting for the job', async () => {
    // given an activated job whose case is then cancelled
    const { type, id } = await externalCase();
    const job = await activateOne(type);
    const commander = await stack.as('bajiao-commander');
    await commander.post(`/api/instances/${enc(id)}/cancel`, { reason: '重复立案' }).expect(200);

    // when the worker completes it
    const res = documented('post', '/jobs/{jobKey}/completion', await asWorker(`/jobs/${enc(job.jobKey)}/completion`, { variables: {} }));

    // then Temporal no longer knows the attempt: a clear 409
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'job-no-longer-active' });
  }, 120_000);

  it('should refuse callers without the role, with the type out of scope, or not signed in', async () => {
    const body = { type: 'demo.any', worker: 'w', maxJobsToActivate: 1, timeout: 10_000, requestTimeout: 0 };

    // a signed-in user without the role job-worker
    const noRole = await staff.post('/api/jobs/activation', body).expect(403);
    expect(noRole.body.code).toBe('forbidden');

    // a job worker whose job types do not include the type
    const admin = await stack.as('admin');
    await admin.post('/api/users', { username: 'scoped-worker', displayName: '限定作业程序', password: 'scoped-password-1', roles: ['job-worker'], streets: ['bajiao'], jobTypes: ['demo.other'] }).expect(201);
    const scoped = await request(stack.app).post('/api/auth/login').send({ username: 'scoped-worker', password: 'scoped-password-1' }).expect(200);
    const cookie = scoped.headers['set-cookie'] as unknown as string[];
    const outOfScope = documented('post', '/jobs/activation', await request(stack.app).post('/api/jobs/activation').set('Cookie', cookie).set('X-CSRF-Token', scoped.body.csrfToken).send(body).expect(403));
    expect(outOfScope.body).toMatchObject({ code: 'job-type-out-of-scope' });
    expect(outOfScope.body.detail).toContain('demo.any');

    // nobody signed in
    const anonymous = await request(stack.app).post('/api/jobs/activation').send(body).expect(401);
    expect(anonymous.body.code).toBe('unauthenticated');

    // a built-in type is not served through the REST API
    const builtin = documented('post', '/jobs/activation', await asWorker('/jobs/activation', { ...body, type: 'sparrow.notify' }).expect(422));
    expect(builtin.body.code).toBe('job-type-builtin');
  }, 60_000);

  it('should list the external type in the registry with the process using it and the REST worker seen', async () => {
    // given a type a worker asked for
    const { type } = await externalCase();
    const job = await activateOne(type, { worker: 'registry-worker' });
    await asWorker(`/jobs/${enc(job.jobKey)}/completion`, { variables: {} }).expect(204);

    // when a designer reads the registry
    const res = documented('get', '/job-types', await owner.get('/api/job-types').expect(200));

    // then it lists the built-in type and the external one, with its queue, process and worker
    const items = res.body.items as Array<Record<string, unknown>>;
    expect(items.find((i) => i.type === 'sparrow.notify')).toMatchObject({ builtin: true });
    const entry = items.find((i) => i.type === type);
    expect(entry).toMatchObject({
      builtin: false,
      taskQueue: `jobs.${type}`,
      usedBy: [expect.objectContaining({ elements: [{ id: 'Sync', name: '同步档案' }] })],
      workers: expect.arrayContaining([expect.objectContaining({ kind: 'rest', name: 'registry-worker', username: 'bajiao-job-worker' })]),
      lastSeen: expect.objectContaining({ name: 'registry-worker' }),
    });
  }, 120_000);

  it('should list a Temporal worker polling the type\'s task queue among those serving it', async () => {
    // given a type served by a TypeScript Temporal worker on jobs.<type>
    const { type, id } = await externalCase();
    const worker = await Worker.create({
      connection: stack.env.nativeConnection,
      namespace: stack.env.namespace ?? 'default',
      taskQueue: `jobs.${type}`,
      identity: 'archive-temporal-worker',
      activities: { [type]: async () => ({ servedBy: 'temporal' }) },
    });
    const running = worker.run();
    try {
      // when the worker has run the job and a designer reads the registry
      await eventually(() => summaryOf(id).then((s) => (s?.currentElements.includes('Review') ? s : undefined)), `${id} at Review`);
      const entry = await eventually(async () => {
        const res = documented('get', '/job-types', await owner.get('/api/job-types').expect(200));
        const item = (res.body.items as Array<{ type: string; workers: Array<{ kind: string; name: string }> }>).find((i) => i.type === type);
        return item?.workers.some((w) => w.kind === 'temporal') ? item : undefined;
      }, `a Temporal poller of jobs.${type} in the registry`);

      // then the Temporal worker is listed by its identity, and the REST bridge's own polls are not
      expect(entry.workers).toEqual([expect.objectContaining({ kind: 'temporal', name: 'archive-temporal-worker' })]);
    } finally {
      worker.shutdown();
      await running;
    }
  }, 120_000);

  it('should answer only what the OpenAPI document describes', () => {
    // the answers the tests above got, each checked against the served document
    expect(undocumented).toEqual([]);
  });
});
