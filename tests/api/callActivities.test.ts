// Call activities through the API: GET /api/instances/:id of a parent lists its child cases (status, open incidents),
// the child names its parent; the child runs in the parent's street, so another street sees neither; the audit view
// links the parent's chain to the child's and checks the head the parent recorded.
import fs from 'node:fs';
import path from 'node:path';
import { type ApiStack, enc, startApiStack } from '../support/api';
import { instanceOf, summaryWhere } from '../support/cases';
import { completeTask } from '../support/caseTasks';
import { eventually } from '../support/wait';
import { uniqueKey } from './fixtures';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'engine', 'elements', 'fixtures', name), 'utf8');

describe('call activities through the API', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
    const owner = await stack.as('owner');
    for (const name of ['call-child-visit.bpmn', 'call-child-check.bpmn', 'call-parent-feel.bpmn']) {
      await owner.post('/api/deployments', { xml: fixture(name) }).expect((r) => expect([200, 201]).toContain(r.status));
    }
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Starts a call-campaign-feel case in bajiao calling call-site-<kind>; returns its id and its child's row once written. */
  async function startCampaign(variables: Record<string, unknown>) {
    const admin = await stack.as('admin');
    const res = await admin.post('/api/instances', { definitionKey: 'call-campaign-feel', businessKey: uniqueKey('CA'), street: 'bajiao', variables }).expect(201);
    const id = res.body.id as string;
    const child = await eventually(() => summaryWhere({ parentInstanceId: id }).then((r) => r ?? undefined), 'the child case');
    return { id, childId: child._id };
  }

  it("should list the parent's child cases with their incidents, name the child's parent, and keep both in the parent's street", async () => {
    // given a campaign whose child (call-site-check with ok = false) stops with an incident
    const { id, childId } = await startCampaign({ kind: 'check', ok: false });
    await eventually(() => instanceOf(childId).then((r) => (r?.status === 'incident' ? r : undefined)), 'the child incident');

    // when bajiao's people read the parent and the child
    const commander = await stack.as('bajiao-commander');
    const parent = await commander.get(`/api/instances/${enc(id)}`).expect(200);
    const child = await commander.get(`/api/instances/${enc(childId)}`).expect(200);

    // then the parent lists the child with its open incident, and the child names its parent and call activity
    expect(parent.body.children).toEqual([{ instanceId: childId, elementId: 'Visit', definitionKey: 'call-site-check', status: 'incident', openIncidents: 1 }]);
    expect(parent.body).not.toHaveProperty('parent');
    expect(child.body).toMatchObject({ street: 'bajiao', parent: { instanceId: id, elementId: 'Visit' }, children: [] });
    expect(child.body.state.incidents).toEqual([expect.objectContaining({ elementId: 'Ok', kind: 'noMatchingFlow' })]);

    // and another street sees neither
    const lugu = await stack.as('lugu-commander');
    await lugu.get(`/api/instances/${enc(id)}`).expect(404);
    await lugu.get(`/api/instances/${enc(childId)}`).expect(404);
    await (await stack.as('admin')).post(`/api/instances/${enc(id)}/cancel`, { reason: 'test over' }).expect(200);
  });

  it("should link the parent's audit chain to the child's and check the head the parent recorded", async () => {
    // given a campaign whose child (call-site-visit) a person completes
    const { id, childId } = await startCampaign({ kind: 'visit' });
    const admin = await stack.as('admin');
    // (the task as the task list has it: the case's own state shows it a moment before the list does)
    await completeTask(admin, childId, 'Inspect', { verdict: 'fine' });
    await eventually(() => instanceOf(id).then((r) => (r?.status === 'completed' ? r : undefined)), 'the parent completed');

    // when the auditor reads both chains
    const auditor = await stack.as('auditor');
    const parent = await eventually(async () => {
      const res = await auditor.get(`/api/instances/${enc(id)}/audit`).expect(200);
      return res.body.rows.some((r: { kind: string }) => r.kind === 'instance.completed') ? res : undefined;
    }, "the parent's chain closed");
    const child = await auditor.get(`/api/instances/${enc(childId)}/audit`).expect(200);

    // then the parent's links hold the child's final head, which is the end of the child's chain
    const last = child.body.rows[child.body.rows.length - 1];
    expect(parent.body.links).toEqual({ parent: null, children: [{ instanceId: childId, elementId: 'Visit', recordedHead: { lastSeq: last.seq, hash: last.hash }, matches: true }] });
    expect(child.body.links).toEqual({ parent: { instanceId: id, elementId: 'Visit' }, children: [] });
  });
});
