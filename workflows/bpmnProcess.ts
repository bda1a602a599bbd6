// The bpmnProcess workflow: feeds events to the pure interpreter and turns its commands into activities and timers.
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { ReadModelActivities } from '../activities';
import type { JobInput } from '../activities/jobs/types';
import type { CaseRef } from '../activities/readModel';
import { DEFAULT_LIMITS, emptyState, rejectionOf, step } from '../engine/interpreter';
import { own } from '../engine/interpreter/own';
import type { AuditEntry, Command, EngineEvent, EngineState, Variables } from '../engine/interpreter';
import {
  type BpmnProcessInput,
  type BpmnProcessResult,
  assignTaskUpdate,
  cancelUpdate,
  type CaseStateView,
  claimTaskUpdate,
  completeTaskUpdate,
  correlateMessageUpdate,
  resolveIncidentUpdate,
  searchAttributes,
  stateQuery,
  unclaimTaskUpdate,
} from './definitions';
import { BOUNDS_PATCH } from './patches';
import { jobKeyOf } from '../contracts/ids';

// Timeouts bound how long a killed worker's in-flight activity stalls its case before it is retried elsewhere: read-model
// writes are short (20 s), jobs may run long but heartbeat (activities/index.ts) so a dead worker is noticed in 15 s.
const readModel = proxyActivities<ReadModelActivities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
const progress = proxyLocalActivities<Pick<ReadModelActivities, 'recordProgress'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Job activities, one proxy per retry count (a service task's `retries` is its number of attempts). */
const jobProxies = new Map<number, Record<string, (input: JobInput) => Promise<Variables>>>();
function jobs(retries: number) {
  let proxy = jobProxies.get(retries);
  if (!proxy) {
    proxy = proxyActivities<Record<string, (input: JobInput) => Promise<Variables>>>({
      startToCloseTimeout: '5 minutes',
      heartbeatTimeout: '15 seconds',
      retry: { maximumAttempts: Math.max(1, retries), initialInterval: '1 second', maximumInterval: '30 seconds' },
    });
    jobProxies.set(retries, proxy);
  }
  return proxy;
}

const now = () => new Date().toISOString();

function failureMessage(error: unknown): string {
  const cause = error instanceof ActivityFailure ? (error.cause ?? error) : error;
  return cause instanceof Error ? cause.message : String(cause);
}

/** Runs one BPMN case: the model is in the input, every step is recorded in Temporal's history. */
export async function bpmnProcess(input: BpmnProcessInput): Promise<BpmnProcessResult> {
  const info = workflowInfo();
  // Cases recorded before the bounds replay without them; the validators of new updates always apply them.
  const limits = { ...DEFAULT_LIMITS, ...input.limits, bounded: patched(BOUNDS_PATCH) };
  const validatorLimits = { ...limits, bounded: true };
  const caseRef: CaseRef = {
    instanceId: info.workflowId,
    definitionKey: input.definition.key,
    definitionVersion: input.definition.version,
    businessKey: input.businessKey,
    street: input.street ?? null,
  };
  let state: EngineState = emptyState(info.workflowId, now());
  let auditSeq = 0;
  /** The status last written to the search attributes; the client sets `running` when it starts the case. */
  let summaryStatus = 'running';
  /** Audit entries not yet written, numbered from `pendingFrom`. */
  let pending: AuditEntry[] = [];
  let pendingFrom = 1;
  let writes: Promise<void> = Promise.resolve();
  const cancellers = new Map<string, CancellationScope>();
  /**
   * Scopes whose job or timer ended without being cancelled, for the next ones: a new scope costs the SDK three
   * promises (each a stack-trace capture). A scope serves one job or timer at a time, so cancelling it cancels only that one.
   */
  const idleScopes: CancellationScope[] = [];

  const summaryOf = (s: EngineState) => ({
    status: s.status === 'running' && Object.keys(s.incidents).length > 0 ? ('incident' as const) : s.status,
    currentElements: [...new Set(Object.values(s.tokens).map((t) => t.nodeId))],
    incidentCount: Object.keys(s.incidents).length,
    endedAt: s.endedAt,
  });

  /** Applies an event and starts what it asks for; resolves once its read-model writes are done. */
  const apply = (event: EngineEvent): Promise<void> => {
    const result = step(input.model, state, event, limits);
    state = result.state;
    const summary = summaryOf(state);
    const statusChanged = summary.status !== summaryStatus;
    if (statusChanged) {
      summaryStatus = summary.status;
      upsertSearchAttributes([{ key: searchAttributes.status, value: summary.status }]);
    }
    const ordered: Array<() => Promise<void>> = [];
    for (const command of result.commands) {
      const write = dispatch(command);
      if (write) ordered.push(write);
    }
    // A chain of service tasks is written once it stops (a person, timer or message is awaited, the
    // status changes or the buffer grows), so automated steps cost no extra round trip each; the
    // server writes the summary row itself when it starts a case.
    const automated = result.commands.length > 0 && result.commands.every((c) => c.type === 'runJob');
    return record(result.audit, ordered, statusChanged || !automated, summary);
  };

  /**
   * Queues audit entries and read-model writes, in order, behind the writes before them; with `flush` (or once 50
   * entries are pending) the pending entries and the summary are written after the read-model writes.
   */
  const record = (audit: AuditEntry[], ordered: Array<() => Promise<void>>, flush: boolean, summary: ReturnType<typeof summaryOf>): Promise<void> => {
    auditSeq += audit.length;
    pending.push(...audit);
    if (flush || pending.length >= 50) {
      const entries = pending;
      const firstSeq = pendingFrom;
      pending = [];
      pendingFrom = auditSeq + 1;
      ordered.push(() =>
        progress.recordProgress({ caseRef, startedBy: input.startedBy, startedAt: state.startedAt, firstSeq, entries, summary }),
      );
    }
    // Steps with nothing to write (a chain of service tasks) leave the chain alone: every promise a workflow creates
    // costs the SDK a stack-trace capture, which is most of the interpreter's CPU per step.
    if (ordered.length === 0) return writes;
    writes = writes.then(async () => {
      for (const write of ordered) await write();
    });
    return writes;
  };

  /** Who holds each open user task (from its spec when it opens; then claims, unclaims and assigns). */
  const holders = new Map<string, string | null>();

  /** The open user task with this id: its token and element, or null when there is none (unknown, completed, cancelled). */
  const openTask = (taskId: unknown) => {
    const wait = Object.values(state.waits).find((w) => w.kind === 'userTask' && w.taskId === taskId);
    return wait ? { tokenId: wait.tokenId, elementId: own(state.tokens, wait.tokenId)?.nodeId } : null;
  };

  /** Why a change of a task's holder is refused (null: accepted); the state stays unchanged either way. */
  const holderRejection = (req: { taskId: unknown; actor: unknown }, person: unknown, expected?: { holder: unknown }): string | null => {
    if (typeof req.actor !== 'string' || !req.actor) return 'the actor must be a non-empty string';
    if (typeof person !== 'string' || !person) return 'the assignee must be a non-empty string';
    if (!openTask(req.taskId)) return `task ${String(req.taskId)} is not open`;
    const holder = holders.get(req.taskId as string) ?? null;
    if (expected && holder !== null && holder !== expected.holder) return `task ${String(req.taskId)} is claimed by ${holder}`;
    return null;
  };

  /** Records a change of a task's holder (an audit entry by the actor) and updates the task row; a no-op records nothing. */
  const changeHolder = async (kind: 'task.claimed' | 'task.unclaimed' | 'task.assigned', taskId: string, assignee: string | null, actor: string) => {
    const task = openTask(taskId);
    const previous = holders.get(taskId) ?? null;
    if (task && previous !== assignee) {
      holders.set(taskId, assignee);
      const at = now();
      const entry: AuditEntry = { at, actor, kind, elementId: task.elementId, tokenId: task.tokenId, data: { taskId, previous, assignee } };
      await record([entry], [() => readModel.setTaskHolder({ taskId, assignee, by: actor, at })], true, summaryOf(state));
    } else {
      await writes;
    }
    return { taskId, assignee: holders.get(taskId) ?? null };
  };

  /** Applies an event that comes back from an activity or timer, unless the case has moved on (e.g. cancelled). */
  const applyLate = (event: EngineEvent) => {
    if (rejectionOf(state, event, limits) === null) void apply(event);
  };

  /** Runs a job or timer in a cancellation scope of its own (cancelJob/cancelTimer cancel it), then hands on its outcome. */
  const runCancellable = <T>(waitId: string, work: () => Promise<T>, done: (value: T) => void, failed: (error: unknown) => void) => {
    const scope = idleScopes.pop() ?? new CancellationScope();
    cancellers.set(waitId, scope);
    const release = () => {
      cancellers.delete(waitId);
      if (!scope.consideredCancelled) idleScopes.push(scope);
    };
    scope.run(work).then(
      (value) => {
        release();
        done(value);
      },
      (error) => {
        release();
        failed(error);
      },
    );
  };

  /** Starts a command; read-model writes are returned so they run in order. */
  const dispatch = (command: Command): (() => Promise<void>) | undefined => {
    switch (command.type) {
      case 'openUserTask':
        holders.set(command.task.taskId, command.task.assignee ?? null);
        return () => readModel.openUserTask({ caseRef, task: command.task, at: now() });
      case 'closeUserTask':
        holders.delete(command.taskId);
        return () => readModel.closeUserTask({ taskId: command.taskId, outcome: command.outcome, actor: command.actor, at: now() });
      case 'runJob': {
        const jobInput: JobInput = {
          jobKey: jobKeyOf(info.workflowId, command.waitId),
          instanceId: info.workflowId,
          elementId: command.elementId,
          jobType: command.jobType,
          headers: command.headers,
          variables: command.variables,
        };
        runCancellable(
          command.waitId,
          () => jobs(command.retries)[command.jobType](jobInput),
          (variables) => applyLate({ type: 'jobCompleted', at: now(), waitId: command.waitId, variables: variables ?? {} }),
          (error) => {
            if (!isCancellation(error)) applyLate({ type: 'jobFailed', at: now(), waitId: command.waitId, message: failureMessage(error) });
          },
        );
        return undefined;
      }
      case 'startTimer':
        runCancellable(
          command.waitId,
          () => sleep(command.delayMs),
          () => applyLate({ type: 'timerFired', at: now(), waitId: command.waitId }),
          (error) => {
            if (!isCancellation(error)) throw error;
          },
        );
        return undefined;
      case 'cancelJob':
      case 'cancelTimer':
        cancellers.get(command.waitId)?.cancel();
        return undefined;
    }
  };

  const view = (): CaseStateView => ({
    status: state.status,
    definition: input.definition,
    businessKey: input.businessKey,
    activeElements: Object.values(state.tokens).map((t) => ({ elementId: t.nodeId, tokenId: t.id, since: t.enteredAt })),
    openTasks: Object.values(state.waits).flatMap((w) => (w.kind === 'userTask' ? [w.taskId] : [])),
    incidents: Object.values(state.incidents),
    completed: state.completed,
    takenFlows: state.takenFlows,
    variables: own(state.scopes, state.rootScopeId)?.variables ?? {},
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    cancelReason: state.cancelReason,
  });

  /** Refuses an update whose event the interpreter would refuse; the state stays unchanged. */
  const validate = (event: EngineEvent) => {
    const rejection = rejectionOf(state, event, validatorLimits);
    if (rejection) throw ApplicationFailure.nonRetryable(rejection, 'Rejected');
  };

  const messageWait = (name: string, correlationKey: string) =>
    Object.entries(state.waits).find(([, w]) => w.kind === 'message' && w.name === name && w.correlationKey === correlationKey)?.[0];

  const messageEvent = (req: { name: string; correlationKey: string; variables: Variables; actor: string }): EngineEvent => ({
    type: 'messageCorrelated',
    at: now(),
    actor: req.actor,
    waitId: messageWait(req.name, req.correlationKey) ?? `message ${req.name} with key ${req.correlationKey}`,
    variables: req.variables,
  });

  setHandler(stateQuery, view);
  const refuse = (reason: string | null) => {
    if (reason) throw ApplicationFailure.nonRetryable(reason, 'Rejected');
  };
  setHandler(
    completeTaskUpdate,
    async (req) => {
      await apply({ type: 'taskCompleted', at: now(), actor: req.actor, taskId: req.taskId, variables: req.variables });
      return view();
    },
    {
      validator: (req) => {
        validate({ type: 'taskCompleted', at: now(), actor: req.actor, taskId: req.taskId, variables: req.variables });
        // A claim accepted after the caller looked at the task wins over the completion (as for unclaim, a task the
        // workflow knows no holder of is not refused: claims made before they went through the workflow are not in it).
        const holder = holders.get(req.taskId) ?? null;
        if (req.holder !== undefined && holder !== null && holder !== req.holder) refuse(`task ${req.taskId} is claimed by ${holder}`);
      },
    },
  );
  setHandler(claimTaskUpdate, (req) => changeHolder('task.claimed', req.taskId, req.actor, req.actor), {
    validator: (req) => refuse(holderRejection(req, req.actor, { holder: req.actor })),
  });
  setHandler(unclaimTaskUpdate, (req) => changeHolder('task.unclaimed', req.taskId, null, req.actor), {
    validator: (req) => refuse(holderRejection(req, req.holder, { holder: req.holder })),
  });
  setHandler(assignTaskUpdate, (req) => changeHolder('task.assigned', req.taskId, req.assignee, req.actor), {
    validator: (req) => refuse(holderRejection(req, req.assignee)),
  });
  setHandler(
    correlateMessageUpdate,
    async (req) => {
      await apply(messageEvent(req));
      return view();
    },
    { validator: (req) => validate(messageEvent(req)) },
  );
  setHandler(
    resolveIncidentUpdate,
    async (req) => {
      await apply({ type: 'incidentResolved', at: now(), actor: req.actor, incidentId: req.incidentId });
      return view();
    },
    { validator: (req) => validate({ type: 'incidentResolved', at: now(), actor: req.actor, incidentId: req.incidentId }) },
  );
  setHandler(
    cancelUpdate,
    async (req) => {
      await apply({ type: 'cancel', at: now(), actor: req.actor, reason: req.reason });
      return view();
    },
    { validator: (req) => validate({ type: 'cancel', at: now(), actor: req.actor, reason: req.reason }) },
  );

  const start: EngineEvent = { type: 'start', at: now(), actor: input.startedBy, instanceId: info.workflowId, variables: input.variables };
  // A start the interpreter refuses (e.g. variables over the size limit) fails the case with the reason, not a stuck workflow task.
  const refused = rejectionOf(state, start, limits);
  if (refused) throw ApplicationFailure.nonRetryable(`the case cannot start: ${refused}`, 'Rejected');
  await apply(start);
  await condition(() => state.status !== 'running');
  await writes;
  return { status: state.status, variables: view().variables, endedAt: state.endedAt };
}
