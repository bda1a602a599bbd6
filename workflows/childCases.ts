// Child cases of call activities: the called process's version is looked up (an activity), then the child runs as a
// Temporal child workflow `bpmnProcess` in a cancellation scope of its own, so terminating the call activity cancels it.
// Written to be reused for batches: resolveCalled() once per process, childCaseInput() and runChildCase() per child.
import {
  ActivityFailure,
  ApplicationFailure,
  ChildWorkflowCancellationType,
  ChildWorkflowFailure,
  executeChild,
  isCancellation,
  ParentClosePolicy,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import type { CalledProcess } from '../contracts/activities';
import type { WorkCalendar } from '../contracts/legalTime';
import type { ChildBatchItem, ChildBatchResult, Command, EngineEvent } from '../engine/interpreter';
import type { CallActivityNode, ExecutableModel } from '../engine/model';
import { calledProcesses } from './activityProxies';
import type { CancellationScopePool } from './cancellationScopePool';
import { BPMN_WORKFLOW_TYPE, type BpmnProcessInput, type BpmnProcessResult, searchAttributes } from './definitions';

/** A startChild command of the interpreter. */
export type StartChildCommand = Extract<Command, { type: 'startChild' }>;

/** A startChildBatch command of the interpreter. */
export type StartChildBatchCommand = Extract<Command, { type: 'startChildBatch' }>;

/** The workflow type of a batch of child cases (workflows/childCaseBatch.ts), as registered on the worker. */
export const CHILD_CASE_BATCH_TYPE = 'childCaseBatch';

/** The input of a batch: who calls, the call activity (its output mappings and multi-instance), its body instance and the children. */
export interface ChildCaseBatchInput {
  caller: CallerOf;
  node: CallActivityNode;
  elementInstanceId: string;
  binding: StartChildBatchCommand['binding'];
  children: ChildBatchItem[];
}

/** The answer of a batch: one result per child, in the order of its input. */
export interface ChildCaseBatchResult {
  results: ChildBatchResult[];
}

/**
 * Runs a batch workflow to its end: cancelling the surrounding scope cancels the batch, which asks each of its children
 * to cancel; if the calling case's workflow closes first, the batch (and so its children) is asked to cancel too.
 */
export function runChildCaseBatch(batchInstanceId: string, input: ChildCaseBatchInput): Promise<ChildCaseBatchResult> {
  return executeChild<(input: ChildCaseBatchInput) => Promise<ChildCaseBatchResult>>(CHILD_CASE_BATCH_TYPE, {
    workflowId: batchInstanceId,
    args: [input],
    cancellationType: ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED,
    parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
  });
}

/** What a child case inherits from its calling case. */
export interface CallerOf {
  workflowId: string;
  definition: BpmnProcessInput['definition'];
  businessKey: string;
  street: string | null;
  startedBy: string;
  /** The calling case's working-day calendar when the child starts (legal time). */
  calendar?: WorkCalendar;
}

/** The deployed version a call activity starts (resolveCalledProcess); one lookup serves every child of a batch. */
export function resolveCalled(caller: CallerOf, command: Pick<StartChildCommand, 'processId' | 'binding' | 'elementId'>): Promise<CalledProcess> {
  return calledProcesses.resolveCalledProcess({
    processId: command.processId,
    binding: command.binding,
    caller: { definitionKey: caller.definition.key, definitionVersion: caller.definition.version, elementId: command.elementId },
  });
}

/** The child's workflow input: the called model, the caller's street, business key, starter and calendar, and who called it. */
export function childCaseInput(caller: CallerOf, called: CalledProcess, command: Pick<StartChildCommand, 'elementId' | 'elementInstanceId' | 'variables'>): BpmnProcessInput {
  return {
    model: called.model as ExecutableModel,
    definition: called.definition,
    businessKey: caller.businessKey,
    street: caller.street,
    variables: command.variables,
    startedBy: caller.startedBy,
    parent: { workflowId: caller.workflowId, elementId: command.elementId, elementInstanceId: command.elementInstanceId },
    ...(caller.calendar ? { calendar: caller.calendar } : {}),
  };
}

/**
 * Runs one child case to its end: cancelling the surrounding scope asks the child to cancel and waits until it has
 * recorded its cancellation; if the calling case's workflow closes first, the child is asked to cancel too.
 */
export function runChildCase(childInstanceId: string, input: BpmnProcessInput): Promise<BpmnProcessResult> {
  return executeChild<(input: BpmnProcessInput) => Promise<BpmnProcessResult>>(BPMN_WORKFLOW_TYPE, {
    workflowId: childInstanceId,
    args: [input],
    cancellationType: ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED,
    parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    typedSearchAttributes: [
      { key: searchAttributes.definitionKey, value: input.definition.key },
      { key: searchAttributes.definitionVersion, value: input.definition.version },
      { key: searchAttributes.businessKey, value: input.businessKey },
      { key: searchAttributes.status, value: 'running' },
      ...(input.street ? [{ key: searchAttributes.street, value: input.street }] : []),
    ],
  });
}

/** The engine event a child's end becomes: childCompleted with its variables and chain head, or childFailed with why. */
export function childEnd(at: string, waitId: string, outcome: { result: BpmnProcessResult } | { error: unknown }): EngineEvent {
  if ('result' in outcome) {
    const { result } = outcome;
    if (result.status === 'completed') return { type: 'childCompleted', at, waitId, variables: result.variables, ...(result.auditHead ? { auditHead: result.auditHead } : {}) };
    return { type: 'childFailed', at, waitId, message: `the called case ended ${result.status}` };
  }
  let cause = outcome.error;
  while ((cause instanceof ActivityFailure || cause instanceof ChildWorkflowFailure) && cause.cause) cause = cause.cause;
  const message = cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : String(cause);
  return { type: 'childFailed', at, waitId, message };
}

/** The child cases of one case: each started in its wait's cancellation scope, its end fed back as an engine event. */
export class ChildCases {
  private readonly running = new Set<Promise<void>>();

  /** `calendar`: the calling case's working-day calendar now (a child gets the one its caller has when it starts). */
  constructor(
    private readonly caller: CallerOf,
    private readonly scopes: CancellationScopePool,
    private readonly ended: (event: EngineEvent) => void,
    private readonly now: () => string,
    private readonly calendar: () => WorkCalendar | undefined = () => undefined,
  ) {}

  /** Who calls, with the caller's calendar at this moment. */
  private callerNow(): CallerOf {
    const calendar = this.calendar();
    return calendar ? { ...this.caller, calendar } : this.caller;
  }

  /** Resolves once every child started so far has ended (a case waits for its cancelled children before it closes). */
  get settled(): Promise<void> {
    return this.running.size === 0 ? Promise.resolve() : Promise.all([...this.running]).then(() => undefined);
  }

  /** Counts a child (or batch) as running until the returned function reports its end (an event, or none when cancelled). */
  private track(): (event: EngineEvent | undefined) => void {
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    this.running.add(done);
    return (event) => {
      this.running.delete(done);
      finished();
      if (event) this.ended(event);
    };
  }

  /** Looks the called process up and runs the child in the scope of `command.waitId`. */
  start(command: StartChildCommand): void {
    const settle = this.track();
    const caller = this.callerNow();
    this.scopes.run(
      command.waitId,
      async () => runChildCase(command.childInstanceId, childCaseInput(caller, await resolveCalled(caller, command), command)),
      (result) => settle(childEnd(this.now(), command.waitId, { result })),
      (error) => settle(isCancellation(error) ? undefined : childEnd(this.now(), command.waitId, { error })),
    );
  }

  /**
   * Runs a batch of a large multi-instance call activity's child cases as one childCaseBatch workflow in the scope of
   * `command.waitId`; a batch that fails as a whole reports each of its children failed with the reason.
   */
  startBatch(command: StartChildBatchCommand, node: CallActivityNode): void {
    const done = this.track();
    const input: ChildCaseBatchInput = {
      caller: this.callerNow(),
      node,
      elementInstanceId: command.elementInstanceId,
      binding: command.binding,
      children: command.children,
    };
    const ended = (results: ChildBatchResult[]) => done({ type: 'childBatchCompleted', at: this.now(), waitId: command.waitId, results });
    this.scopes.run(
      command.waitId,
      () => runChildCaseBatch(command.batchInstanceId, input),
      (answer) => ended(answer.results),
      (error) => {
        if (isCancellation(error)) return done(undefined);
        const failure = childEnd(this.now(), command.waitId, { error });
        const message = failure.type === 'childFailed' ? failure.message : String(error);
        ended(command.children.map((c) => ({ loopCounter: c.loopCounter, childInstanceId: c.childInstanceId, failed: `the batch ${command.batchInstanceId} failed: ${message}` })));
      },
    );
  }

  /** Cancels the child started for `waitId` (its call activity was terminated): it records its own cancellation. */
  cancel(waitId: string): void {
    this.scopes.cancel(waitId);
  }
}
