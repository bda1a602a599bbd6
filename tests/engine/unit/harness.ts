// An in-process harness for the interpreter (issue 12): drives step() with a fake clock, no servers. Specs read the
// case only through this API, so when the engine's state changes shape only the adapter below changes, not the specs.
import fs from 'node:fs';
import path from 'node:path';
import { compile } from '../../../engine/compile';
import { DEFAULT_LIMITS, type EngineEvent, type EngineLimits, type EngineState, emptyState, step } from '../../../engine/interpreter';
import type { AuditEntry, Command } from '../../../engine/interpreter';
import type { ExecutableModel } from '../../../engine/model';
import type { ClockState, SuspensionGround, WorkCalendar } from '../../../contracts/legalTime';

/** Variables as JSON. */
export type Vars = Record<string, unknown>;

/** What an element waits for, with its essentials. */
export type HarnessWait =
  | { elementId: string; kind: 'userTask'; holder: string | null }
  | { elementId: string; kind: 'job'; jobType: string }
  | { elementId: string; kind: 'timer'; dueAt: string; paused?: true }
  | { elementId: string; kind: 'message'; name: string; correlationKey: string }
  | { elementId: string; kind: 'signal'; name: string }
  | { elementId: string; kind: 'child'; processId: string; childInstanceId: string }
  | { elementId: string; kind: 'childBatch'; first: number; count: number };

/** A command of the last step: its type, the element it concerns and its essentials. */
export type HarnessCommand =
  | { type: 'openUserTask'; elementId: string; assignee?: string; variables: Vars }
  | { type: 'closeUserTask'; elementId: string; outcome: 'completed' | 'cancelled' }
  | { type: 'setTaskHolder'; elementId: string; holder: string | null }
  | { type: 'runJob'; elementId: string; jobType: string; retries: number; variables: Vars }
  | { type: 'cancelJob'; elementId: string }
  | { type: 'startTimer'; elementId: string; dueAt: string; delayMs: number }
  | { type: 'cancelTimer'; elementId: string }
  | { type: 'startChild'; elementId: string; childInstanceId: string; processId: string; binding: string; variables: Vars }
  | { type: 'cancelChild'; elementId: string; childInstanceId: string }
  | { type: 'setTaskDates'; elementId: string; dueDate: string | null; followUpDate: string | null; dueProvisional: boolean }
  | { type: 'startChildBatch'; elementId: string; batchInstanceId: string; children: Array<{ loopCounter: number; childInstanceId: string; processId: string; variables: Vars }> }
  | { type: 'pollMessageBuffer'; elementId: string; name: string; correlationKey: string };

/** An audit entry reduced to what specs compare: its kind and element (when it names one). */
export interface HarnessAuditEntry {
  kind: string;
  elementId?: string;
}

/** An open incident: the element it stops and why. */
export interface HarnessIncident {
  elementId: string;
  kind: string;
  message: string;
}

/** A joining gateway holding arrivals: the flows that have delivered so far (one entry per arrival, sorted). */
export interface HarnessJoin {
  elementId: string;
  flows: string[];
}

/** Options of a harness: engine limits to override, the case id and the clock's start. */
export interface HarnessOptions {
  limits?: Partial<EngineLimits>;
  instanceId?: string;
  /** ISO 8601 start of the fake clock; default 2026-01-01T00:00:00.000Z. */
  startAt?: string;
  /** The working-day calendar the start event hands the case (legal time: set `limits.legalTime` too). */
  calendar?: WorkCalendar;
}

/** An open task's dates as the task list shows them (from openUserTask, then setTaskDates). */
export interface HarnessTaskDates {
  dueDate: string | null;
  followUpDate: string | null;
  dueProvisional: boolean;
}

/** The actor specs use when they do not care who acted. */
export const DEFAULT_ACTOR = 'tester';

const FIXTURES = path.join(__dirname, '..', 'elements', 'fixtures');

/** Compiles BPMN XML into its (single) executable model; throws with the compiler's problems. */
export async function compileXml(xml: string): Promise<ExecutableModel> {
  const result = await compile(xml);
  if (result.problems.length > 0 || result.processes.length !== 1) {
    throw new Error(`the diagram does not compile: ${JSON.stringify(result.problems)}`);
  }
  return result.processes[0].model;
}

/** Builds a harness for BPMN XML written in the spec. */
export async function harnessFor(xml: string, options: HarnessOptions = {}): Promise<Harness> {
  return new Harness(await compileXml(xml), options);
}

/** Builds a harness for a fixture of tests/engine/elements/fixtures (e.g. `'exclusive.bpmn'`). */
export async function harnessForFixture(name: string, options: HarnessOptions = {}): Promise<Harness> {
  return harnessFor(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), options);
}

const tokenNumber = (id: string): number => Number(id.replace(/\D/g, '')) || 0;
const byElement = <T extends { elementId: string }>(a: T, b: T): number => (a.elementId < b.elementId ? -1 : a.elementId > b.elementId ? 1 : 0);

/** One case driven in process: drivers feed events at the fake clock's time; queries read the case. */
export class Harness {
  /** The commands of the last step (the workflow's side effects), in the order the engine emitted them. */
  commands: HarnessCommand[] = [];
  private state: EngineState;
  private readonly limits: EngineLimits;
  private clock: number;
  private readonly auditLog: HarnessAuditEntry[] = [];
  /** The loop counters of each batch of child cases started, by its wait id. */
  private readonly batchChildren = new Map<string, number[]>();
  private lastAudit: HarnessAuditEntry[] = [];
  /** Every audit entry as the engine recorded it (with its data). */
  private readonly entries: AuditEntry[] = [];
  /** The dates of each task opened, by task id, as the task list would hold them. */
  private readonly taskDatesById = new Map<string, HarnessTaskDates>();
  private readonly calendar?: WorkCalendar;

  constructor(
    /** The compiled model the case runs. */
    readonly model: ExecutableModel,
    options: HarnessOptions = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.clock = Date.parse(options.startAt ?? '2026-01-01T00:00:00.000Z');
    this.state = emptyState(options.instanceId ?? 'case-1', this.now());
    this.calendar = options.calendar;
  }

  // ---------- the fake clock ----------

  /** The fake clock's time (ISO 8601); every event is stamped with it. */
  now(): string {
    return new Date(this.clock).toISOString();
  }

  /** Moves the fake clock forward by `ms` milliseconds (timers do not fire by themselves: use fireTimer). */
  advance(ms: number): this {
    this.clock += ms;
    return this;
  }

  // ---------- drivers (each applies one event; a refused event throws) ----------

  /** Starts the case with these variables. */
  start(variables: Vars = {}, actor = DEFAULT_ACTOR): this {
    return this.apply({ type: 'start', at: this.now(), actor, instanceId: this.state.instanceId, variables, ...(this.calendar ? { calendar: this.calendar } : {}) });
  }

  /** Starts the case at the timer or message start event `startNodeId`, whose event brought these variables. */
  startFrom(startNodeId: string, variables: Vars = {}, actor = DEFAULT_ACTOR): this {
    return this.apply({ type: 'start', at: this.now(), actor, instanceId: this.state.instanceId, variables, startNodeId });
  }

  /** Completes the oldest job waiting at `elementId` with the worker's result. */
  completeJob(elementId: string, variables: Vars = {}): this {
    return this.apply({ type: 'jobCompleted', at: this.now(), waitId: this.waitIdAt(elementId, 'job'), variables });
  }

  /**
   * Fails the oldest job at `elementId`. Retries are the workflow's (the activity's retry policy), so with
   * `retriesLeft` > 0 the engine sees nothing and the job keeps waiting; at 0 (default) the failure reaches the engine.
   */
  failJob(elementId: string, message: string, retriesLeft = 0): this {
    const waitId = this.waitIdAt(elementId, 'job');
    if (retriesLeft > 0) {
      this.commands = [];
      this.lastAudit = [];
      return this;
    }
    return this.apply({ type: 'jobFailed', at: this.now(), waitId, message });
  }

  /** Fails the oldest job at `elementId` with BPMN error `errorCode` and its `variables` (a job that throws ApplicationFailure of type BpmnError). */
  throwJobError(elementId: string, errorCode: string, message = 'business error', variables?: Vars): this {
    return this.apply({ type: 'jobFailed', at: this.now(), waitId: this.waitIdAt(elementId, 'job'), message, errorCode, ...(variables ? { variables } : {}) });
  }

  /** Sends signal `name` to the case from outside (POST /api/signals). */
  signal(name: string, variables: Vars = {}, actor = DEFAULT_ACTOR): this {
    return this.apply({ type: 'signalBroadcast', at: this.now(), actor, name, variables });
  }

  /** Completes the oldest open user task at `elementId` as `actor`. */
  completeTask(elementId: string, variables: Vars = {}, actor = DEFAULT_ACTOR): this {
    return this.apply({ type: 'taskCompleted', at: this.now(), actor, taskId: this.waitIdAt(elementId, 'userTask'), variables });
  }

  /** Fires the oldest timer at `elementId`; the clock first moves to its due time if that is later. */
  fireTimer(elementId: string): this {
    const waitId = this.waitIdAt(elementId, 'timer');
    const wait = this.state.subscriptions[waitId];
    if (wait.kind === 'timer') this.clock = Math.max(this.clock, Date.parse(wait.dueAt));
    return this.apply({ type: 'timerFired', at: this.now(), waitId });
  }

  /** Correlates a message by name and correlation key to the oldest subscription that matches; throws when none does. */
  correlate(name: string, correlationKey: string, variables: Vars = {}, actor = DEFAULT_ACTOR): this {
    const match = this.waitEntries().find(([, w]) => w.kind === 'message' && w.name === name && w.correlationKey === correlationKey);
    if (!match) throw new Error(`no subscription to message ${name} with key ${correlationKey}`);
    return this.apply({ type: 'messageCorrelated', at: this.now(), actor, waitId: match[0], variables });
  }

  /** Resolves the oldest open incident at `elementId` (the element retries or completes again). */
  resolveIncident(elementId: string, actor = DEFAULT_ACTOR): this {
    const incident = Object.values(this.state.incidents)
      .filter((i) => i.elementId === elementId)
      .sort((a, b) => tokenNumber(a.id) - tokenNumber(b.id))[0];
    if (!incident) throw new Error(`no incident at <${elementId}>`);
    return this.apply({ type: 'incidentResolved', at: this.now(), actor, incidentId: incident.id });
  }

  /** The child case of the oldest call activity instance at `elementId` completed with its process variables. */
  completeChild(elementId: string, variables: Vars = {}, auditHead?: { lastSeq: number; hash: string }): this {
    return this.apply({ type: 'childCompleted', at: this.now(), waitId: this.waitIdAt(elementId, 'child'), variables, ...(auditHead ? { auditHead } : {}) });
  }

  /** The child case of the oldest call activity instance at `elementId` could not start or failed. */
  failChild(elementId: string, message: string): this {
    return this.apply({ type: 'childFailed', at: this.now(), waitId: this.waitIdAt(elementId, 'child'), message });
  }

  /**
   * The batch of child cases of `elementId` starting at `first` ended: each child completed with `output(loopCounter)`,
   * except those `failed` names (loopCounter → message).
   */
  endChildBatch(elementId: string, first: number, output: (loopCounter: number) => unknown, failed: Record<number, string> = {}): this {
    const entry = this.waitEntries().find(([, w]) => w.kind === 'childBatch' && w.elementId === elementId && w.first === first);
    if (!entry || entry[1].kind !== 'childBatch') throw new Error(`no batch from #${first} waits at <${elementId}>; waits: ${JSON.stringify(this.waits())}`);
    const { batchInstanceId } = entry[1];
    const results = (this.batchChildren.get(entry[0]) ?? []).map((loopCounter) => {
      const childInstanceId = `${batchInstanceId}#${loopCounter}`;
      const message = failed[loopCounter];
      return message === undefined ? { loopCounter, childInstanceId, output: output(loopCounter) } : { loopCounter, childInstanceId, failed: message };
    });
    return this.apply({ type: 'childBatchCompleted', at: this.now(), waitId: entry[0], results });
  }

  /** Suspends (中止) statutory clock `clock` on `ground`. */
  suspendClock(clock: string, ground: SuspensionGround, reason: string, actor = DEFAULT_ACTOR): this {
    return this.apply({ type: 'clockSuspended', at: this.now(), actor, clock, ground, reason });
  }

  /** Resumes the suspended clock `clock`. */
  resumeClock(clock: string, reason: string, actor = DEFAULT_ACTOR): this {
    return this.apply({ type: 'clockResumed', at: this.now(), actor, clock, reason });
  }

  /** Extends (延期) clock `clock` by `days` of its unit. */
  extendClock(clock: string, days: number, reason: string, actor = DEFAULT_ACTOR): this {
    return this.apply({ type: 'clockExtended', at: this.now(), actor, clock, days, reason });
  }

  /** Hands the case a newer working-day calendar. */
  updateCalendar(calendar: WorkCalendar, actor = DEFAULT_ACTOR): this {
    return this.apply({ type: 'calendarUpdated', at: this.now(), actor, calendar });
  }

  /**
   * Sets variables by hand with a reason (PATCH /api/instances/:id/variables): on the process scope, on the scope of the
   * oldest active instance of element `at`, or on the element instance `scopeId` (an id the spec made up).
   */
  setVariables(variables: Vars, reason: string, options: { at?: string; scopeId?: string; actor?: string } = {}): this {
    const scope = options.scopeId ?? (options.at === undefined ? undefined : this.instanceIdAt(options.at));
    return this.apply({ type: 'variablesSet', at: this.now(), actor: options.actor ?? DEFAULT_ACTOR, variables, reason, ...(scope === undefined ? {} : { scope }) });
  }

  /** Cancels the case. */
  cancel(reason: string, actor = DEFAULT_ACTOR): this {
    return this.apply({ type: 'cancel', at: this.now(), actor, reason });
  }

  // ---------- queries ----------

  /** Element ids with an active element instance (one entry each, sorted); arrivals at a join are in joins() instead. */
  activeElements(): string[] {
    return Object.values(this.state.instances)
      .filter((i) => i.parentId !== null)
      .map((i) => i.elementId)
      .sort();
  }

  /** Joining gateways holding arrivals, with the flows that delivered them (sorted by element). */
  joins(): HarnessJoin[] {
    const result: HarnessJoin[] = [];
    for (const [key, entry] of Object.entries(this.state.joins)) {
      const flows = Object.entries(entry.flows).flatMap(([flow, n]) => Array.from({ length: n }, () => flow));
      result.push({ elementId: key.slice(key.indexOf('/') + 1), flows: flows.sort() });
    }
    return result.sort(byElement);
  }

  /** What the case waits for, one entry per wait, sorted by element. */
  waits(): HarnessWait[] {
    return this.waitEntries()
      .map(([, w]): HarnessWait => {
        const elementId = w.elementId;
        switch (w.kind) {
          case 'userTask':
            return { elementId, kind: 'userTask', holder: w.holder };
          case 'job':
            return { elementId, kind: 'job', jobType: w.jobType };
          case 'timer':
            return { elementId, kind: 'timer', dueAt: w.dueAt, ...(w.paused ? { paused: true as const } : {}) };
          case 'message':
            return { elementId, kind: 'message', name: w.name, correlationKey: w.correlationKey };
          case 'signal':
            return { elementId, kind: 'signal', name: w.name };
          case 'child':
            return { elementId, kind: 'child', processId: w.processId, childInstanceId: w.childInstanceId };
          case 'childBatch':
            return { elementId, kind: 'childBatch', first: w.first, count: w.count };
        }
      })
      .sort(byElement);
  }

  /** Every audit entry so far, in order, as kind and element. */
  audit(): HarnessAuditEntry[] {
    return [...this.auditLog];
  }

  /** The data of every audit entry of `kind` so far, in order. */
  auditData(kind: string): Vars[] {
    return this.entries.filter((entry) => entry.kind === kind).map((entry) => ({ ...(entry.data ?? {}) }));
  }

  /** The case's statutory clocks that have started, by name. */
  clocks(): Record<string, ClockState> {
    return structuredClone(this.state.clocks ?? {});
  }

  /** The dates of the oldest open task at `elementId`, as the task list shows them. */
  taskDates(elementId: string): HarnessTaskDates | undefined {
    return this.taskDatesById.get(this.waitIdAt(elementId, 'userTask'));
  }

  /** The audit entries of the last step only. */
  stepAudit(): HarnessAuditEntry[] {
    return [...this.lastAudit];
  }

  /** The process scope's variables. */
  variables(): Vars {
    return { ...(this.state.instances[this.state.rootId]?.variables ?? {}) };
  }

  /**
   * The local variables of the active instance of `elementId`: a subprocess's own scope, or an element's input
   * mappings; undefined when the element is not active.
   */
  localVariables(elementId: string): Vars | undefined {
    const instance = Object.values(this.state.instances)
      .filter((i) => i.elementId === elementId && i.parentId !== null)
      .sort((a, b) => tokenNumber(a.id) - tokenNumber(b.id))[0];
    if (!instance) return undefined;
    return { ...(instance.variables ?? {}), ...(instance.locals ?? {}) };
  }

  /** The case's status: running, completed or cancelled. */
  status(): EngineState['status'] {
    return this.state.status;
  }

  /** Open incidents, sorted by element. */
  incidents(): HarnessIncident[] {
    return Object.values(this.state.incidents)
      .map((i) => ({ elementId: i.elementId, kind: i.kind, message: i.message }))
      .sort(byElement);
  }

  /** Element ids that completed, in completion order (the path the case took). */
  completedElements(): string[] {
    return this.state.completed.map((c) => c.elementId);
  }

  /** Sequence flow ids taken so far, in order. */
  takenFlows(): string[] {
    return [...this.state.takenFlows];
  }

  // ---------- the adapter ----------

  private waitEntries() {
    return Object.entries(this.state.subscriptions).sort(([, a], [, b]) => tokenNumber(a.instanceId) - tokenNumber(b.instanceId));
  }

  private instanceIdAt(elementId: string): string {
    const instance = Object.values(this.state.instances)
      .filter((i) => i.elementId === elementId && i.parentId !== null)
      .sort((a, b) => tokenNumber(a.id) - tokenNumber(b.id))[0];
    if (!instance) throw new Error(`no instance of <${elementId}> is active`);
    return instance.id;
  }

  private waitIdAt(elementId: string, kind: HarnessWait['kind']): string {
    const match = this.waitEntries().find(([, w]) => w.kind === kind && w.elementId === elementId);
    if (!match) throw new Error(`no ${kind} waits at <${elementId}>; waits: ${JSON.stringify(this.waits())}`);
    return match[0];
  }

  private apply(event: EngineEvent): this {
    // The step updates the state in place: the element of each subscription is noted before it.
    const before = new Map(Object.entries(this.state.subscriptions).map(([id, w]) => [id, w.elementId]));
    const result = step(this.model, this.state, event, this.limits);
    this.state = result.state;
    // Subscriptions opened in this step may also be withdrawn in it (a terminate end event): their commands name the element.
    const opened = new Map<string, string>();
    for (const c of result.commands) {
      if (c.type === 'runJob' || c.type === 'startTimer' || c.type === 'startChild' || c.type === 'startChildBatch') opened.set(c.waitId, c.elementId);
      if (c.type === 'openUserTask') opened.set(c.task.taskId, c.task.elementId);
      if (c.type === 'startChildBatch') this.batchChildren.set(c.waitId, c.children.map((child) => child.loopCounter));
    }
    for (const c of result.commands) {
      if (c.type === 'openUserTask') this.taskDatesById.set(c.task.taskId, { dueDate: c.task.dueDate ?? null, followUpDate: c.task.followUpDate ?? null, dueProvisional: c.task.dueProvisional === true });
      if (c.type === 'setTaskDates') this.taskDatesById.set(c.taskId, { dueDate: c.dueDate, followUpDate: c.followUpDate, dueProvisional: c.dueProvisional });
    }
    this.entries.push(...result.audit);
    this.commands = result.commands.map((c) => this.commandOf(c, before, opened));
    this.lastAudit = result.audit.map((a) => (a.elementId === undefined ? { kind: a.kind } : { kind: a.kind, elementId: a.elementId }));
    this.auditLog.push(...this.lastAudit);
    return this;
  }

  private commandOf(command: Command, before: Map<string, string>, opened: Map<string, string>): HarnessCommand {
    const elementOfWait = (waitId: string): string =>
      before.get(waitId) ?? this.state.subscriptions[waitId]?.elementId ?? opened.get(waitId) ?? '?';
    switch (command.type) {
      case 'openUserTask':
        return { type: command.type, elementId: command.task.elementId, assignee: command.task.assignee, variables: command.variables };
      case 'closeUserTask':
        return { type: command.type, elementId: elementOfWait(command.taskId), outcome: command.outcome };
      case 'setTaskHolder':
        return { type: command.type, elementId: elementOfWait(command.taskId), holder: command.holder };
      case 'runJob':
        return { type: command.type, elementId: command.elementId, jobType: command.jobType, retries: command.retries, variables: command.variables };
      case 'cancelJob':
      case 'cancelTimer':
        return { type: command.type, elementId: elementOfWait(command.waitId) };
      case 'startTimer':
        return { type: command.type, elementId: command.elementId, dueAt: command.dueAt, delayMs: command.delayMs };
      case 'startChild':
        return { type: command.type, elementId: command.elementId, childInstanceId: command.childInstanceId, processId: command.processId, binding: command.binding, variables: command.variables };
      case 'cancelChild':
        return { type: command.type, elementId: elementOfWait(command.waitId), childInstanceId: command.childInstanceId };
      case 'setTaskDates':
        return { type: command.type, elementId: elementOfWait(command.taskId), dueDate: command.dueDate, followUpDate: command.followUpDate, dueProvisional: command.dueProvisional };
      case 'pollMessageBuffer':
        return { type: command.type, elementId: command.elementId, name: command.name, correlationKey: command.correlationKey };
      case 'startChildBatch':
        return {
          type: command.type,
          elementId: command.elementId,
          batchInstanceId: command.batchInstanceId,
          children: command.children.map((c) => ({ loopCounter: c.loopCounter, childInstanceId: c.childInstanceId, processId: c.processId, variables: c.variables })),
        };
    }
  }
}
