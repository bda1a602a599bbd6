// The task list through the API: filters and sorting, form and variables, claim/unclaim/assign (recorded in the case's
// audit chain through the workflow), complete with form validation.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { AuditEvent, Task } from '../../store/models';
import { findTaskAnywhere } from '../../store/tasks';
import { claimTaskUpdate, completeTaskUpdate } from '../../workflows/definitions';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { eventually } from '../support/wait';
import { deployFixtures, inspectionCase } from './fixtures';

const taskUrl = (id: string, action = '') => `/api/tasks/${enc(id)}${action ? `/${action}` : ''}`;

describe('tasks', () => {
  let stack: ApiStack;
  let admin: ApiSession;
  beforeAll(async () => {
    stack = await startApiStack();
    await deployFixtures(stack, await stack.as('owner'));
    admin = await stack.as('admin');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  describe('list', () => {
    it('should filter by mine, my groups, street, status, due date and priority, sort by due date or priority, and page', async () => {
      // given tasks of different groups, due dates and priorities in both streets
      const a = await inspectionCase(admin, { businessKey: 'T-LIST-A', variables: { groups: ['enforcement'], dueAt: '2030-01-03T00:00:00Z', priority: 80 } });
      const b = await inspectionCase(admin, { businessKey: 'T-LIST-B', variables: { groups: ['enforcement'], dueAt: '2030-01-01T00:00:00Z', priority: 20 } });
      const c = await inspectionCase(admin, { businessKey: 'T-LIST-C', variables: { groups: ['liaison'], dueAt: '2030-01-02T00:00:00Z', priority: 60 } });
      const d = await inspectionCase(admin, { businessKey: 'T-LIST-D', street: 'lugu', variables: { groups: ['enforcement'] } });
      const staff = await stack.as('bajiao-staff');
      await staff.post(taskUrl(a.taskId, 'claim')).expect(200);
      const ids = async (query: string) => ((await staff.get(`/api/tasks?definitionKey=street-inspection&${query}`).expect(200)).body.items as Array<{ id: string }>).map((t) => t.id);

      // then each filter and sort answers as expected, within the caller's street only
      expect(await ids('sort=due')).toEqual([b.taskId, c.taskId, a.taskId]);
      expect(await ids('sort=-priority')).toEqual([a.taskId, c.taskId, b.taskId]);
      expect(await ids('mine=true')).toEqual([a.taskId]);
      expect(await ids('myGroups=true&sort=due')).toEqual([b.taskId]);
      expect(await ids('status=claimed')).toEqual([a.taskId]);
      expect(await ids('status=open,claimed&sort=due')).toEqual([b.taskId, c.taskId, a.taskId]);
      expect(await ids('dueBefore=2030-01-02T12:00:00Z&sort=due')).toEqual([b.taskId, c.taskId]);
      expect(await ids('minPriority=60&sort=priority')).toEqual([c.taskId, a.taskId]);
      expect(await ids('street=lugu')).toEqual([]);
      expect(await ids('sort=due&size=1&page=2')).toEqual([c.taskId]);
      const page = (await staff.get('/api/tasks?definitionKey=street-inspection&size=2').expect(200)).body;
      expect(page).toMatchObject({ page: 1, size: 2, total: 3 });
      expect((await (await stack.as('lugu-staff')).get('/api/tasks?definitionKey=street-inspection').expect(200)).body.items.map((t: { id: string }) => t.id)).toEqual([d.taskId]);
      expect((await staff.get('/api/tasks?sort=sideways').expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'query.sort' })]);
      expect((await staff.get('/api/tasks?status=done').expect(400)).body.errors[0].path).toMatch(/^query\.status/);
    });

    it('should show volunteers only the tasks they may act on', async () => {
      const forVolunteers = await inspectionCase(admin, { variables: { groups: ['volunteers'] } });
      const forStaff = await inspectionCase(admin, { variables: { groups: ['enforcement'] } });
      const volunteer = await stack.as('bajiao-volunteer');
      const seen = (await volunteer.get('/api/tasks?size=200').expect(200)).body.items.map((t: { id: string }) => t.id);
      expect(seen).toContain(forVolunteers.taskId);
      expect(seen).not.toContain(forStaff.taskId);
      await volunteer.get(taskUrl(forStaff.taskId)).expect(404);
    });
  });

  it('should read a task with its pinned form schema and the case variables its form shows (not the others)', async () => {
    const { taskId } = await inspectionCase(admin, { variables: { groups: ['enforcement'], 'reporter.name': '李四', note: '门前堆物' } });
    const staff = await stack.as('bajiao-staff');
    const res = await staff.get(taskUrl(taskId)).expect(200);
    expect(res.body).toMatchObject({ id: taskId, elementId: 'Inspect', name: '现场核查', status: 'open', formId: 'inspection-form', street: 'bajiao' });
    expect(res.body.variables).toEqual({ note: '门前堆物' });
    expect(res.body.form).toMatchObject({ id: 'inspection-form', version: 1 });
    expect(res.body.form.schema.components.map((c: { key?: string }) => c.key).filter(Boolean)).toEqual(['verdict', 'area', 'note', 'phone']);
    await staff.get(taskUrl('street-inspection:nothing/Inspect/t1')).expect(404);
  });

  describe('claim, unclaim, assign', () => {
    it('should let a candidate claim, refuse a second claimant (409) and a non-candidate (403), and let holder or commander unclaim', async () => {
      const { taskId } = await inspectionCase(admin, { variables: { groups: ['enforcement'] } });
      const staff = await stack.as('bajiao-staff');
      const commander = await stack.as('bajiao-commander');
      const liaison = await stack.as('bajiao-liaison');

      const claimed = await staff.post(taskUrl(taskId, 'claim')).expect(200);
      expect(claimed.body).toMatchObject({ status: 'claimed', assignee: 'bajiao-staff', claimedBy: 'bajiao-staff' });
      await staff.post(taskUrl(taskId, 'claim')).expect(200);
      expect((await liaison.post(taskUrl(taskId, 'claim')).expect(403)).body.code).toBe('not-a-candidate');
      expect((await liaison.post(taskUrl(taskId, 'unclaim')).expect(403)).body.code).toBe('not-the-assignee');
      expect(await Task.findById(taskId).lean()).toMatchObject({ assignee: 'bajiao-staff', status: 'claimed' });

      await commander.post(taskUrl(taskId, 'unclaim')).expect(200);
      expect(await Task.findById(taskId).lean()).toMatchObject({ assignee: null, status: 'open' });
      await staff.post(taskUrl(taskId, 'claim')).expect(200);
      await staff.post(taskUrl(taskId, 'unclaim')).expect(200);
    });

    it('should record claim, unclaim and assign in the case\'s audit chain with their actors, and the chain and its cross-check still verify', async () => {
      // given a task that staff claims, a commander unclaims, staff claims again and gives back, and a commander assigns
      const { id, taskId } = await inspectionCase(admin, { variables: { groups: ['enforcement', 'liaison'] } });
      const staff = await stack.as('bajiao-staff');
      const commander = await stack.as('bajiao-commander');
      await staff.post(taskUrl(taskId, 'claim')).expect(200);
      await staff.post(taskUrl(taskId, 'claim')).expect(200);
      await commander.post(taskUrl(taskId, 'unclaim')).expect(200);
      await staff.post(taskUrl(taskId, 'claim')).expect(200);
      await staff.post(taskUrl(taskId, 'unclaim')).expect(200);
      await commander.post(taskUrl(taskId, 'assign'), { assignee: 'bajiao-liaison' }).expect(200);

      // then the chain holds each change once (the repeated claim changed nothing), in order, with who made it
      const auditor = await stack.as('auditor');
      const rows = (await auditor.get(`/api/instances/${enc(id)}/audit`).expect(200)).body.rows as Array<{ seq: number; kind: string; actor: string; elementId: string; data: Record<string, unknown> }>;
      const changes = rows.filter((r) => /^task\.(claimed|unclaimed|assigned)$/.test(r.kind));
      expect(changes.map((r) => [r.kind, r.actor, r.data.previous, r.data.assignee])).toEqual([
        ['task.claimed', 'bajiao-staff', null, 'bajiao-staff'],
        ['task.unclaimed', 'bajiao-commander', 'bajiao-staff', null],
        ['task.claimed', 'bajiao-staff', null, 'bajiao-staff'],
        ['task.unclaimed', 'bajiao-staff', 'bajiao-staff', null],
        ['task.assigned', 'bajiao-commander', null, 'bajiao-liaison'],
      ]);
      expect(changes.every((r) => r.data.taskId === taskId && r.elementId === rows.find((o) => o.kind === 'task.opened')?.elementId)).toBe(true);
      expect(await Task.findById(taskId).lean()).toMatchObject({ status: 'claimed', assignee: 'bajiao-liaison', claimedBy: 'bajiao-commander' });

      // and the chain verifies, and equals what replaying the Temporal history produces (the timeline's source)
      const verdict = (await auditor.post(`/api/instances/${enc(id)}/audit/verify`).expect(200)).body;
      expect(verdict).toMatchObject({ ok: true, firstBrokenSeq: null, chain: { ok: true, rows: rows.length }, crossCheck: { status: 'checked', ok: true, compared: rows.length } });
      const history = (await auditor.get(`/api/instances/${enc(id)}/history`).expect(200)).body;
      expect(history.replay).toEqual({ ok: true });

      // and the workflow itself refuses, recording nothing, a claim of a task someone else holds or that is not open
      const refusal = (req: { taskId: string; actor: string }) =>
        stack.client.workflow.getHandle(id).executeUpdate(claimTaskUpdate, { args: [req] }).then(
          () => null,
          (e: Error) => (e instanceof WorkflowUpdateFailedError ? e.cause?.message : e),
        );
      expect(await refusal({ taskId, actor: 'bajiao-staff' })).toBe(`task ${taskId} is claimed by bajiao-liaison`);
      expect(await refusal({ taskId: `${taskId}-gone`, actor: 'bajiao-staff' })).toBe(`task ${taskId}-gone is not open`);
      expect(await AuditEvent.countDocuments({ instanceId: id })).toBe(rows.length);

      // and the holder completes it, after which claiming is a 409
      await (await stack.as('bajiao-liaison')).post(taskUrl(taskId, 'complete'), { variables: { verdict: 'confirmed' } }).expect(200);
      expect((await staff.post(taskUrl(taskId, 'claim')).expect(409)).body.code).toBe('task-closed');
    });

    it('should refuse a completion sent for an unclaimed task once someone else\'s claim was accepted (claim wins, nothing recorded)', async () => {
      // given a task that staff claims after a candidate looked at it unclaimed
      const { id, taskId } = await inspectionCase(admin, { variables: { groups: ['enforcement'] } });
      const staff = await stack.as('bajiao-staff');
      await staff.post(taskUrl(taskId, 'claim')).expect(200);
      const rows = await AuditEvent.countDocuments({ instanceId: id });

      // when the completion of the candidate who saw it unclaimed reaches the workflow
      const completion = stack.client.workflow
        .getHandle(id)
        .executeUpdate(completeTaskUpdate, { args: [{ taskId, variables: { verdict: 'confirmed' }, actor: 'bajiao-commander', holder: null }] })
        .then(
          () => null,
          (e: Error) => (e instanceof WorkflowUpdateFailedError ? e.cause?.message : e),
        );

      // then it is refused naming the holder, the task stays open with staff, and the chain is unchanged
      expect(await completion).toBe(`task ${taskId} is claimed by bajiao-staff`);
      expect(await Task.findById(taskId).lean()).toMatchObject({ assignee: 'bajiao-staff', status: 'claimed' });
      expect(await AuditEvent.countDocuments({ instanceId: id })).toBe(rows);
      await staff.post(taskUrl(taskId, 'complete'), { variables: { verdict: 'confirmed' } }).expect(200);
    });

    it('should answer one 200 and otherwise 409 when two candidates claim at once', async () => {
      const { taskId } = await inspectionCase(admin, { variables: { groups: ['enforcement'] } });
      const staff = await stack.as('bajiao-staff');
      await admin.patch('/api/users/bajiao-commander', { groups: ['command-center', 'enforcement'] }).expect(200);
      // a change of groups ends the user's sessions (credential version): sign in again
      const other = await stack.signInAgain('bajiao-commander');
      const answers = await Promise.all([staff.post(taskUrl(taskId, 'claim')), other.post(taskUrl(taskId, 'claim'))]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)?.body.code).toBe('task-claimed');
      // and the chain holds the one claim that won
      const winner = answers.find((a) => a.status === 200)?.body.assignee;
      const claims = await AuditEvent.find({ instanceId: (await Task.findById(taskId).lean())?.instanceId, kind: 'task.claimed' }).lean();
      expect(claims.map((c) => c.actor)).toEqual([winner]);
      await admin.patch('/api/users/bajiao-commander', { groups: ['command-center'] }).expect(200);
      await stack.signInAgain('bajiao-commander');
    });

    it('should let a commander assign to a candidate of the street, and refuse unknown, other-street or non-candidate users (422)', async () => {
      const { taskId } = await inspectionCase(admin, { variables: { groups: ['enforcement', 'liaison'] } });
      const commander = await stack.as('bajiao-commander');
      const assigned = await commander.post(taskUrl(taskId, 'assign'), { assignee: 'bajiao-liaison' }).expect(200);
      expect(assigned.body).toMatchObject({ assignee: 'bajiao-liaison', claimedBy: 'bajiao-commander', status: 'claimed' });
      expect((await commander.post(taskUrl(taskId, 'assign'), { assignee: 'bajiao-volunteer' }).expect(422)).body.code).toBe('assignee-not-candidate');
      expect((await commander.post(taskUrl(taskId, 'assign'), { assignee: 'ghost' }).expect(422)).body.code).toBe('unknown-assignee');
      expect((await commander.post(taskUrl(taskId, 'assign'), { assignee: 'lugu-staff' }).expect(422)).body.code).toBe('assignee-out-of-scope');
      expect((await commander.post(taskUrl(taskId, 'assign'), {}).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'body.assignee' })]);
      expect(await Task.findById(taskId).lean()).toMatchObject({ assignee: 'bajiao-liaison' });
    });
  });

  describe('complete', () => {
    it('should validate form data before the update: 422 with field paths, and nothing changes', async () => {
      const { id, taskId } = await inspectionCase(admin, { variables: { groups: ['enforcement'] } });
      const staff = await stack.as('bajiao-staff');
      const res = await staff.post(taskUrl(taskId, 'complete'), { variables: { verdict: 'maybe', area: 'big', note: 'x'.repeat(21), phone: '12345' } }).expect(422);
      expect(res.body.code).toBe('invalid-form-data');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.variables.verdict', 'body.variables.area', 'body.variables.note', 'body.variables.phone']);
      const missing = await staff.post(taskUrl(taskId, 'complete'), { variables: { area: 5 } }).expect(422);
      expect(missing.body.errors).toEqual([{ path: 'body.variables.verdict', message: '"核查结论" is required' }]);
      expect(await Task.findById(taskId).lean()).toMatchObject({ status: 'open' });
      const state = (await staff.get(`/api/instances/${enc(id)}`).expect(200)).body.state;
      expect(state.openTasks).toEqual([taskId]);
      expect(state.variables.verdict).toBeUndefined();
    });

    it('should complete with valid data as the signed-in user; completing again or claiming a completed task is a 409', async () => {
      const { id, taskId } = await inspectionCase(admin, { variables: { groups: ['enforcement'] } });
      const staff = await stack.as('bajiao-staff');
      const done = await staff.post(taskUrl(taskId, 'complete'), { variables: { verdict: 'confirmed', area: 12.5, phone: '13800000000' } }).expect(200);
      expect(done.body).toMatchObject({ id: taskId, status: 'completed', completedBy: 'bajiao-staff', case: { status: 'completed', variables: { verdict: 'confirmed', area: 12.5 } } });
      await eventually(() => findTaskAnywhere(taskId).then((t) => (t?.status === 'completed' ? t : undefined)), 'the closed task');
      expect(await findTaskAnywhere(taskId)).toMatchObject({ completedBy: 'bajiao-staff' });
      // the closed task has moved from the open tasks to the history
      expect(await Task.exists({ _id: taskId })).toBeNull();
      expect((await staff.post(taskUrl(taskId, 'complete'), { variables: { verdict: 'confirmed' } }).expect(409)).body.code).toBe('task-closed');
      expect((await staff.post(taskUrl(taskId, 'claim')).expect(409)).body.code).toBe('task-closed');
      const audit = await AuditEvent.find({ instanceId: id, kind: 'task.completed' }).lean();
      expect(audit.map((a) => a.actor)).toEqual(['bajiao-staff']);
    });

    it('should refuse a non-candidate (403) and, for a task claimed by someone else, a candidate (409)', async () => {
      const { taskId } = await inspectionCase(admin, { variables: { groups: ['enforcement', 'command-center'] } });
      const liaison = await stack.as('bajiao-liaison');
      const staff = await stack.as('bajiao-staff');
      expect((await liaison.post(taskUrl(taskId, 'complete'), { variables: { verdict: 'confirmed' } }).expect(403)).body.code).toBe('not-a-candidate');
      await admin.post(taskUrl(taskId, 'assign'), { assignee: 'bajiao-commander' }).expect(200);
      expect((await staff.post(taskUrl(taskId, 'complete'), { variables: { verdict: 'confirmed' } }).expect(409)).body.code).toBe('task-claimed');
      expect((await liaison.post(taskUrl(taskId, 'complete'), { variables: { verdict: 'confirmed' } }).expect(403)).body.code).toBe('not-the-assignee');
      await (await stack.as('bajiao-commander')).post(taskUrl(taskId, 'complete'), { variables: { verdict: 'rejected' } }).expect(200);
    });

    it('should complete exactly once for concurrent identical requests with the same Idempotency-Key', async () => {
      // given an open task and five identical completions sent at once with one key
      const { id, taskId } = await inspectionCase(admin, { variables: { groups: ['enforcement'] } });
      const staff = await stack.as('bajiao-staff');
      const body = { variables: { verdict: 'confirmed' } };
      const answers = await Promise.all(Array.from({ length: 5 }, () => staff.post(taskUrl(taskId, 'complete'), body).set('Idempotency-Key', `done-${taskId}`)));

      // then every answer is the same 200, and the case recorded one completion
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
      expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
      const completions = await AuditEvent.countDocuments({ instanceId: id, kind: 'task.completed' });
      expect(completions).toBe(1);

      // and the key with another body is refused
      const other = await staff.post(taskUrl(taskId, 'complete'), { variables: { verdict: 'rejected' } }).set('Idempotency-Key', `done-${taskId}`).expect(422);
      expect(other.body.code).toBe('idempotency-key-reused');
    });

    it('should complete once and refuse the rest (409) for concurrent completions without a key', async () => {
      const { id, taskId } = await inspectionCase(admin, { variables: { groups: ['enforcement'] } });
      const staff = await stack.as('bajiao-staff');
      const answers = await Promise.all(Array.from({ length: 3 }, () => staff.post(taskUrl(taskId, 'complete'), { variables: { verdict: 'confirmed' } })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
      expect(await AuditEvent.countDocuments({ instanceId: id, kind: 'task.completed' })).toBe(1);
    });
  });
});
