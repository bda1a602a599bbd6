// One builder per supported BPMN element type: the element and its zeebe extensions -> a ModelNode.
import type { SupportedFlowNode } from '../../contracts/bpmnElements';
import type { ModelNode } from '../model';
import { readCalledElement } from './callActivity';
import { readDocumentation } from './documentation';
import { readClockActions } from './clocks';
import { markHandler } from './compensation';
import { isInterrupting, readCaughtMessage, readEventDefinition, type EventKind } from './events';
import { readId } from './ids';
import { readMultiInstance } from './multiInstance';
import { child, children, describe, extension, text, type BpmnElement } from './moddle';
import type { Diagnostics } from './problems';
import { inProcess, readProcessStart } from './startEvents';
import { readMappings, readScript, readTaskDefinition, readUserTask } from './zeebe';

/** What every node has, whatever its kind (set by `buildNode`, not by a builder). */
type CommonField = 'id' | 'name' | 'documentation' | 'scope' | 'incoming' | 'outgoing' | 'defaultFlow' | 'inputs' | 'outputs';

/** A node's kind and kind-specific fields, distributed over the node union; a field is absent when invalid (the problem is recorded). */
type KindFields<N> = N extends ModelNode ? Pick<N, 'kind'> & Partial<Omit<N, 'kind' | CommonField>> : never;

/** What a builder contributes: the node kind and its kind-specific fields. */
type NodeFields = KindFields<ModelNode>;

type Builder = (element: BpmnElement, diagnostics: Diagnostics) => NodeFields;

/** Camunda 8: what each event type may carry where it sits (the process's own start events: startEvents.ts). */
const START_EVENTS: readonly EventKind[] = ['none'];
const EVENT_SUBPROCESS_STARTS: readonly EventKind[] = ['timer', 'message', 'error', 'escalation', 'signal'];
const END_EVENTS: readonly EventKind[] = ['none', 'terminate', 'message', 'error', 'escalation', 'signal', 'compensation'];
const CATCH_EVENTS: readonly EventKind[] = ['timer', 'message', 'signal', 'link'];
const THROW_EVENTS: readonly EventKind[] = ['none', 'message', 'escalation', 'signal', 'link', 'compensation'];
const BOUNDARY_EVENTS: readonly EventKind[] = ['timer', 'message', 'error', 'escalation', 'signal', 'compensation'];

const plain = (kind: 'task' | 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway'): Builder => () => ({ kind });

/** A throw event; a message throw is a job (as in Camunda 8), so it needs a zeebe:taskDefinition. */
const throwingEvent = (kind: 'endEvent' | 'intermediateThrowEvent', allowed: readonly EventKind[]): Builder => (element, diagnostics) => {
  const eventDefinition = readEventDefinition(element, allowed, diagnostics);
  const isMessage = children(element, 'eventDefinitions').some((definition) => definition.$type === 'bpmn:MessageEventDefinition');
  return { kind, eventDefinition, taskDefinition: isMessage ? readTaskDefinition(element, diagnostics) : undefined };
};

const jobTask = (kind: 'serviceTask' | 'sendTask'): Builder => (element, diagnostics) => ({ kind, taskDefinition: readTaskDefinition(element, diagnostics) });

/** True for an element directly inside an event subprocess. */
function inEventSubProcess(element: BpmnElement): boolean {
  const parent = child(element, '$parent');
  return parent?.$type === 'bpmn:SubProcess' && parent.triggeredByEvent === true;
}

/** A start event: none (with its start form) in an embedded subprocess; an event start in an event subprocess; the process's own in startEvents.ts. */
const startEvent: Builder = (element, diagnostics) => {
  if (inEventSubProcess(element)) {
    const eventDefinition = readEventDefinition(element, EVENT_SUBPROCESS_STARTS, diagnostics);
    return { kind: 'startEvent', eventDefinition, ...(isInterrupting(element) ? {} : { interrupting: false }) };
  }
  if (inProcess(element)) return readProcessStart(element, diagnostics);
  const form = extension(element, 'zeebe:FormDefinition');
  const startFormId = form && text(form, 'formId')?.trim();
  return { kind: 'startEvent', eventDefinition: readEventDefinition(element, START_EVENTS, diagnostics), ...(startFormId ? { startFormId } : {}) };
};

/** A boundary event: the activity it is attached to (checked once all nodes are built), whether it cancels it, its event. */
const boundaryEvent: Builder = (element, diagnostics) => {
  const attachedTo = child(element, 'attachedToRef')?.id;
  if (!attachedTo) diagnostics.problem('boundary-event-invalid', `${describe(element)} is attached to no activity (attachedToRef)`, element.id);
  return { kind: 'boundaryEvent', attachedTo, cancelActivity: isInterrupting(element), eventDefinition: readEventDefinition(element, BOUNDARY_EVENTS, diagnostics) };
};

/** An event-based gateway; Camunda 8 runs neither a parallel one nor one that instantiates the process. */
const eventBasedGateway: Builder = (element, diagnostics) => {
  if (element.instantiate === true || element.eventGatewayType === 'Parallel') {
    const what = element.instantiate === true ? 'instantiates the process (instantiate="true")' : 'is parallel (eventGatewayType="Parallel")';
    diagnostics.problem('event-gateway-invalid', `${describe(element)} ${what}, which is not supported`, element.id);
  }
  return { kind: 'eventBasedGateway' };
};

/** One builder per flow-node type of contracts/bpmnElements.ts: a type listed there without a builder fails the type check. */
const BUILDERS: Record<SupportedFlowNode, Builder> = {
  'bpmn:StartEvent': startEvent,
  'bpmn:EndEvent': throwingEvent('endEvent', END_EVENTS),
  'bpmn:IntermediateCatchEvent': (element, diagnostics) => ({ kind: 'intermediateCatchEvent', eventDefinition: readEventDefinition(element, CATCH_EVENTS, diagnostics) }),
  'bpmn:IntermediateThrowEvent': throwingEvent('intermediateThrowEvent', THROW_EVENTS),
  'bpmn:BoundaryEvent': boundaryEvent,
  'bpmn:Task': plain('task'),
  'bpmn:ManualTask': plain('task'),
  'bpmn:UserTask': (element, diagnostics) => ({ kind: 'userTask', userTask: readUserTask(element, diagnostics) }),
  'bpmn:ServiceTask': jobTask('serviceTask'),
  'bpmn:SendTask': jobTask('sendTask'),
  'bpmn:BusinessRuleTask': (element, diagnostics) => {
    if (extension(element, 'zeebe:TaskDefinition') || !extension(element, 'zeebe:CalledDecision')) return jobTask('serviceTask')(element, diagnostics);
    diagnostics.problem('unsupported-element', `${describe(element)} calls a DMN decision, which is not supported yet (use a zeebe:taskDefinition job worker)`, element.id);
    return { kind: 'serviceTask' };
  },
  'bpmn:ScriptTask': (element, diagnostics) =>
    extension(element, 'zeebe:TaskDefinition')
      ? jobTask('serviceTask')(element, diagnostics)
      : { kind: 'scriptTask', script: readScript(element, diagnostics) },
  'bpmn:ReceiveTask': (element, diagnostics) => {
    if (element.instantiate === true) {
      diagnostics.problem('unsupported-element', `${describe(element)} instantiates the process (instantiate="true"), which is not supported`, element.id);
    }
    const message = readCaughtMessage(child(element, 'messageRef'), element, diagnostics);
    return { kind: 'receiveTask', eventDefinition: message && { kind: 'message', message } };
  },
  'bpmn:ExclusiveGateway': plain('exclusiveGateway'),
  'bpmn:ParallelGateway': plain('parallelGateway'),
  'bpmn:InclusiveGateway': plain('inclusiveGateway'),
  'bpmn:EventBasedGateway': eventBasedGateway,
  'bpmn:CallActivity': (element, diagnostics) => ({ kind: 'callActivity', calledElement: readCalledElement(element, diagnostics) }),
  'bpmn:SubProcess': (element) => (element.triggeredByEvent === true ? { kind: 'subProcess', triggeredByEvent: true } : { kind: 'subProcess' }),
};

const LISTENERS = { 'zeebe:ExecutionListeners': 'execution listeners', 'zeebe:TaskListeners': 'task listeners' };

/**
 * Builds the model node of a flow element inside `scope` (a subprocess id or null); returns undefined, with an
 * `unsupported-element` problem, for element types the engine does not run. Invalid details are recorded as problems.
 */
export function buildNode(element: BpmnElement, scope: string | null, diagnostics: Diagnostics): ModelNode | undefined {
  const builder = (BUILDERS as Partial<Record<string, Builder>>)[element.$type];
  if (!builder) {
    diagnostics.problem('unsupported-element', `${describe(element)} is not supported yet`, element.id);
    return undefined;
  }
  const id = readId(element, diagnostics);
  if (id === undefined) return undefined;
  checkUnsupportedFeatures(element, diagnostics);
  const fields = builder(element, diagnostics);
  const { inputs, outputs } = readMappings(element, diagnostics);
  const node = { id, kind: fields.kind, scope, incoming: [], outgoing: [] } as ModelNode;
  const name = text(element, 'name');
  if (name) node.name = name;
  const documentation = readDocumentation(element);
  if (documentation) node.documentation = documentation;
  const defaultFlow = child(element, 'default')?.id;
  if (defaultFlow) node.defaultFlow = defaultFlow;
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && key !== 'kind') Object.assign(node, { [key]: value });
  if (inputs) node.inputs = inputs;
  if (outputs) node.outputs = outputs;
  const multiInstance = readMultiInstance(element, diagnostics);
  if (multiInstance) node.multiInstance = multiInstance;
  if (element.isForCompensation === true) markHandler(node, element, diagnostics);
  const clockActions = readClockActions(element, diagnostics);
  if (clockActions) node.clockActions = clockActions;
  return node;
}

/** Records problems for features of an element the engine does not run yet: loops, zeebe listeners. */
export function checkUnsupportedFeatures(element: BpmnElement, diagnostics: Diagnostics): void {
  const loop = child(element, 'loopCharacteristics');
  if (loop && loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    diagnostics.problem('unsupported-loop', `${describe(element)} has loop characteristics, which are not supported yet`, element.id);
  }
  for (const [type, what] of Object.entries(LISTENERS)) {
    if (extension(element, type)) {
      diagnostics.problem('unsupported-extension', `${describe(element)} has ${what}, which are not supported yet`, element.id);
    }
  }
}
