// The case runner: feeds events to the pure interpreter and turns the commands it returns into activities and timers.
import { ActivityFailure, ApplicationFailure, CancellationScope, isCancellation, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { type AuditChainHead, BPMN_ERROR_TYPE, type CaseRef, type ExternalJobInput, type JobInput } from '../contracts/activities';
import type { Variables } from '../contracts/caseData';
import { jobKeyOf } from '../contracts/ids';
import type { WorkCalendar } from '../contracts/legalTime';
import type { Command, EngineEvent, EngineLimits } from '../engine/interpreter';
import type { CallActivityNode } from '../engine/model';
import { externalJobs, jobs, progress, readModel } from './activityProxies';
import { CancellationScopePool } from './cancellationScopePool';
import { caseRejectionOf, type CaseState, emptyCaseState, isCurrentState, stepCase } from './caseEngine';
import { caseSummaryOf } from './caseViews';
import { BufferedMessages } from './bufferedMessages';
import { ChildCases } from './childCases';
import { type BpmnProcessInput, type CaseContinuation, searchAttributes } from './definitions';
import { ProgressWriter } from './progressWriter';

/** The waits a continued run takes over from the state alone (a job or a child workflow in flight cannot be carried). */
const CARRIED_WAITS: ReadonlySet<string> = new Set(['userTask', 'timer', 'message', 'signal']);

/** A job the interpreter asks for. */
type RunJobCommand = Extract<Command, { type: 'runJob' }>;

/** The workflow's deterministic clock (ISO 8601), as the interpreter's `at`. */
export const now = () => new Date().toISOString();

/** The jobFailed event of a failed job: its message, and the error code when it threw a BPMN error (contracts/activities.ts). */
function jobFailure(at: string, waitId: string, error: unknown): EngineEvent {
  const cause = error instanceof ActivityFailure ? (error.cause ?? error) : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  if (!(cause instanceof ApplicationFailure) || cause.type !== BPMN_ERROR_TYPE) return { type: 'jobFailed', at, waitId, message };
  const errorCode: unknown = cause.details?.[0];
  const variables: unknown = cause.details?.[1];
  const withVariables = typeof variables === 'object' && variables !== null && !Array.isArray(variables) ? { variables: variables as Record<string, unknown> } : {};
  if (typeof errorCode === 'string' && errorCode) return { type: 'jobFailed', at, waitId, message, errorCode, ...withVariables };
  return { type: 'jobFailed', at, waitId, message: `the job threw a ${BPMN_ERROR_TYPE} without an error code (details[0] must be a non-empty text): ${message}` };
}

/** One case: its engine state, the commands of each step started, the writes of each step queued in order. */
export class CaseRunner {
  private current: CaseState;
  private readonly workflowId: string;
  private readonly caseRef: CaseRef;
  /** The status last written to the search attributes; the client sets `running` when it starts the case. */
  private summaryStatus = 'running';
  private readonly writer: ProgressWriter;
  private readonly scopes = new CancellationScopePool();
  /** The child cases of its call activities. */
  private readonly children: ChildCases;
  /** The polls of the message buffer its message subscriptions make (message buffering). */
  private readonly buffered: BufferedMessages;
  /** The audit chain's last link written so far (a child case returns it to its parent). */
  private head: AuditChainHead | undefined;
  /** Set by shieldWrites(): read-model writes run in it, so a Temporal cancellation of the case does not cancel them. */
  private shield: CancellationScope | undefined;
  /** Jobs asked for while the run is about to continue as new: they wait for the next run (or releaseHeldJobs()). */
  private heldJobs: RunJobCommand[] = [];
  /** Whether new jobs wait instead of starting (set by continueAsNew.ts while the run is due to continue). */
  holdJobs: () => boolean = () => false;

  /**
   * `limits`: the interpreter's limits for this case (its `bounded` from the patch marker); `currentEngine`: run on
   * engine/interpreter, not engine/v1; `externalJobs`: run jobs with an external route on its task queue (EXTERNAL_JOBS_PATCH).
   */
  constructor(
    private readonly input: BpmnProcessInput,
    private readonly limits: EngineLimits,
    currentEngine: boolean,
    private readonly externalJobs = false,
  ) {
    this.workflowId = workflowInfo().workflowId;
    this.caseRef = {
      instanceId: this.workflowId,
      definitionKey: input.definition.key,
      definitionVersion: input.definition.version,
      businessKey: input.businessKey,
      street: input.street ?? null,
      ...(input.parent ? { parent: { instanceId: input.parent.workflowId, elementId: input.parent.elementId } } : {}),
    };
    this.children = new ChildCases(
      { workflowId: this.workflowId, definition: input.definition, businessKey: input.businessKey, street: input.street ?? null, startedBy: input.startedBy },
      this.scopes,
      (event) => void this.applyUnlessMovedOn(event),
      now,
      () => (isCurrentState(this.current) ? this.current.calendar : undefined),
    );
    this.buffered = new BufferedMessages(this.scopes, this.caseRef, (event) => this.applyIfAccepted(event), now);
    // A continued run (continue-as-new) goes on with the state, audit numbering and status of the run before it.
    this.current = input.continued?.state ?? emptyCaseState(currentEngine, this.workflowId, now());
    this.summaryStatus = input.continued?.summaryStatus ?? this.summaryStatus;
    this.writer = new ProgressWriter(
      (batch) =>
        this.guarded(() => progress.recordProgress({ caseRef: this.caseRef, startedBy: this.input.startedBy, startedAt: this.current.startedAt, ...batch })).then((head) => {
          if (head) this.head = head;
        }),
      input.continued?.auditSeq,
    );
  }

  /** The engine state: one JSON value, replaced by every step. */
  get state(): CaseState {
    return this.current;
  }

  /** Resolves once every write queued so far is done. */
  get settled(): Promise<void> {
    return this.writer.settled;
  }

  /**
   * Starts the case (with the working-day calendar `calendar`, legal time); a start the interpreter refuses (e.g.
   * variables over the size limit) fails the case with the reason, not a stuck workflow task.
   */
  start(calendar?: WorkCalendar): Promise<void> {
    const start: EngineEvent = {
      type: 'start',
      at: now(),
      actor: this.input.startedBy,
      instanceId: this.workflowId,
      variables: this.input.variables,
      ...(this.input.startNodeId ? { startNodeId: this.input.startNodeId } : {}),
      ...(calendar ? { calendar } : {}),
    };
    const refused = caseRejectionOf(this.current, start, this.limits);
    if (refused) throw ApplicationFailure.nonRetryable(`the case cannot start: ${refused}`, 'Rejected');
    return this.apply(start);
  }

  /**
   * Resumes a continued run: restarts every timer the state waits for with its remaining time (at once when past due;
   * none for a timer paused while a clock it reads is suspended) and starts the jobs the previous run held back for it.
   */
  resume(jobsHeld: RunJobCommand[] = []): void {
    const state = this.current;
    if (!isCurrentState(state)) return;
    const at = now();
    for (const [waitId, s] of Object.entries(state.subscriptions)) {
      if (s.kind === 'timer' && !s.paused) this.dispatch({ type: 'startTimer', waitId, elementId: s.elementId, dueAt: s.dueAt, delayMs: Math.max(0, Date.parse(s.dueAt) - Date.parse(at)) });
    }
    for (const job of jobsHeld) this.dispatch(job);
  }

  /** The held jobs whose element still waits for them. */
  private jobsStillWanted(): RunJobCommand[] {
    const state = this.current;
    return isCurrentState(state) ? this.heldJobs.filter((job) => state.subscriptions[job.waitId]?.kind === 'job') : [];
  }

  /** Starts the jobs held back for a next run that will not come now (the state was too large to carry). */
  releaseHeldJobs(): void {
    const jobs = this.jobsStillWanted();
    this.heldJobs = [];
    for (const job of jobs) this.dispatch(job);
  }

  /** Whether everything the state waits for can be waited for again by a next run: no child workflow or other work in flight. */
  waitsOnlyForCarried(): boolean {
    const state = this.current;
    return isCurrentState(state) && Object.values(state.subscriptions).every((s) => CARRIED_WAITS.has(s.kind) || s.kind === 'job');
  }

  /**
   * Whether the run may continue as new now: the state is of the current format and waits only for what the next run
   * can wait for again (user tasks, timers, messages, signals, held jobs), no job or other work is in flight, no write
   * is running.
   */
  atSafePoint(): boolean {
    const state = this.current;
    if (!isCurrentState(state) || state.status !== 'running' || !this.writer.idle) return false;
    const held = new Set(this.heldJobs.map((job) => job.waitId));
    if (!Object.entries(state.subscriptions).every(([waitId, s]) => CARRIED_WAITS.has(s.kind) || held.has(waitId))) return false;
    return this.scopes.runningWaits().every((waitId) => state.subscriptions[waitId]?.kind === 'timer');
  }

  /** Writes the audit entries still pending (a chain of jobs buffers them); resolves once every write is done. */
  flush(): Promise<void> {
    return this.writer.flush(caseSummaryOf(this.current, this.input.model));
  }

  /** What the next run carries over (call at a safe point, after flush()). */
  continuation(runsBefore: number): CaseContinuation {
    if (!isCurrentState(this.current)) throw new Error('a case on engine v1 does not continue as new');
    return {
      state: this.current,
      auditSeq: this.writer.seq,
      summaryStatus: this.summaryStatus,
      runsBefore,
      jobs: this.jobsStillWanted(),
      ...(this.limits.legalTime ? { legalTime: true as const } : {}),
      ...(this.limits.messageBuffer ? { messageBuffer: true as const } : {}),
    };
  }

  /** The audit chain's last link written so far (none before the first write, or when replaying a case recorded before call activities). */
  get auditHead(): AuditChainHead | undefined {
    return this.head;
  }

  /** Resolves once every child case started so far has ended (after a cancellation, once each recorded it). */
  get childrenSettled(): Promise<void> {
    return this.children.settled;
  }

  /** Makes read-model writes immune to a Temporal cancellation of the case, which cancelFromOutside() turns into a case cancellation. */
  shieldWrites(): void {
    this.shield = new CancellationScope({ cancellable: false });
  }

  /**
   * The case's workflow was cancelled through Temporal (its calling case cancelled the call activity, or an operator):
   * the case is cancelled as by the cancel Update — open tasks closed, child cases cancelled, `instance.cancelled` recorded.
   */
  cancelFromOutside(): Promise<void> {
    const parent = this.input.parent;
    const reason = parent ? `its call activity <${parent.elementId}> in case ${parent.workflowId} ended` : 'the workflow was cancelled through Temporal';
    return this.applyUnlessMovedOn({ type: 'cancel', at: now(), actor: 'system', reason });
  }

  /** Runs a read-model write in the shield, when there is one. */
  private guarded<T>(write: () => Promise<T>): Promise<T> {
    return this.shield ? this.shield.run(write) : write();
  }

  /** Applies an event and starts what it asks for; resolves once its read-model writes are done. */
  apply(event: EngineEvent): Promise<void> {
    const result = stepCase(this.input.model, this.current, event, this.limits);
    this.current = result.state;
    // A step that changed nothing (a claim by the task's holder) writes nothing.
    if (result.commands.length === 0 && result.audit.length === 0) return this.writer.settled;
    const summary = caseSummaryOf(this.current, this.input.model);
    const statusChanged = summary.status !== this.summaryStatus;
    if (statusChanged) {
      this.summaryStatus = summary.status;
      upsertSearchAttributes([{ key: searchAttributes.status, value: summary.status }]);
    }
    const ordered: Array<() => Promise<void>> = [];
    for (const command of result.commands) {
      const write = this.dispatch(command);
      if (write) ordered.push(write);
    }
    // A chain of service tasks is written once it stops (a person, timer or message is awaited, the
    // status changes or the buffer grows), so automated steps cost no extra round trip each; the
    // server writes the summary row itself when it starts a case.
    const automated = result.commands.length > 0 && result.commands.every((c) => c.type === 'runJob');
    return this.writer.record(result.audit, ordered, statusChanged || !automated, summary);
  }

  /** Applies an event unless the case has moved on (e.g. the job's token was cancelled, the task completed); then only waits for the writes. */
  applyUnlessMovedOn(event: EngineEvent): Promise<void> {
    return caseRejectionOf(this.current, event, this.limits) === null ? this.apply(event) : this.writer.settled;
  }

  /** Runs a job: on an external worker's task queue when the model routes its type there, else on Sparrow's worker. */
  private startJob(command: RunJobCommand, jobInput: JobInput): Promise<Variables> {
    const { external: route, elementInstanceId } = command;
    if (!this.externalJobs || !route || elementInstanceId === undefined) return jobs(command.retries)[command.jobType](jobInput);
    const input: ExternalJobInput = { ...jobInput, bpmnProcessId: this.input.definition.key, elementInstanceId, retries: command.retries };
    return externalJobs(route, command.retries)[command.jobType](input);
  }

  /** Applies an event unless the case refuses it (it has moved on); answers whether it was applied. */
  private applyIfAccepted(event: EngineEvent): boolean {
    if (caseRejectionOf(this.current, event, this.limits) !== null) return false;
    void this.apply(event);
    return true;
  }

  /** Starts a command: jobs and timers run in cancellation scopes; read-model writes are returned so they run in order. */
  private dispatch(command: Command): (() => Promise<void>) | undefined {
    switch (command.type) {
      case 'openUserTask':
        return () => this.guarded(() => readModel.openUserTask({ caseRef: this.caseRef, task: command.task, at: now() }));
      case 'closeUserTask':
        return () => this.guarded(() => readModel.closeUserTask({ taskId: command.taskId, outcome: command.outcome, actor: command.actor, at: now() }));
      case 'setTaskHolder': {
        const at = now();
        return () => this.guarded(() => readModel.setTaskHolder({ taskId: command.taskId, assignee: command.holder, by: command.actor, at }));
      }
      case 'setTaskDates': {
        const { taskId, dueDate, followUpDate, dueProvisional } = command;
        return () => this.guarded(() => readModel.setTaskDates({ taskId, dueDate, followUpDate, dueProvisional }));
      }
      case 'runJob': {
        if (this.holdJobs()) {
          this.heldJobs.push(command);
          return undefined;
        }
        const jobInput: JobInput = {
          jobKey: jobKeyOf(this.workflowId, command.waitId),
          instanceId: this.workflowId,
          elementId: command.elementId,
          jobType: command.jobType,
          headers: command.headers,
          variables: command.variables,
        };
        this.scopes.run(
          command.waitId,
          () => this.startJob(command, jobInput),
          (variables) => void this.applyUnlessMovedOn({ type: 'jobCompleted', at: now(), waitId: command.waitId, variables: variables ?? {} }),
          (error) => {
            if (!isCancellation(error)) void this.applyUnlessMovedOn(jobFailure(now(), command.waitId, error));
          },
        );
        return undefined;
      }
      case 'startTimer':
        this.scopes.run(
          command.waitId,
          () => sleep(command.delayMs),
          () => void this.applyUnlessMovedOn({ type: 'timerFired', at: now(), waitId: command.waitId }),
          (error) => {
            if (!isCancellation(error)) throw error;
          },
        );
        return undefined;
      case 'cancelJob':
      case 'cancelTimer':
        this.scopes.cancel(command.waitId);
        return undefined;
      case 'startChild':
        this.children.start(command);
        return undefined;
      case 'startChildBatch':
        this.children.startBatch(command, this.input.model.nodes[command.elementId] as CallActivityNode);
        return undefined;
      case 'cancelChild':
        this.children.cancel(command.waitId);
        return undefined;
      case 'pollMessageBuffer':
        this.buffered.poll(command);
        return undefined;
    }
  }
}
