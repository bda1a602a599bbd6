// The interpreter's contract: its JSON state, the events fed to it and the commands it asks the workflow to run.
import type { AuditEntry, UserTaskSpec, Variables } from '../../contracts/caseData';
import type { ClockState, SuspensionGround, WorkCalendar } from '../../contracts/legalTime';
import type { CalledBinding, ExternalJobRoute } from '../model';

// What a step hands out (variables, opened tasks, audit entries) is defined in contracts/, for the activities and the API.
export type { AuditEntry, UserTaskSpec, Variables };

/**
 * One run of one element (Zeebe's element instance): the process itself (the root), a subprocess run, or a run of any
 * other flow node. Containers (the root, subprocesses) are the flow scope of their children and hold their variables.
 */
export interface ElementInstance {
  id: string;
  /** The node it runs; the process id for the root. */
  elementId: string;
  /** The flow scope instance it runs in; null for the root. */
  parentId: string | null;
  /** The flow it was activated by (undefined for a start event and the root). */
  viaFlow?: string;
  enteredAt: string;
  /** Local variables of a non-container element (from its input mappings). */
  locals?: Variables;
  /** A container's variables (the process's, or a subprocess run's from its input mappings). */
  variables?: Variables;
  /** A container's child instances (ids), so terminating and settling it never scans the whole state. */
  children?: Record<string, true>;
  /** How many children a container has plus the flows taken into its joins that have not fired yet. */
  active?: number;
  /** Ids of the subscriptions this instance holds (a job, a task, timers, messages). */
  subscriptions?: string[];
  /** The open incident that stops it, if any. */
  incidentId?: string;
  /**
   * The variables of the event it was created by, when that event already happened (a triggered boundary event, event
   * subprocess or event-based gateway target): it completes with them when activated, also when an activation is retried.
   */
  trigger?: Variables;
  /** A container's completed activities that a compensation throw event can still compensate, in completion order (compensation.ts). */
  compensable?: CompensableActivity[];
  /** A compensation throw or end event: how many of the handlers it started have not completed yet. */
  compensating?: number;
  /** A compensation handler's run: the throw event instance waiting for it and the activity instance it compensates. */
  compensates?: { throwId: string; elementId: string; instanceId: string };
  /** A multi-instance body's progress (engine/elements/multiInstance.ts); its outputs are its variables. */
  loop?: MultiInstanceProgress;
  /** A call activity's child cases started so far (a retry after an incident starts the next under a new id). */
  childAttempts?: number;
  /** The root of a case started at a timer or message start event: that event (it completes with the root's `trigger`). */
  startNodeId?: string;
}

/** How far a multi-instance body is: counters only (the items are read from its input collection, not kept). */
export interface MultiInstanceProgress {
  /** How many items the input collection had when the body activated (numberOfInstances). */
  size: number;
  /** Inner instances completed so far. */
  completed: number;
  /** Inner instances terminated by the completion condition so far. */
  terminated: number;
  /** Set when the completion condition held: the body completes once its inner instances are gone. */
  done?: true;
  /** Set for a call activity whose children run in batches (no inner instances: only these counters and the batch subscriptions). */
  batched?: true;
  /** Children of a batched body that failed, with the attempt that failed; resolving the body's incident starts them again. */
  failed?: Array<{ loopCounter: number; attempt: number; message: string }>;
}

/**
 * A completed activity its container can compensate (Zeebe's compensation subscription): its element and instance, the
 * handler to run (absent for a subprocess or multi-instance inner instance without one of its own) and, for a completed
 * subprocess or multi-instance body, the compensable activities it held (compensated with it).
 */
export interface CompensableActivity {
  elementId: string;
  instanceId: string;
  handler?: string;
  inner?: CompensableActivity[];
}

/**
 * What an element instance waits for; terminating the instance withdraws every one it holds. `elementId` is the element
 * the subscription triggers: the instance's own element, or a boundary event attached to it, an event subprocess's start
 * event (the instance is the enclosing container) or an event-based gateway's target (the instance is the gateway).
 */
export type Subscription =
  /**
   * `holder`: who holds the open task (its assignee when it opens; then claims, unclaims and assigns); null: no one.
   * A task whose due or follow-up date read legal time keeps those dates and what they read (`reads`), to be moved.
   */
  | { kind: 'userTask'; instanceId: string; elementId: string; taskId: string; holder: string | null; dueDate?: string; followUpDate?: string; dueProvisional?: true; reads?: TimeReads }
  | { kind: 'job'; instanceId: string; elementId: string; jobType: string }
  /**
   * `cycle`: a repeating timer's interval and the firings left after this one (null: no end). `reads`: the legal time
   * its value read; `paused`: no Temporal timer is armed, because a clock it reads is suspended (`dueAt` is then the
   * due it had before, or '' when it never had one).
   */
  | { kind: 'timer'; instanceId: string; elementId: string; dueAt: string; cycle?: TimerCycle; reads?: TimeReads; paused?: true }
  | { kind: 'message'; instanceId: string; elementId: string; name: string; correlationKey: string }
  | { kind: 'signal'; instanceId: string; elementId: string; name: string }
  /** A call activity's child case (workflow `childInstanceId`) of process `processId`. */
  | { kind: 'child'; instanceId: string; elementId: string; childInstanceId: string; processId: string }
  /** A batch of a large parallel multi-instance call activity's child cases (`count` of them from `first`), run by one batch workflow. */
  | { kind: 'childBatch'; instanceId: string; elementId: string; batchInstanceId: string; first: number; count: number };

/**
 * What a timer's or due date's value read of legal time (legal time only): the clocks, the calendar, and the instant it
 * was evaluated at (`now()` when it is evaluated again after a clock or the calendar changed).
 */
export interface TimeReads {
  clocks?: string[];
  calendar?: true;
  at: string;
}

/** A repeating timer (a non-interrupting cycle): its ISO 8601 interval and how many firings are left after the current one. */
export interface TimerCycle {
  interval: string;
  remaining: number | null;
}

/** A problem that stops one element instance until someone resolves it; the rest of the case goes on. */
export interface Incident {
  id: string;
  /** The element instance it stops (named `tokenId` in the API, as before element instances). */
  tokenId: string;
  elementId: string;
  kind: 'jobFailed' | 'expression' | 'noMatchingFlow' | 'loopGuard' | 'variables' | 'unhandledError' | 'collectionTooLarge' | 'childFailed';
  message: string;
  createdAt: string;
  /** Set when the element had done its work and failed while completing: resolving completes it again with this result. */
  completing?: { result: Variables };
}

/** An element instance that finished (the last MAX_RECENT are kept for the designer's diagram; the audit chain has all). */
export interface CompletedElement {
  elementId: string;
  tokenId: string;
  startedAt: string;
  endedAt: string;
}

/** Flows taken into one joining gateway of one scope instance that the gateway has not consumed yet. */
export interface JoinArrivals {
  /** Arrivals per incoming flow id. */
  flows: Record<string, number>;
  /** How many incoming flows have at least one arrival. */
  satisfied: number;
  /** When the oldest arrival still waiting came. */
  since: string;
}

/** The whole interpreter state; plain JSON, so it can be queried and hashed. Every record is keyed for direct lookups. */
export interface EngineState {
  /** The state format: 2 since element instances and subscriptions (engine/v1 runs format 1). */
  format: 2;
  status: 'running' | 'completed' | 'cancelled';
  /** The workflow id of the case; part of every user-task id. */
  instanceId: string;
  /** Counter for ids of instances, subscriptions and incidents: deterministic, no randomness. */
  seq: number;
  /** The root element instance (the process); '' before the start. */
  rootId: string;
  instances: Record<string, ElementInstance>;
  /** Subscriptions keyed by their id (a task id for user tasks). */
  subscriptions: Record<string, Subscription>;
  /** Arrivals at joining gateways, keyed by `<scope instance id>/<gateway id>`. */
  joins: Record<string, JoinArrivals>;
  incidents: Record<string, Incident>;
  /** How many instances of each element are active (for the case's summary row). */
  activeElements: Record<string, number>;
  /** Size of all variables, kept up to date as they change (bytes of their JSON, an upper-bound proxy). */
  variableBytes: number;
  /** The most recent finished element instances and taken flows (bounded; the audit chain holds the whole path). */
  completed: CompletedElement[];
  takenFlows: string[];
  startedAt: string;
  endedAt?: string;
  cancelReason?: string;
  /** The working-day calendar version the case computes with (legal time only): from its start, then calendarUpdated. */
  calendar?: WorkCalendar;
  /** The statutory clocks started so far, by name (legal time only). */
  clocks?: Record<string, ClockState>;
}

/** Who caused an event: a user, or the system (timers, workers). */
export type Actor = string;

/** An input to the interpreter; `at` is the workflow's deterministic clock (ISO 8601). `waitId` names a subscription. */
export type EngineEvent =
  /**
   * `startNodeId`: the timer or message start event the case starts at (absent: the none start events); `calendar`: the
   * working-day calendar the case computes with (legal time only).
   */
  | { type: 'start'; at: string; actor: Actor; instanceId: string; variables: Variables; startNodeId?: string; calendar?: WorkCalendar }
  /** `holder`: who the caller saw holding the task (null: no one); refused when someone else holds it. Absent: not checked. */
  | { type: 'taskCompleted'; at: string; actor: Actor; taskId: string; variables: Variables; holder?: string | null }
  /** The actor takes an open task that no one else holds. */
  | { type: 'taskClaimed'; at: string; actor: Actor; taskId: string }
  /** The actor gives the task back, if `holder` (as the actor saw it) still holds it. */
  | { type: 'taskUnclaimed'; at: string; actor: Actor; taskId: string; holder: string }
  /** The actor (a dispatcher) gives the open task to `assignee`, replacing any claim. */
  | { type: 'taskAssigned'; at: string; actor: Actor; taskId: string; assignee: string }
  | { type: 'jobCompleted'; at: string; waitId: string; variables: Variables }
  /** `errorCode`: the job threw a BPMN error (ApplicationFailure of type BpmnError) that an error event may catch, with its `variables`. */
  | { type: 'jobFailed'; at: string; waitId: string; message: string; errorCode?: string; variables?: Variables }
  | { type: 'timerFired'; at: string; waitId: string }
  | { type: 'messageCorrelated'; at: string; actor: Actor; waitId: string; variables: Variables }
  | { type: 'incidentResolved'; at: string; actor: Actor; incidentId: string }
  /** A signal sent to the case from outside (POST /api/signals): every element waiting for `name` is triggered. */
  | { type: 'signalBroadcast'; at: string; actor: Actor; name: string; variables: Variables }
  | { type: 'cancel'; at: string; actor: Actor; reason: string }
  /**
   * A person sets variables, with a reason: on the process scope, or (`scope`) on the scope of that active element
   * instance — a container's variables or an element's locals (Camunda 8's set variables with local=true).
   */
  | { type: 'variablesSet'; at: string; actor: Actor; variables: Variables; scope?: string; reason: string }
  /** A running statutory clock is suspended (中止) on a legal ground; its timers pause and its due dates move. */
  | { type: 'clockSuspended'; at: string; actor: Actor; clock: string; ground: SuspensionGround; reason: string }
  /** A suspended clock runs again; the days it was suspended at the end of do not count. */
  | { type: 'clockResumed'; at: string; actor: Actor; clock: string; reason: string }
  /** A started clock is extended (延期) by `days` of its unit. */
  | { type: 'clockExtended'; at: string; actor: Actor; clock: string; days: number; reason: string }
  /** A newer version of the working-day calendar: open deadlines are computed again on it. */
  | { type: 'calendarUpdated'; at: string; actor: Actor; calendar: WorkCalendar }
  /** The child case a call activity waits for completed: its process variables and its audit chain's final head. */
  | { type: 'childCompleted'; at: string; waitId: string; variables: Variables; auditHead?: AuditHead }
  /** The child case could not be started or failed (its process is not deployed, its start was refused …). */
  | { type: 'childFailed'; at: string; waitId: string; message: string }
  /** A batch of child cases ended: how each of them ended (a batch that failed as a whole reports each child failed). */
  | { type: 'childBatchCompleted'; at: string; waitId: string; results: ChildBatchResult[] };

/** One child case of a batch, as the batch workflow starts it: its place, workflow id, process, start variables and loop variables. */
export interface ChildBatchItem {
  loopCounter: number;
  childInstanceId: string;
  processId: string;
  variables: Variables;
  /** The inner instance's loop variables (loopCounter, the item under inputElement), which the outputElement may read. */
  locals: Variables;
}

/** How one child case of a batch ended: completed with its outputElement value and final chain head, or failed with why. */
export type ChildBatchResult =
  | { loopCounter: number; childInstanceId: string; output: unknown; auditHead?: AuditHead }
  | { loopCounter: number; childInstanceId: string; failed: string };

/** The last link of a case's audit chain: its seq and hash (a parent records its child's). */
export interface AuditHead {
  lastSeq: number;
  hash: string;
}

/** Side effects the interpreter asks the workflow to perform (the workflow turns them into activities and timers). */
export type Command =
  | { type: 'openUserTask'; task: UserTaskSpec; variables: Variables }
  | { type: 'closeUserTask'; taskId: string; outcome: 'completed' | 'cancelled'; actor: Actor }
  /** Who holds an open task changed (null: no one). */
  | { type: 'setTaskHolder'; taskId: string; holder: string | null; actor: Actor }
  | {
      type: 'runJob';
      waitId: string;
      elementId: string;
      /** The element instance waiting for the job (absent from engine/v1's commands, which never route externally). */
      elementInstanceId?: string;
      jobType: string;
      retries: number;
      headers: Record<string, string>;
      variables: Variables;
      /** Where an external worker serves the job (from the model; absent: Sparrow's worker runs it). */
      external?: ExternalJobRoute;
    }
  | { type: 'cancelJob'; waitId: string }
  | { type: 'startTimer'; waitId: string; elementId: string; dueAt: string; delayMs: number }
  | { type: 'cancelTimer'; waitId: string }
  /**
   * Start the child case of a call activity: workflow `childInstanceId` of the process `processId` in version `binding`,
   * with `variables`; its end comes back as childCompleted or childFailed for `waitId`.
   */
  | { type: 'startChild'; waitId: string; elementId: string; elementInstanceId: string; childInstanceId: string; processId: string; binding: CalledBinding; variables: Variables }
  /**
   * Start a batch of a large parallel multi-instance call activity's child cases as one batch workflow
   * `batchInstanceId`; its end comes back as childBatchCompleted for `waitId`.
   */
  | { type: 'startChildBatch'; waitId: string; elementId: string; elementInstanceId: string; batchInstanceId: string; binding: CalledBinding; children: ChildBatchItem[] }
  /** Cancel the child case started for `waitId` (its call activity was terminated). */
  | { type: 'cancelChild'; waitId: string; childInstanceId: string }
  /** An open task's due and follow-up dates moved (a clock or the calendar changed); null: none. */
  | { type: 'setTaskDates'; taskId: string; dueDate: string | null; followUpDate: string | null; dueProvisional: boolean }
  /**
   * A message subscription opened (`limits.messageBuffer`): take a buffered message of this name and correlation key,
   * if one is left for this process, and correlate it to `waitId` as messageCorrelated (Camunda 8's message buffering).
   */
  | { type: 'pollMessageBuffer'; waitId: string; elementId: string; name: string; correlationKey: string };

/** What one step of the interpreter produced. */
export interface StepResult {
  state: EngineState;
  commands: Command[];
  audit: AuditEntry[];
}
