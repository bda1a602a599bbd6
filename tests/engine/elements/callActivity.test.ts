// Call activities on the real stack: the child case is a child workflow of the parent's street and business key; its
// variables come back (all, or through output mappings); a missing called process is an incident resolved by
// deploying it; cancelling the parent or an interrupting boundary timer cancels the child and its tasks; the child's
// incident shows through the parent's links; the parent's audit chain holds the child's final chain head.
import fs from 'node:fs';
import path from 'node:path';
import { deploy } from '../../../server/services/definitions';
import { caseLinks } from '../../../server/services/cases';
import { auditWhen, instanceOf, runCase, summaryWhere, tasksWhen } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';
import { eventually } from '../../support/wait';
import { stateQuery, completeTaskUpdate, resolveIncidentUpdate } from '../../../workflows/definitions';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const deployFixture = (name: string) => deploy({ xml: fs.readFileSync(fixture(name), 'utf8'), deployedBy: 'test' });

/** The child case of call activity `elementId` of case `parentId` (its summary row, once written). */
const childOf = (parentId: string, elementId: string) =>
  eventually(() => summaryWhere({ parentInstanceId: parentId, parentElementId: elementId }).then((row) => row ?? undefined), `the child case of <${elementId}>`);

describe('call activities', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await deployFixture('call-child-visit.bpmn');
    await deployFixture('call-child-check.bpmn');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Completes the open task of `elementId` in case `id` (a child case, driven by its own handle). */
  async function completeIn(id: string, elementId: string, variables: Record<string, unknown>) {
    const handle = stack.client.workflow.getHandle(id);
    const taskId = await eventually(async () => (await handle.query(stateQuery)).openTasks.find((t) => t.includes(`/${elementId}/`)), `a task on <${elementId}> in ${id}`);
    return handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, variables, actor: 'inspector' }] });
  }

  it("should run the called process as a child case in the parent's street and business key, and take back all its variables", async () => {
    // given a campaign whose call activity calls call-site-visit with siteName = site.name
    const c = await runCase(stack, fixture('call-parent.bpmn'), { variables: { site: { name: 'Dock 7' } }, businessKey: 'campaign-static' });

    // then the child case runs under <case>/<element>/<instance>, in the parent's business key, with the parent's variables
    const child = await childOf(c.id, 'Visit');
    expect(child._id).toMatch(new RegExp(`^${c.id}/Visit/e\\d+$`));
    expect(child).toMatchObject({ definitionKey: 'call-site-visit', businessKey: 'campaign-static', parentInstanceId: c.id, parentElementId: 'Visit', startedBy: 'test' });
    const childState = await completeIn(child._id, 'Inspect', { visited: true });
    expect(childState.status).toBe('completed');

    // when the child completes, then the parent completes with the child's variables; siteName, a local of the call
    // activity (its input mapping), stays local and ends with it (Camunda 8)
    const result = await c.result();
    expect(result).toMatchObject({ status: 'completed', variables: { site: { name: 'Dock 7' }, visited: true } });
    expect(result.variables).not.toHaveProperty('siteName');

    // and the parent's audit chain holds the child's final chain head, which matches the child's chain
    const childAudit = await auditWhen(child._id, (rows) => rows.some((r) => r.kind === 'instance.completed'), 'the child chain closed');
    const parentAudit = await auditWhen(c.id, (rows) => rows.some((r) => r.kind === 'child.completed'), 'child.completed in the parent');
    const completed = parentAudit.find((r) => r.kind === 'child.completed');
    const last = childAudit[childAudit.length - 1];
    expect(JSON.parse(completed?.dataJson ?? '{}')).toMatchObject({ childInstanceId: child._id, processId: 'call-site-visit', auditHead: { lastSeq: last.seq, hash: last.hash } });
    expect(parentAudit.map((r) => r.kind)).toEqual(expect.arrayContaining(['child.started', 'child.completed']));
  });

  it('should call the process a FEEL processId names and set only the output mappings when propagateAllChildVariables is false', async () => {
    // given a call activity with processId ="call-site-" + kind, propagateAllChildVariables="false" and output outcome = verdict
    const c = await runCase(stack, fixture('call-parent-feel.bpmn'), { variables: { kind: 'visit' } });

    // when the child call-site-visit completes with verdict and extra
    const child = await childOf(c.id, 'Visit');
    expect(child.definitionKey).toBe('call-site-visit');
    await completeIn(child._id, 'Inspect', { verdict: 'fine', extra: 1 });

    // then only outcome reaches the parent
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { kind: 'visit', outcome: 'fine' } });
    expect((await c.result()).variables).not.toHaveProperty('extra');
  });

  it("should show a child's incident through the parent's links", async () => {
    // given a call activity calling call-site-check, whose gateway has no flow for ok = false
    const c = await runCase(stack, fixture('call-parent-feel.bpmn'), { variables: { kind: 'check', ok: false } });

    // then the child has an incident, and the parent's links list the child with it
    const child = await eventually(async () => {
      const row = await summaryWhere({ parentInstanceId: c.id });
      return row?.status === 'incident' ? row : undefined;
    }, 'the child with an incident');
    const parentRow = await instanceOf(c.id);
    const links = await caseLinks(parentRow as NonNullable<typeof parentRow>);
    expect(links.children).toEqual([{ instanceId: child._id, elementId: 'Visit', definitionKey: 'call-site-check', status: 'incident', openIncidents: 1 }]);
    expect(await caseLinks(child)).toEqual({ parent: { instanceId: c.id, elementId: 'Visit' }, children: [] });
    await c.cancel();
  });

  it('should raise an incident naming a called process that is not deployed, and start it once deployed and resolved', async () => {
    // given a call activity calling call-late-process, which is not deployed, with only siteName propagated
    const c = await runCase(stack, fixture('call-parent-late.bpmn'), { variables: { site: { name: 'Pier 3' }, secret: 'x' } });

    // then the call activity has an incident naming the process
    const stopped = await c.until((s) => s.incidents.length === 1, 'an incident');
    expect(stopped.incidents[0]).toMatchObject({ elementId: 'Late', kind: 'childFailed' });
    expect(stopped.incidents[0].message).toContain('process <call-late-process> is not deployed');

    // when the process is deployed and the incident resolved
    await deployFixture('call-child-late.bpmn');
    await stack.client.workflow.getHandle(c.id).executeUpdate(resolveIncidentUpdate, { args: [{ incidentId: stopped.incidents[0].id, actor: 'test' }] });

    // then a child runs (under the next attempt's id) with only the input mapping, and the parent completes with its result
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { site: { name: 'Pier 3' }, secret: 'x', stamp: 'late Pier 3' } });
    const child = await childOf(c.id, 'Late');
    expect(child._id).toMatch(/\/Late\/e\d+\.2$/);
  });

  it('should cancel the child case and its open task when the parent case is cancelled', async () => {
    // given a campaign waiting for its child's open task
    const c = await runCase(stack, fixture('call-parent.bpmn'), { variables: { site: { name: 'Dock 9' } } });
    const child = await childOf(c.id, 'Visit');
    await tasksWhen(child._id, (rows) => rows.length === 1, 'the child task open');

    // when the parent case is cancelled
    await c.cancel('campaign stopped');

    // then the child records its own cancellation and its task is cancelled; the parent closes after it
    expect(await c.result()).toMatchObject({ status: 'cancelled' });
    expect(await stack.client.workflow.getHandle(child._id).result()).toMatchObject({ status: 'cancelled' });
    const rows = await tasksWhen(child._id, (r) => r[0]?.status === 'cancelled', 'the child task cancelled');
    expect(rows).toHaveLength(1);
    const childAudit = await auditWhen(child._id, (r) => r.some((a) => a.kind === 'instance.cancelled'), 'the child cancelled in its chain');
    expect(childAudit.map((a) => a.kind)).toEqual(expect.arrayContaining(['task.cancelled', 'element.terminated', 'instance.cancelled']));
    await eventually(() => instanceOf(child._id).then((r) => (r?.status === 'cancelled' ? r : undefined)), 'the child summary cancelled');
    const parentAudit = await auditWhen(c.id, (r) => r.some((a) => a.kind === 'instance.cancelled'), 'the parent cancelled');
    expect(parentAudit.map((a) => a.kind)).toContain('child.cancelled');
  });

  it('should cancel the child case when an interrupting boundary timer on the call activity fires', async () => {
    // given a call activity with an interrupting PT2S timer whose child waits at a task nobody completes
    const c = await runCase(stack, fixture('call-parent-timer.bpmn'));
    const child = await childOf(c.id, 'Visit');

    // then the timer ends the parent through its own path, and the child is cancelled with its task
    expect(await c.result()).toMatchObject({ status: 'completed' });
    expect((await c.state()).completed.map((e) => e.elementId)).toEqual(expect.arrayContaining(['Deadline', 'TimedOut']));
    expect(await stack.client.workflow.getHandle(child._id).result()).toMatchObject({ status: 'cancelled' });
    await tasksWhen(child._id, (r) => r[0]?.status === 'cancelled', 'the child task cancelled');
  });
});
