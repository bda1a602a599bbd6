// Compensation, as Camunda 8 deploys it: a compensation boundary event marks its activity compensable and is joined to
// the activity's handler (isForCompensation) by a bpmn:association; compensation throw and end events name an activity
// of their scope (activityRef) or none (all of the scope), and always wait for the handlers they start.
import type { EventDefinition, ModelNode } from '../model';
import type { FlowEnds } from './flows';
import { child, children, describe, type BpmnElement } from './moddle';
import type { Diagnostics } from './problems';

/** Where subprocess-like containers keep their flow elements and artifacts (associations may sit in any of them). */
const CONTAINERS = new Set(['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

/**
 * Reads a compensation event definition. On a throw or end event: the activity it names (`activityRef`), and
 * `waitForCompletion` must be true or absent (Camunda 8 refuses false). A boundary event's definition carries nothing.
 */
export function readCompensation(definition: BpmnElement, event: BpmnElement, throwing: boolean, diagnostics: Diagnostics): EventDefinition | undefined {
  if (!throwing) return { kind: 'compensation' };
  if (definition.waitForCompletion === false) {
    diagnostics.problem('compensation-invalid', `${describe(event)} has waitForCompletion="false"; Camunda 8 always waits for the compensation handlers (true or absent)`, event.id);
    return undefined;
  }
  const activity = child(definition, 'activityRef');
  if (activity?.id) return { kind: 'compensation', activityRef: activity.id };
  const unresolved = (definition.$unresolved as Record<string, string> | undefined)?.['bpmn:activityRef'];
  if (unresolved) {
    diagnostics.problem('compensation-invalid', `${describe(event)} compensates activity <${unresolved}>, which does not exist (activityRef)`, event.id);
    return undefined;
  }
  return { kind: 'compensation' };
}

/** Marks a node built from an element with isForCompensation="true" as a compensation handler (an event subprocess cannot be one). */
export function markHandler(node: ModelNode, element: BpmnElement, diagnostics: Diagnostics): void {
  if (node.kind === 'subProcess' && node.triggeredByEvent) {
    diagnostics.problem('compensation-invalid', `${describe(element)} is an event subprocess marked isForCompensation; only a task or an embedded subprocess can be a compensation handler`, element.id);
    return;
  }
  node.isForCompensation = true;
}

/**
 * Joins each compensation boundary event's activity to its handler (`compensationHandler`) and checks, as Camunda 8
 * does: the boundary event has no outgoing flows and an association to an activity marked isForCompensation; a handler
 * has no incoming or outgoing flows and no boundary events; an activityRef names an activity of the throw event's scope
 * (or, from an event subprocess, of the scope around it) that has a compensation boundary event or is a subprocess.
 */
export function wireCompensation(process: BpmnElement, ends: FlowEnds, diagnostics: Diagnostics): void {
  const associations = associationsOf(process);
  const nodes = Object.values(ends.nodes);
  for (const node of nodes) {
    if (node.kind === 'boundaryEvent' && node.eventDefinition?.kind === 'compensation') joinHandler(node, ends, associations, diagnostics);
    if (node.isForCompensation) checkHandler(node, diagnostics);
  }
  for (const node of nodes) {
    const definition = 'eventDefinition' in node ? node.eventDefinition : undefined;
    if (node.kind !== 'boundaryEvent' && definition?.kind === 'compensation' && definition.activityRef !== undefined) {
      checkActivityRef(node, definition.activityRef, ends, diagnostics);
    }
  }
}

function joinHandler(event: Extract<ModelNode, { kind: 'boundaryEvent' }>, ends: FlowEnds, associations: Map<string, string[]>, diagnostics: Diagnostics): void {
  const invalid = (reason: string) => diagnostics.problem('compensation-invalid', `boundaryEvent <${event.id}> ${reason}`, event.id);
  if (event.outgoing.length > 0) invalid('has outgoing sequence flows; a compensation boundary event is joined to its handler by an association, not by flows (Camunda 8)');
  const targets = associations.get(event.id) ?? [];
  if (targets.some((id) => ends.refused.has(id))) return;
  const handlerId = targets.find((id) => Object.hasOwn(ends.nodes, id));
  if (handlerId === undefined) return invalid('has no association to a compensation handler (an activity marked isForCompensation="true")');
  if (!ends.nodes[handlerId].isForCompensation) return invalid(`is associated with <${handlerId}>, which is not a compensation handler (isForCompensation="true")`);
  const activity = Object.hasOwn(ends.nodes, event.attachedTo) ? ends.nodes[event.attachedTo] : undefined;
  if (activity && activity.boundaryEvents?.includes(event.id)) activity.compensationHandler = handlerId;
}

function checkHandler(node: ModelNode, diagnostics: Diagnostics): void {
  const invalid = (reason: string) => diagnostics.problem('compensation-invalid', `${node.kind} <${node.id}> is a compensation handler and ${reason} (Camunda 8)`, node.id);
  if (node.incoming.length > 0) invalid('has incoming sequence flows; a handler is started only by compensation');
  if (node.outgoing.length > 0) invalid('has outgoing sequence flows; a handler ends where it completes');
  if (node.boundaryEvents?.length) invalid('has boundary events, which a handler cannot have');
}

function checkActivityRef(event: ModelNode, activityRef: string, ends: FlowEnds, diagnostics: Diagnostics): void {
  if (ends.refused.has(activityRef)) return;
  const invalid = (reason: string) => diagnostics.problem('compensation-invalid', `${event.kind} <${event.id}> compensates <${activityRef}>, ${reason}`, event.id);
  const activity = Object.hasOwn(ends.nodes, activityRef) ? ends.nodes[activityRef] : undefined;
  if (!activity) return invalid('which is not an activity of the process');
  const compensable = activity.compensationHandler !== undefined || (activity.kind === 'subProcess' && !activity.triggeredByEvent);
  if (!compensable) invalid('which has no compensation boundary event and is no subprocess');
  const scope = event.scope === null ? undefined : ends.nodes[event.scope];
  const outer = scope?.kind === 'subProcess' && scope.triggeredByEvent ? scope.scope : undefined;
  if (activity.scope !== event.scope && (outer === undefined || activity.scope !== outer)) {
    invalid('which is in another scope; it must be in the scope of the compensation event (or, from an event subprocess, the scope around it)');
  }
}

/** Every bpmn:association of the process and its subprocesses: source id -> target ids, in document order. */
function associationsOf(process: BpmnElement): Map<string, string[]> {
  const bySource = new Map<string, string[]>();
  const pending = [process];
  for (let container = pending.pop(); container; container = pending.pop()) {
    for (const artifact of children(container, 'artifacts')) {
      if (artifact.$type !== 'bpmn:Association') continue;
      const source = child(artifact, 'sourceRef')?.id;
      const target = child(artifact, 'targetRef')?.id;
      if (source && target) bySource.set(source, [...(bySource.get(source) ?? []), target]);
    }
    pending.push(...children(container, 'flowElements').filter((element) => CONTAINERS.has(element.$type)));
  }
  return bySource;
}
