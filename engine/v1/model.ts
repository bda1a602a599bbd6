// Frozen copy of the executable model types as the v1 interpreter (engine/v1) reads them: cases recorded before
// ENGINE_V2_PATCH replay through it, so nothing here may change. New code uses engine/model.ts.
// Everything here is data (no functions, no classes), so it can travel in a workflow's input and be hashed.

/** Version of this model format; bumped when the shape changes incompatibly. */
export const MODEL_SCHEMA_VERSION = 1;

/** A value written in the diagram: either a FEEL expression (attribute started with `=`) or a static string. */
export type Expression = { kind: 'feel'; source: string } | { kind: 'static'; value: string };

/** The element kinds the interpreter knows; every other BPMN element is refused by the compiler. */
export type NodeKind =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'task'
  | 'userTask'
  | 'serviceTask'
  | 'scriptTask'
  | 'sendTask'
  | 'receiveTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'subProcess';

/** The event definition an event carries (none when absent). */
export type EventDefinition =
  | { kind: 'none' }
  | { kind: 'terminate' }
  | { kind: 'timer'; timer: TimerDefinition }
  | { kind: 'message'; message: MessageDefinition };

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

/** A service or send task's job: the activity type the worker runs, its retries and headers. */
export interface TaskDefinition {
  type: string;
  retries: number;
  headers: Record<string, string>;
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

/** One flow node of the process (or of an embedded subprocess, named by `scope`). */
export interface ModelNode {
  id: string;
  kind: NodeKind;
  name?: string;
  /** Id of the enclosing subprocess, or null for the process itself. */
  scope: string | null;
  incoming: string[];
  outgoing: string[];
  /** The default flow of a gateway or activity, when the diagram names one. */
  defaultFlow?: string;
  eventDefinition?: EventDefinition;
  taskDefinition?: TaskDefinition;
  userTask?: UserTaskDefinition;
  script?: ScriptDefinition;
  inputs?: Mapping[];
  outputs?: Mapping[];
  /** For a subProcess: the none start event inside it. */
  startNodeId?: string;
  /** For a start event: the formId of its start form (zeebe:formDefinition), which the API checks start variables against. */
  startFormId?: string;
}

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
  /** The none start event(s) of the process scope. */
  startNodeIds: string[];
  nodes: Record<string, ModelNode>;
  flows: Record<string, ModelFlow>;
}

