// Updates, queries and search attributes of the bpmnProcess workflow: defined once, used by workflow and server alike.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Command, EngineLimits, EngineState, Variables } from '../engine/interpreter';
import type { ExecutableModel } from '../engine/model';
import type { ClockState, SuspensionGround, WorkCalendar } from '../contracts/legalTime';
import SEARCH_ATTRIBUTE_TYPES from '../contracts/searchAttributes.json';

/** Workflow type name, as registered on the worker. */
export const BPMN_WORKFLOW_TYPE = 'bpmnProcess';

/** Everything a case needs to run: the model travels in the input, so replay needs no database. */
export interface BpmnProcessInput {
  model: ExecutableModel;
  definition: { key: string; version: number; sha256: string };
  businessKey: string;
  street?: string | null;
  variables: Variables;
  startedBy: string;
  /** The timer or message start event the case starts at (absent: the process's none start event). */
  startNodeId?: string;
  /** Started by a timer start event's Temporal Schedule: the business key is the workflow id after `<key>:` (workflows/scheduledStart.ts). */
  scheduled?: true;
  /** A call activity's child case: the calling case's workflow, its call activity and that activity's element instance. */
  parent?: ParentRef;
  limits?: Partial<EngineLimits & CaseLimits>;
  /** Set in a run that continues the case after its previous run's history grew long (continue-as-new). */
  continued?: CaseContinuation;
  /** The working-day calendar the case starts with (legal time): the server's current one, or a calling case's. */
  calendar?: WorkCalendar;
}

/** Limits of a case beyond the interpreter's. */
export interface CaseLimits {
  /** History events of one run after which the case continues as new at its next safe point (default DEFAULT_HISTORY_EVENTS). */
  maxHistoryEvents: number;
}

/** History events of one run after which a case continues as new, unless its input's limits say otherwise. */
export const DEFAULT_HISTORY_EVENTS = 2_000;

/** What a continued run carries over from the run before it: the engine state, the audit numbering and the status shown. */
export interface CaseContinuation {
  state: EngineState;
  /** Audit entries recorded by the runs before (all written: a run continues only once its writes are done). */
  auditSeq: number;
  /** The status last written to the search attributes and the summary row. */
  summaryStatus: string;
  /** How many runs came before this one. */
  runsBefore: number;
  /** Jobs the previous run was asked for but held back (never started there): this run starts them. */
  jobs: Array<Extract<Command, { type: 'runJob' }>>;
  /** The case runs with legal time (its first run answered the legal-time patch true). */
  legalTime?: true;
  /** The case's message subscriptions take buffered messages (its first run answered the message-buffer patch true). */
  messageBuffer?: true;
}

/** The calling case of a child case (a call activity's): its workflow id, call activity and element instance. */
export interface ParentRef {
  workflowId: string;
  elementId: string;
  elementInstanceId: string;
}

/** How a case ended; `auditHead`: its audit chain's last link (absent for cases recorded before call activities). */
export interface BpmnProcessResult {
  status: EngineState['status'];
  variables: Variables;
  endedAt?: string;
  auditHead?: { lastSeq: number; hash: string };
}

/** Input of the completeTask update: the task, the submitted data and who submitted it. */
export interface CompleteTaskRequest {
  taskId: string;
  variables: Variables;
  actor: string;
  /** Who the caller saw holding the task (null: unclaimed); refused when someone else holds it by now. Absent: not checked. */
  holder?: string | null;
}

/** Input of the correlateMessage update: the message name, its correlation key and its payload. */
export interface CorrelateMessageRequest {
  name: string;
  correlationKey: string;
  variables: Variables;
  actor: string;
}

/** Input of the broadcastSignal update: the signal's name and payload, and who sent it. */
export interface BroadcastSignalRequest {
  name: string;
  variables: Variables;
  actor: string;
}

/** Input of the resolveIncident update. */
export interface ResolveIncidentRequest {
  incidentId: string;
  actor: string;
}

/** Input of the cancel update. */
export interface CancelRequest {
  reason: string;
  actor: string;
}

/**
 * Input of the setVariables update: variables set on the process scope, or (`scope`: an element instance id, as the
 * case view's active elements and incidents name them) on that instance's scope, with the reason of the person.
 */
export interface SetVariablesRequest {
  variables: Variables;
  scope?: string;
  reason: string;
  actor: string;
}

/** Input of the claimTask update: the caller takes an open task that no one else holds. */
export interface ClaimTaskRequest {
  taskId: string;
  actor: string;
}

/** Input of the unclaimTask update: gives the task back, if `holder` (as the caller saw it) still holds it. */
export interface UnclaimTaskRequest {
  taskId: string;
  holder: string;
  actor: string;
}

/** Input of the assignTask update: `actor` (a dispatcher) gives the open task to `assignee`, replacing any claim. */
export interface AssignTaskRequest {
  taskId: string;
  assignee: string;
  actor: string;
}

/** Input of the changeClock update: suspend (with a legal ground), resume or extend (by `days` in the clock's unit) a statutory clock. */
export interface ChangeClockRequest {
  clock: string;
  action: 'suspend' | 'resume' | 'extend';
  ground?: SuspensionGround;
  reason: string;
  days?: number;
  actor: string;
}

/** Input of the updateCalendar update: a newer version of the working-day calendar, and who (or what rollout) sent it. */
export interface UpdateCalendarRequest {
  calendar: WorkCalendar;
  actor: string;
}

/** Who holds an open task after a claim, unclaim or assign (null: no one, the task is open to its candidates). */
export interface TaskHolderView {
  taskId: string;
  assignee: string | null;
}

/** What the state query returns: the engine state plus derived lists the UI needs. */
export interface CaseStateView {
  status: EngineState['status'];
  definition: BpmnProcessInput['definition'];
  businessKey: string;
  activeElements: Array<{ elementId: string; tokenId: string; since: string }>;
  openTasks: string[];
  incidents: EngineState['incidents'][string][];
  completed: EngineState['completed'];
  takenFlows: string[];
  variables: Variables;
  startedAt: string;
  endedAt?: string;
  cancelReason?: string;
  /** The statutory clocks started so far (legal time). */
  clocks?: ClockState[];
  /** The version of the working-day calendar the case computes with. */
  calendarVersion?: number;
}

/** Completes an open user task; refused (state unchanged) for an unknown or closed task or a non-object payload. */
export const completeTaskUpdate = defineUpdate<CaseStateView, [CompleteTaskRequest]>('completeTask');
/** Delivers a message to the token waiting for it by name and correlation key. */
export const correlateMessageUpdate = defineUpdate<CaseStateView, [CorrelateMessageRequest]>('correlateMessage');
/** Triggers every element of the case waiting for the signal; refused (nothing recorded) when none waits for it. */
export const broadcastSignalUpdate = defineUpdate<CaseStateView, [BroadcastSignalRequest]>('broadcastSignal');
/**
 * Claims an open task for the caller; refused (nothing recorded) for an unknown or closed task or one someone else
 * holds. Serialised by Temporal with completeTask, so a claim never lands on a task a completion closed.
 */
export const claimTaskUpdate = defineUpdate<TaskHolderView, [ClaimTaskRequest]>('claimTask');
/** Gives a claimed task back; refused for an unknown or closed task, or when someone other than `holder` holds it now. */
export const unclaimTaskUpdate = defineUpdate<TaskHolderView, [UnclaimTaskRequest]>('unclaimTask');
/** Assigns an open task to a person, replacing any claim; refused for an unknown or closed task. */
export const assignTaskUpdate = defineUpdate<TaskHolderView, [AssignTaskRequest]>('assignTask');
/** Retries the element an incident stopped. */
export const resolveIncidentUpdate = defineUpdate<CaseStateView, [ResolveIncidentRequest]>('resolveIncident');
/** Cancels the case with a reason; open tasks are closed as cancelled. */
export const cancelUpdate = defineUpdate<CaseStateView, [CancelRequest]>('cancel');
/** Suspends, resumes or extends a statutory clock; refused (nothing recorded) as the interpreter's rejectionOf says. */
export const changeClockUpdate = defineUpdate<CaseStateView, [ChangeClockRequest]>('changeClock');
/** Gives the case a newer working-day calendar: its open deadlines are computed again. */
export const updateCalendarUpdate = defineUpdate<CaseStateView, [UpdateCalendarRequest]>('updateCalendar');
/** Sets variables of the case or of one element instance's scope (engine v2 cases only); refused as the interpreter's rejectionOf says. */
export const setVariablesUpdate = defineUpdate<CaseStateView, [SetVariablesRequest]>('setVariables');
/** The case's current state. */
export const stateQuery = defineQuery<CaseStateView>('state');
/**
 * Since when the case waits for message `name` with `correlationKey` (when the element instance holding the
 * subscription was entered), or null when it does not: POST /api/messages correlates to the oldest waiting case.
 */
export const messageWaitQuery = defineQuery<{ since: string } | null, [{ name: string; correlationKey: string }]>('messageWait');

/** The SDK's type of each type name contracts/searchAttributes.json uses (the CLI's spelling). */
const SDK_TYPES = { Keyword: SearchAttributeType.KEYWORD, Int: SearchAttributeType.INT } as const;

/** A search attribute of contracts/searchAttributes.json as a typed key; `type` must be the type the file gives it. */
function searchAttribute<T extends keyof typeof SDK_TYPES>(name: keyof typeof SEARCH_ATTRIBUTE_TYPES, type: T) {
  const listed = SEARCH_ATTRIBUTE_TYPES[name];
  if (listed !== type) throw new Error(`search attribute ${name} is a ${listed} in contracts/searchAttributes.json, not a ${type}`);
  return defineSearchAttributeKey(name, SDK_TYPES[type]);
}

/** Search attributes set on every case, so Temporal's own UI can filter by them (contracts/searchAttributes.json lists them). */
export const searchAttributes = {
  definitionKey: searchAttribute('SparrowDefinitionKey', 'Keyword'),
  definitionVersion: searchAttribute('SparrowDefinitionVersion', 'Int'),
  businessKey: searchAttribute('SparrowBusinessKey', 'Keyword'),
  street: searchAttribute('SparrowStreet', 'Keyword'),
  status: searchAttribute('SparrowStatus', 'Keyword'),
};

/** The workflow id of a case: definition key and business key, so a duplicate start is refused. */
export function caseWorkflowId(definitionKey: string, businessKey: string): string {
  return `${definitionKey}:${businessKey}`;
}
