// Helpers for specs that run BPMN cases on the real stack: deploy a fixture, start it, drive it, read its state.
import fs from 'node:fs';
import type { WorkflowHandle } from '@temporalio/client';
import type { Variables } from '../../engine/interpreter/types';
import { deploy } from '../../server/services/definitions';
import { startCase } from '../../server/services/cases';
import { Task } from '../../server/models';
import {
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
  correlate(name: string, correlationKey: string, variables?: Variables): Promise<CaseStateView>;
  resolveIncident(incidentId: string): Promise<CaseStateView>;
  /** Waits for the workflow to end and returns its result. */
  result(): Promise<{ status: string; variables: Variables }>;
}

/** Deploys the BPMN file (process `processId` when it has several) and starts a case of it. */
export async function runCase(
  stack: TestStack,
  bpmnPath: string,
  options: { variables?: Variables; businessKey?: string; processId?: string; knownJobTypes?: string[] } = {},
): Promise<CaseUnderTest> {
  const xml = fs.readFileSync(bpmnPath, 'utf8');
  const known = new Set(options.knownJobTypes ?? stack.jobTypes);
  const deployed = await deploy({ xml, processId: options.processId, deployedBy: 'test' }, known);
  counter += 1;
  const started = await startCase(stack.client, stack.taskQueue, {
    definitionKey: deployed.key,
    businessKey: options.businessKey ?? `case-${process.pid}-${counter}`,
    variables: options.variables ?? {},
    startedBy: 'test',
  });
  const handle = stack.client.workflow.getHandle(started.id);
  const state = () => handle.query(stateQuery);
  const until = (predicate: (s: CaseStateView) => boolean, what: string, timeoutMs = 15_000) =>
    eventually(async () => {
      const s = await state();
      return predicate(s) ? s : undefined;
    }, what, timeoutMs);
  return {
    id: started.id,
    handle,
    state,
    until,
    async completeTask(elementId, variables = {}, actor = 'test') {
      const s = await until((v) => v.openTasks.some((t) => t.includes(`/${elementId}/`)), `an open task on <${elementId}>`);
      const taskId = s.openTasks.find((t) => t.includes(`/${elementId}/`)) as string;
      return handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, variables, actor }] });
    },
    correlate: (name, correlationKey, variables = {}) =>
      handle.executeUpdate(correlateMessageUpdate, { args: [{ name, correlationKey, variables, actor: 'test' }] }),
    resolveIncident: (incidentId) => handle.executeUpdate(resolveIncidentUpdate, { args: [{ incidentId, actor: 'test' }] }),
    result: () => handle.result(),
  };
}

/** The ids of the elements a case has completed, in order. */
export const completedIds = (state: CaseStateView) => state.completed.map((c) => c.elementId);

/** The task rows of a case in the read model. */
export const tasksOf = (instanceId: string) => Task.find({ instanceId }).sort({ createdAt: 1 }).lean();
