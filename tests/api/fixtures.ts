// Fixtures shared by the API tests: the BPMN files and form, deploying them, and starting cases whose task or wait is ready.
import fs from 'node:fs';
import path from 'node:path';
import { Instance, Task } from '../../store/models';
import { deploy } from '../../server/services/definitions';
import { caseState } from '../../server/services/cases';
import type { ApiSession, ApiStack } from '../support/api';
import { testJob } from '../support/jobs';
import { eventually } from '../support/wait';

const read = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

/** BPMN of the street inspection (one user task with form `inspection-form`, FEEL groups, due date, priority). */
export const inspectionXml = read('street-inspection.bpmn');
/** BPMN of a case waiting for message `report-received` keyed by `caseNo`. */
export const awaitReportXml = read('await-report.bpmn');
/** BPMN of a case patrolling at user task `Patrol` until signal `storm-warning` interrupts it (boundary event `Storm`). */
export const awaitSignalXml = read('await-signal.bpmn');
/** BPMN of a case whose service task (`test.flaky`) fails once per case, raising an incident. */
export const flakyXml = read('flaky-job.bpmn');
/** BPMN of a case with statutory clocks 办案期限 (P90D, approvers liaison) and 公示期 (20 working days, approvers enforcement, liaison, process-owner), both started by its start event; user task `Investigate` is due at 办案期限's deadline. */
export const legalClockXml = read('legal-clock.bpmn');
/** BPMN of a case whose clock 检测时限 (PT15S, approvers enforcement) starts when task `Begin` completes; task `Inspect`'s boundary timer `Overdue` fires at its deadline. */
export const legalTimerXml = read('legal-timer.bpmn');
/** The form-js schema of `inspection-form` (verdict required; area 0..10000; note ≤ 20 chars; phone pattern). */
export const inspectionForm = JSON.parse(read('inspection-form.json')) as Record<string, unknown>;

/** Every candidate group of the demo task workers, so any of them may act on a task. */
export const WORKER_GROUPS = ['enforcement', 'command-center', 'liaison', 'volunteers', 'residents', 'admin'];

const failedOnce = new Set<string>();
/** The job type of flaky-job.bpmn: the first attempt of each case fails, later ones succeed. */
export const flakyJob = testJob('test.flaky', async (input) => {
  if (!failedOnce.has(input.instanceId)) {
    failedOnce.add(input.instanceId);
    throw new Error('the register is offline');
  }
  return { synced: true };
});

let counter = 0;
/** A business key unique within the test run. */
export const uniqueKey = (prefix = 'K') => `${prefix}-${process.pid}-${Date.now().toString(36)}-${(counter += 1)}`;

/** Deploys the fixtures: the form first (so it is pinned), then the processes (flaky-job through the service, and only when the worker runs its job type). */
export async function deployFixtures(stack: ApiStack, owner: ApiSession): Promise<void> {
  await owner.put('/api/forms/inspection-form', { schema: inspectionForm }).expect((r) => expect([200, 201]).toContain(r.status));
  await owner.post('/api/deployments', { xml: inspectionXml }).expect((r) => expect([200, 201]).toContain(r.status));
  await owner.post('/api/deployments', { xml: awaitReportXml }).expect((r) => expect([200, 201]).toContain(r.status));
  await owner.post('/api/deployments', { xml: awaitSignalXml }).expect((r) => expect([200, 201]).toContain(r.status));
  if (stack.jobTypes.includes(flakyJob.type)) await deploy({ xml: flakyXml, deployedBy: 'test' }, new Set(stack.jobTypes));
}

/** Deploys the legal-time fixtures (legal-clock, legal-timer). */
export async function deployLegalFixtures(owner: ApiSession): Promise<void> {
  for (const xml of [legalClockXml, legalTimerXml]) await owner.post('/api/deployments', { xml }).expect((r) => expect([200, 201]).toContain(r.status));
}

/** Starts a legal-clock case in bajiao as `starter` and waits for its task row (its clocks have started); returns both ids. */
export async function legalClockCase(starter: ApiSession): Promise<{ id: string; taskId: string }> {
  const res = await starter.post('/api/instances', { definitionKey: 'legal-clock', businessKey: uniqueKey('FZ'), street: 'bajiao' });
  if (res.status !== 201) throw new Error(`start answered ${res.status}: ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  const task = await eventually(() => Task.findOne({ instanceId: id }).lean().then((t) => t ?? undefined), `the task of ${id}`);
  return { id, taskId: task._id };
}

/** Starts an inspection case as `starter` and waits for its task row; returns both ids. */
export async function inspectionCase(
  starter: ApiSession,
  options: { street?: string; variables?: Record<string, unknown>; businessKey?: string } = {},
): Promise<{ id: string; taskId: string }> {
  const res = await starter.post('/api/instances', {
    definitionKey: 'street-inspection',
    businessKey: options.businessKey ?? uniqueKey('XC'),
    street: options.street ?? 'bajiao',
    variables: { groups: WORKER_GROUPS, ...options.variables },
  });
  if (res.status !== 201) throw new Error(`start answered ${res.status}: ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  const task = await eventually(() => Task.findOne({ instanceId: id }).lean().then((t) => t ?? undefined), `the task of ${id}`);
  return { id, taskId: task._id };
}

/** Starts an await-report case and waits until its summary shows it waiting for the message. */
export async function waitingCase(starter: ApiSession, caseNo: string, street = 'bajiao'): Promise<string> {
  const res = await starter.post('/api/instances', { definitionKey: 'await-report', businessKey: uniqueKey('BD'), street, variables: { caseNo } });
  if (res.status !== 201) throw new Error(`start answered ${res.status}: ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  await eventually(() => Instance.findById(id).lean().then((r) => (r?.currentElements?.includes('AwaitReport') ? r : undefined)), `${id} waiting for the report`);
  return id;
}

/** Starts an await-signal case and waits until its summary lists signal `storm-warning`; returns its id. */
export async function signalCase(starter: ApiSession, street = 'bajiao'): Promise<string> {
  const res = await starter.post('/api/instances', { definitionKey: 'await-signal', businessKey: uniqueKey('SG'), street, variables: { groups: WORKER_GROUPS } });
  if (res.status !== 201) throw new Error(`start answered ${res.status}: ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  await eventually(() => Instance.findById(id).lean().then((r) => (r?.waitingSignals?.includes('storm-warning') ? r : undefined)), `${id} waiting for the signal`);
  return id;
}

/** Starts a flaky-job case and waits for its incident; returns the case and incident ids. */
export async function incidentCase(stack: ApiStack, starter: ApiSession, street = 'bajiao'): Promise<{ id: string; incidentId: string }> {
  const res = await starter.post('/api/instances', { definitionKey: 'flaky-job', businessKey: uniqueKey('TB'), street });
  if (res.status !== 201) throw new Error(`start answered ${res.status}: ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  const state = await eventually(() => caseState(stack.client, id).then((s) => (s.incidents.length > 0 ? s : undefined)), `an incident in ${id}`);
  await eventually(() => Instance.findById(id).lean().then((r) => (r?.status === 'incident' ? r : undefined)), `${id} summary in incident`);
  return { id, incidentId: state.incidents[0].id };
}
