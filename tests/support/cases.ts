// Helpers for specs that run BPMN cases on the real stack: deploy a fixture, start it, drive it, read its state.
import fs from 'node:fs';
import type { WorkflowHandle } from '@temporalio/client';
import type { Variables } from '../../engine/interpreter/types';
import type { WorkCalendar } from '../../contracts/legalTime';
import { deploy, loadVersion } from '../../server/services/definitions';
import { startCase } from '../../server/services/cases';
import { findInstanceAnywhere, type InstanceRow } from '../../store/instances';
import { AuditEvent, Instance, InstanceHistory } from '../../store/models';
import { tasksOfCase } from '../../store/tasks';
import {
  BPMN_WORKFLOW_TYPE,
  type BpmnProcessInput,
  cancelUpdate,
  caseWorkflowId,
  type CaseStateView,
  completeTaskUpdate,
  correlateMessageUpdate,
  resolveIncidentUpdate,
  stateQuery,
} from '../../workflows/definitions';
import type { TestStack } from './stack';
import { eventually } from './wait';

let counter = 0;

/** A running case under test. */
export interface CaseUnderTest {
  id: string;
  handle: WorkflowHandle;
  state(): Promise<CaseStateView>;
  /** Waits until the state satisfies `predicate`, then returns it. */
  until(predicate: (state: CaseStateView) => boolean, what: string, timeoutMs?: number): Promise<CaseStateView>;
  /** Waits for the open task of `elementId` and completes it with `variables`. */
  completeTask(elementId: string, variables?: Variables, actor?: string): Promise<CaseStateView>;
  /** Waits for the open task of `elementId` and returns its id. */
  openTaskId(elementId: string): Promise<string>;
  /** Sends the completeTask update for a task id as it is (for refusals). */
  completeTaskId(taskId: string, variables: unknown, actor?: string): Promise<CaseStateView>;
  correlate(name: string, correlationKey: string, variables?: Variables): Promise<CaseStateView>;
  resolveIncident(incidentId: string): Promise<CaseStateView>;
  /** Cancels the case with a reason (the `cancel` update). */
  cancel(reason?: string): Promise<CaseStateView>;
  /** Waits for the workflow to end and returns its result. */
  result(): Promise<{ status: string; variables: Variables }>;
}

/** Deploys the BPMN file (process `processId` when it has several) and starts a case of it. */
export async function runCase(
  stack: TestStack,
  bpmnPath: string,
  options: { variables?: Variables; businessKey?: string; processId?: string; knownJobTypes?: string[]; limits?: BpmnProcessInput['limits']; calendar?: WorkCalendar } = {},
): Promise<CaseUnderTest> {
  const xml = fs.readFileSync(bpmnPath, 'utf8');
  const known = new Set(options.knownJobTypes ?? stack.jobTypes);
  const deployed = await deploy({ xml, processId: options.processId, deployedBy: 'test' }, known);
  counter += 1;
  const input = {
    definitionKey: deployed.key,
    businessKey: options.businessKey ?? `case-${process.pid}-${counter}`,
    variables: options.variables ?? {},
    startedBy: 'test',
    ...(options.calendar ? { calendar: options.calendar } : {}),
  };
  const started = options.limits ? await startWithLimits(stack, input, options.limits) : await startCase(stack.client, stack.taskQueue, input);
  const handle = stack.client.workflow.getHandle(started.id);
  const state = () => handle.query(stateQuery);
  const until = (predicate: (s: CaseStateView) => boolean, what: string, timeoutMs = 30_000) =>
    eventually(async () => {
      // A query that times out while a long workflow task runs (e.g. the loop guard's 1,000 steps on a busy
      // machine) is asked again, not failed: only the deadline of `eventually` ends the wait.
      const s = await state().catch((error: unknown) => {
        if (String((error as Error).cause ?? error).includes('DEADLINE_EXCEEDED')) return undefined;
        throw error;
      });
      return s && predicate(s) ? s : undefined;
    }, what, timeoutMs);
  const openTaskId = async (elementId: string) => {
    const s = await until((v) => v.openTasks.some((t) => t.includes(`/${elementId}/`)), `an open task on <${elementId}>`);
    return s.openTasks.find((t) => t.includes(`/${elementId}/`)) as string;
  };
  return {
    id: started.id,
    handle,
    state,
    until,
    openTaskId,
    async completeTask(elementId, variables = {}, actor = 'test') {
      const taskId = await openTaskId(elementId);
      return handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, variables, actor }] });
    },
    completeTaskId: (taskId, variables, actor = 'test') =>
      handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, variables: variables as Variables, actor }] }),
    correlate: (name, correlationKey, variables = {}) =>
      handle.executeUpdate(correlateMessageUpdate, { args: [{ name, correlationKey, variables, actor: 'test' }] }),
    resolveIncident: (incidentId) => handle.executeUpdate(resolveIncidentUpdate, { args: [{ incidentId, actor: 'test' }] }),
    cancel: (reason = 'cancelled by the test') => handle.executeUpdate(cancelUpdate, { args: [{ reason, actor: 'test' }] }),
    result: () => handle.result(),
  };
}

/** The ids of the elements a case has completed, in order. */
export const completedIds = (state: CaseStateView) => state.completed.map((c) => c.elementId);

/** The task rows of a case in the read model (open ones and the history), oldest first. */
export const tasksOf = (instanceId: string) => tasksOfCase(instanceId);

/** Waits until the task rows of a case (written by activities, a moment after the state) satisfy `predicate`. */
export const tasksWhen = (instanceId: string, predicate: (rows: Awaited<ReturnType<typeof tasksOf>>) => boolean, what: string) =>
  eventually(async () => {
    const rows = await tasksOf(instanceId);
    return predicate(rows) ? rows : undefined;
  }, what);

/** The instance summary row of a case in the read model, running or closed (store/instances.ts). */
export const instanceOf = (instanceId: string) => findInstanceAnywhere(instanceId);

/** The summary rows matching `filter`, running and closed (the history's row for a case whose move is half done). */
export async function summariesWhere(filter: Record<string, unknown>): Promise<InstanceRow[]> {
  const [hot, closed] = await Promise.all([Instance.find(filter).lean(), InstanceHistory.find(filter).lean()]);
  const moved = new Set(closed.map((r) => r._id));
  return [...closed, ...hot.filter((r) => !moved.has(r._id))] as InstanceRow[];
}

/** One summary row matching `filter`, running or closed (null: none). */
export const summaryWhere = async (filter: Record<string, unknown>): Promise<InstanceRow | null> => (await summariesWhere(filter))[0] ?? null;

/** The audit rows of a case in the read model, in seq order. */
export const auditOf = (instanceId: string) => AuditEvent.find({ instanceId }).sort({ seq: 1 }).lean();

/** Waits until the audit rows of a case (written a moment after the state) satisfy `predicate`. */
export const auditWhen = (instanceId: string, predicate: (rows: Awaited<ReturnType<typeof auditOf>>) => boolean, what: string) =>
  eventually(async () => {
    const rows = await auditOf(instanceId);
    return predicate(rows) ? rows : undefined;
  }, what);

/** The reason an update was refused (its validator's message); fails when the update was accepted. */
export async function refusalOf(update: Promise<unknown>): Promise<string> {
  try {
    await update;
  } catch (error) {
    return (error as { cause?: Error }).cause?.message ?? (error as Error).message;
  }
  throw new Error('the update was accepted, but a refusal was expected');
}

/** Starts a case as the server does, with engine limits (which the API does not expose). */
async function startWithLimits(stack: TestStack, input: { definitionKey: string; businessKey: string; variables: Variables; startedBy: string }, limits: NonNullable<BpmnProcessInput['limits']>) {
  const definition = await loadVersion(input.definitionKey);
  const id = caseWorkflowId(definition.key, input.businessKey);
  const args: BpmnProcessInput = {
    model: definition.model,
    definition: { key: definition.key, version: definition.version, sha256: definition.sha256 },
    businessKey: input.businessKey,
    variables: input.variables,
    startedBy: input.startedBy,
    limits,
  };
  await stack.client.workflow.start(BPMN_WORKFLOW_TYPE, { workflowId: id, taskQueue: stack.taskQueue, args: [args] });
  return { id };
}
