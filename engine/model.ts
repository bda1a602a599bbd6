// The executable model: plain JSON produced by the compiler from BPMN XML and read by the interpreter.
// Everything here is data (no functions, no classes), so it can travel in a workflow's input and be hashed.
// A node is a union by kind: each behaviour in engine/elements is typed by the node kind it runs.
import type { ClockDeclaration } from '../contracts/legalTime';

/** Version of this model format; bumped when the shape changes incompatibly (models of version 1 read as version 2). */
export const MODEL_SCHEMA_VERSION = 1;

/** A value written in the diagram: either a FEEL expression (attribute started with `=`) or a static string. */
export type Expression = { kind: 'feel'; source: string } | { kind: 'static'; value: string };

/** The event definition an event carries (none when absent). */
export type EventDefinition =
  | { kind: 'none' }
  | { kind: 'terminate' }
  | { kind: 'timer'; timer: TimerDefinition }
  | { kind: 'message'; message: MessageDefinition }
  /** Thrown with `errorCode`; caught by code, or by any code when a catching event has none. */
  | { kind: 'error'; errorCode?: string }
  /** Thrown with `escalationCode`; caught by code, or by any code when a catching event has none. */
  | { kind: 'escalation'; escalationCode?: string }
  /** Broadcast by name to every element of the case waiting for it. */
  | { kind: 'signal'; signalName: string }
  /** A link throw event goes on at the link catch event of the same name in its scope. */
  | { kind: 'link'; linkName: string }
  /** Thrown: compensates the completed activities of its scope (or only `activityRef`) and waits for their handlers; on a boundary event: marks its activity compensable. */
  | { kind: 'compensation'; activityRef?: string };

/** A timer: an ISO 8601 duration, date or repeating cycle, static or computed by FEEL. */
export interface TimerDefinition {
  type: 'duration' | 'date' | 'cycle';
  value: Expression;
}

/** A message to wait for or to send: its name and the key that correlates it to one instance. */
export interface MessageDefinition {
  name: string;
  correlationKey?: Expression;
}

/** One `zeebe:input` or `zeebe:output` mapping: `target` receives the value of `source`. */
export interface Mapping {
  source: Expression;
  target: string;
}

/** Where an external job runs (a type no built-in handler serves): recorded by the deployment, read by the workflow. */
export interface ExternalJobRoute {
  /** The Temporal task queue its workers poll (`jobs.<type>` unless configured). */
  taskQueue: string;
  /** How long one attempt may run (the activity's start-to-close timeout), in milliseconds. */
  timeoutMs: number;
}

/** A service or send task's job: the activity type the worker runs, its retries and headers. */
export interface TaskDefinition {
  type: string;
  retries: number;
  headers: Record<string, string>;
  /** Set by the deployment when an external job worker serves the type (absent: Sparrow's worker runs it). */
  external?: ExternalJobRoute;
}

/** A user task's assignment, form, schedule and priority, from the zeebe extension elements. */
export interface UserTaskDefinition {
  assignee?: Expression;
  candidateGroups?: Expression;
  candidateUsers?: Expression;
  formKey?: string;
  formId?: string;
  dueDate?: Expression;
  followUpDate?: Expression;
  priority?: Expression;
}

/** A script task's FEEL expression and the variable that receives its result. */
export interface ScriptDefinition {
  expression: Expression;
  resultVariable: string;
}

/** A multi-instance activity's loop (bpmn:multiInstanceLoopCharacteristics with zeebe:loopCharacteristics). */
export interface MultiInstanceDefinition {
  /** True: one inner instance after the other; false: all inner instances at once. */
  sequential: boolean;
  /** FEEL evaluated when the body activates; it must give a list, one inner instance per item. */
  inputCollection: Expression;
  /** The local variable of each inner instance that holds its item. */
  inputElement?: string;
  /** The variable that receives the outputs (in item order) when the body completes; set with `outputElement`. */
  outputCollection?: string;
  /** Evaluated when an inner instance completes; its value goes to the instance's place in `outputCollection`. */
  outputElement?: Expression;
  /** FEEL evaluated after each inner instance completes; true terminates the other inner instances and completes the body. */
  completionCondition?: Expression;
}

/** What every flow node has: where it sits, its flows and its variable mappings. */
interface NodeBase {
  id: string;
  name?: string;
  /** The element's BPMN documentation (what the people doing it should know), shown on its task page; never read by the interpreter. */
  documentation?: string;
  /** Id of the enclosing subprocess, or null for the process itself. */
  scope: string | null;
  incoming: string[];
  outgoing: string[];
  /** The default flow of a gateway or activity, when the diagram names one. */
  defaultFlow?: string;
  inputs?: Mapping[];
  outputs?: Mapping[];
  /** For an activity (task, subprocess): the ids of the boundary events attached to it, in diagram order. */
  boundaryEvents?: string[];
  /** For an activity with multi-instance characteristics: its instance is a body that runs one inner instance per item. */
  multiInstance?: MultiInstanceDefinition;
  /** For an activity with a compensation boundary event: its compensation handler (an activity marked isForCompensation). */
  compensationHandler?: string;
  /** A compensation handler: run only by a compensation throw event, never reached by flows. */
  isForCompensation?: true;
  /** Statutory clocks this element starts or stops when it completes (`sparrow:clockControl`), in diagram order. */
  clockActions?: ClockAction[];
}

/** What completing an element does to a statutory clock the process declares: start it (afresh when stopped) or stop it. */
export interface ClockAction {
  clock: string;
  action: 'start' | 'stop';
}

/**
 * A start event; `startFormId` is the formId of its start form (zeebe:formDefinition), which the API checks start
 * variables against. In an event subprocess it carries a timer, message, signal, error or escalation definition and
 * `interrupting` (false: non-interrupting; absent: interrupting).
 */
export interface StartEventNode extends NodeBase {
  kind: 'startEvent';
  eventDefinition?: EventDefinition;
  startFormId?: string;
  interrupting?: boolean;
}

/** An end event: none, terminate, or a message end event whose job (`taskDefinition`) runs first. */
export interface EndEventNode extends NodeBase {
  kind: 'endEvent';
  eventDefinition?: EventDefinition;
  taskDefinition?: TaskDefinition;
}

/** An intermediate catch event: it waits for its timer or message. */
export interface IntermediateCatchEventNode extends NodeBase {
  kind: 'intermediateCatchEvent';
  eventDefinition?: EventDefinition;
}

/** An intermediate throw event: none passes on; a message throw runs its job first. */
export interface IntermediateThrowEventNode extends NodeBase {
  kind: 'intermediateThrowEvent';
  eventDefinition?: EventDefinition;
  taskDefinition?: TaskDefinition;
}

/** A task without work of its own (a BPMN task or manual task). */
export interface TaskNode extends NodeBase {
  kind: 'task';
}

/** A user task: a person completes it from the task list. */
export interface UserTaskNode extends NodeBase {
  kind: 'userTask';
  userTask?: UserTaskDefinition;
}

/** A service or send task (or a job-worker script or business-rule task): its job runs as a named activity. */
export interface JobTaskNode extends NodeBase {
  kind: 'serviceTask' | 'sendTask';
  taskDefinition?: TaskDefinition;
}

/** A script task: a FEEL expression whose value lands in its result variable. */
export interface ScriptTaskNode extends NodeBase {
  kind: 'scriptTask';
  script?: ScriptDefinition;
}

/** A receive task: it waits for its message. */
export interface ReceiveTaskNode extends NodeBase {
  kind: 'receiveTask';
  eventDefinition?: EventDefinition;
}

/** A gateway: it chooses (exclusive), splits and joins (parallel, inclusive) flows, or waits for the first of its events (eventBased). */
export interface GatewayNode extends NodeBase {
  kind: 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'eventBasedGateway';
}

/** A boundary event on activity `attachedTo`: when triggered it interrupts the activity (`cancelActivity`) or runs beside it. */
export interface BoundaryEventNode extends NodeBase {
  kind: 'boundaryEvent';
  attachedTo: string;
  cancelActivity: boolean;
  eventDefinition: EventDefinition;
}

/**
 * An embedded subprocess: a scope of its own variables, started at `startNodeId` (its none start event). An event
 * subprocess (`triggeredByEvent`) is not reached by flows: its event start event (`startNodeId`) subscribes while its
 * enclosing scope runs. `eventSubProcesses`: the event subprocesses directly inside it.
 */
export interface SubProcessNode extends NodeBase {
  kind: 'subProcess';
  startNodeId?: string;
  triggeredByEvent?: boolean;
  eventSubProcesses?: string[];
}

/**
 * Which version of the called process a call activity starts (Camunda 8's `bindingType`): `latest` — the latest version
 * when the call activity is activated; `deployment` — the version that was the latest when the calling process was
 * deployed (pinned by the server at deployment, so `processId` must be static).
 */
export type CalledBinding = 'latest' | 'deployment';

/** What a call activity starts: the process (by id, static or FEEL), its version binding and which variables cross. */
export interface CalledElement {
  processId: Expression;
  binding: CalledBinding;
  /** Camunda 8 default true: the child's variables are the call activity's result; false: only its output mappings set variables. */
  propagateAllChildVariables: boolean;
  /** Camunda 8 default true: the child starts with every variable the call activity sees; false: only its input mappings. */
  propagateAllParentVariables: boolean;
}

/** A call activity: it starts a case of another process (a child workflow) and completes when that case completes. */
export interface CallActivityNode extends NodeBase {
  kind: 'callActivity';
  calledElement?: CalledElement;
}

/** One flow node of the process (or of an embedded subprocess, named by `scope`), by kind. */
export type ModelNode =
  | StartEventNode
  | EndEventNode
  | IntermediateCatchEventNode
  | IntermediateThrowEventNode
  | TaskNode
  | UserTaskNode
  | JobTaskNode
  | ScriptTaskNode
  | ReceiveTaskNode
  | GatewayNode
  | BoundaryEventNode
  | SubProcessNode
  | CallActivityNode;

/** The element kinds the interpreter knows; every other BPMN element is refused by the compiler. */
export type NodeKind = ModelNode['kind'];

/** The node type of one kind. */
export type NodeOf<K extends NodeKind> = Extract<ModelNode, { kind: K }>;

/** A sequence flow; `condition` is a FEEL expression evaluated when a gateway or activity leaves. */
export interface ModelFlow {
  id: string;
  name?: string;
  source: string;
  target: string;
  condition?: Expression;
}

/** A whole executable process: the unit that is deployed, versioned and run as one workflow. */
export interface ExecutableModel {
  schemaVersion: number;
  processId: string;
  name?: string;
  /** The process's BPMN documentation, shown on the start page; never read by the interpreter. */
  documentation?: string;
  /** The roles or groups that may start its cases through the API (`sparrow:starters`; absent: every starter role). */
  starters?: string[];
  /** The variable a case starts with holding the username of whoever started it (`sparrow:initiator`; set by the server, never read by the interpreter). */
  initiatorVariable?: string;
  /** The service desk's icon for the process (`sparrow:icon`, one of contracts/processIcons.ts). */
  icon?: string;
  /** The none start event(s) of the process scope. */
  startNodeIds: string[];
  /** The timer start events of the process scope: each is a Temporal Schedule that starts cases there (absent: none). */
  timerStartNodeIds?: string[];
  /** The message start events of the process scope: `POST /api/messages` starts a case there when no case waits (absent: none). */
  messageStartNodeIds?: string[];
  /** The event subprocesses directly inside the process. */
  eventSubProcesses?: string[];
  nodes: Record<string, ModelNode>;
  flows: Record<string, ModelFlow>;
  /** The statutory clocks the process declares (`sparrow:clocks`), by name (absent: none). */
  clocks?: Record<string, ClockDeclaration>;
  /** Set when the process declares clocks or a FEEL expression calls a legal-time function: its cases need the calendar. */
  usesLegalTime?: true;
}
