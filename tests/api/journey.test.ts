// The scripted user journey over HTTP only: owner signs in and deploys; staff signs in, starts, lists, claims, completes.
import request from 'supertest';
import { type ApiStack, startApiStack } from '../support/api';
import { eventually } from '../support/wait';
import { inspectionForm, inspectionXml } from './fixtures';

describe('the user journey', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should take a case from deployment by the owner to completion by enforcement staff', async () => {
    // given the process owner signs in and deploys the inspection process with its form
    const owner = request.agent(stack.app);
    const ownerLogin = await owner.post('/api/auth/login').send({ username: 'bajiao-owner', password: 'sparrow-demo' }).expect(200);
    const ownerCsrf = { 'X-CSRF-Token': ownerLogin.body.csrfToken };
    await owner.put('/api/forms/inspection-form').set(ownerCsrf).send({ schema: inspectionForm }).expect(201);
    const deployed = await owner.post('/api/deployments').set(ownerCsrf).send({ xml: inspectionXml, note: '八角街道试点' }).expect(201);
    expect(deployed.body).toMatchObject({ key: 'street-inspection', version: 1 });
    await owner.post('/api/auth/logout').set(ownerCsrf).expect(204);

    // when enforcement staff signs in and starts a case in their street
    const staff = request.agent(stack.app);
    const staffLogin = await staff.post('/api/auth/login').send({ username: 'bajiao-staff', password: 'sparrow-demo' }).expect(200);
    const csrf = { 'X-CSRF-Token': staffLogin.body.csrfToken };
    const definitions = await staff.get('/api/definitions').expect(200);
    expect(definitions.body.items.map((d: { key: string }) => d.key)).toEqual(['street-inspection']);
    const started = await staff
      .post('/api/instances')
      .set(csrf)
      .set('Idempotency-Key', 'journey-start-1')
      .send({ definitionKey: 'street-inspection', businessKey: 'BJ-2026-0815', variables: { groups: ['enforcement'], 'report.address': '八角北路12号' } })
      .expect(201);
    const caseId = started.body.id;
    expect(started.body).toMatchObject({ street: 'bajiao', version: 1 });

    // and finds the task among the open tasks of their groups, claims it, reads its form and completes it
    const task = await eventually(async () => {
      const res = await staff.get('/api/tasks').query({ myGroups: 'true', status: 'open', sort: 'due' }).expect(200);
      return res.body.items.find((t: { instanceId: string }) => t.instanceId === caseId);
    }, 'the inspection task in my groups');
    const taskPath = `/api/tasks/${encodeURIComponent(task.id)}`;
    await staff.post(`${taskPath}/claim`).set(csrf).expect(200);
    const mine = await staff.get('/api/tasks').query({ mine: 'true' }).expect(200);
    expect(mine.body.items.map((t: { id: string }) => t.id)).toEqual([task.id]);
    const detail = await staff.get(taskPath).expect(200);
    expect(detail.body.form.id).toBe('inspection-form');
    expect(detail.body.variables).toEqual({}); // the task view shows only what its form shows (issue 10, defect 16)
    await staff.post(`${taskPath}/complete`).set(csrf).send({ variables: {} }).expect(422);
    await staff.post(`${taskPath}/complete`).set(csrf).set('Idempotency-Key', 'journey-complete-1').send({ variables: { verdict: 'confirmed', area: 30 } }).expect(200);

    // then the case is completed, in the list and in its state, with the staff member as the actor
    const done = await eventually(async () => {
      const res = await staff.get('/api/instances').query({ businessKey: 'BJ-2026-0815' }).expect(200);
      return res.body.items[0]?.status === 'completed' ? res.body.items[0] : undefined;
    }, 'the completed case');
    expect(done).toMatchObject({ id: caseId, startedBy: 'bajiao-staff', street: 'bajiao' });
    const final = await staff.get(`/api/instances/${encodeURIComponent(caseId)}`).expect(200);
    expect(final.body.state).toMatchObject({ status: 'completed', variables: { verdict: 'confirmed', area: 30 } });
    expect(final.body.state.completed.map((c: { elementId: string }) => c.elementId)).toEqual(['Start', 'Inspect', 'End']);
    const closed = await staff.get(taskPath).expect(200);
    expect(closed.body).toMatchObject({ status: 'completed', completedBy: 'bajiao-staff' });
  });
});
