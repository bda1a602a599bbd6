// Structural rules of the event elements, checked on the assembled model: boundary events, event subprocesses,
// event-based gateways and link events (Camunda 8's deployment validation).
import type { ExecutableModel, ModelNode } from '../model';
import { catcherOf, checkDistinctCatchers } from './catchers';
import type { Diagnostics } from './problems';

/** What an event-based gateway may lead to (Camunda 8: intermediate catch events of these kinds, no receive tasks). */
const GATEWAY_EVENTS = new Set(['timer', 'message', 'signal']);

/** Records the problems of the model's boundary events, event subprocesses, event-based gateways and link events. */
export function checkEventRules(model: ExecutableModel, nodes: readonly ModelNode[], diagnostics: Diagnostics): void {
  for (const node of nodes) {
    if (node.kind === 'boundaryEvent') checkBoundaryFlows(node, diagnostics);
    else if (node.kind === 'subProcess' && node.triggeredByEvent) checkEventSubProcessFlows(node, diagnostics);
    else if (node.kind === 'eventBasedGateway') checkEventGateway(model, node, diagnostics);
  }
  checkEventSubProcessStarts(model, diagnostics);
  checkLinks(nodes, diagnostics);
}

/** Each link throw event's id -> the id of the link catch event of the same name in its scope. */
export function linkTargets(nodes: readonly ModelNode[]): Map<string, string> {
  const catches = new Map<string, string>();
  for (const node of nodes) {
    const name = linkName(node, 'intermediateCatchEvent');
    if (name !== undefined && !catches.has(scopedName(node, name))) catches.set(scopedName(node, name), node.id);
  }
  const targets = new Map<string, string>();
  for (const node of nodes) {
    const name = linkName(node, 'intermediateThrowEvent');
    const target = name === undefined ? undefined : catches.get(scopedName(node, name));
    if (target) targets.set(node.id, target);
  }
  return targets;
}

function checkBoundaryFlows(node: ModelNode, diagnostics: Diagnostics): void {
  if (node.incoming.length > 0) {
    diagnostics.problem('boundary-event-invalid', `boundaryEvent <${node.id}> has incoming flows; a boundary event cannot have any`, node.id);
  }
  // a compensation boundary event leads to its handler by an association (compensation.ts checks it)
  const compensation = node.kind === 'boundaryEvent' && node.eventDefinition?.kind === 'compensation';
  if (node.outgoing.length === 0 && !compensation) {
    diagnostics.problem('boundary-event-invalid', `boundaryEvent <${node.id}> has no outgoing flow; a boundary event needs at least one`, node.id);
  }
}

function checkEventSubProcessFlows(node: ModelNode, diagnostics: Diagnostics): void {
  if (node.incoming.length > 0 || node.outgoing.length > 0) {
    const which = node.incoming.length > 0 ? 'incoming' : 'outgoing';
    diagnostics.problem('event-subprocess-invalid', `event subProcess <${node.id}> has ${which} flows; an event subprocess is started by its event, never by flows`, node.id);
  }
}

/** Camunda 8: an event-based gateway leads by at least two flows to timer, message or signal catch events that nothing else leads to. */
function checkEventGateway(model: ExecutableModel, gateway: ModelNode, diagnostics: Diagnostics): void {
  const invalid = (reason: string) => diagnostics.problem('event-gateway-invalid', `eventBasedGateway <${gateway.id}> ${reason}`, gateway.id);
  if (gateway.outgoing.length < 2) invalid(`has ${gateway.outgoing.length} outgoing flow(s); an event-based gateway needs at least two`);
  const targets: ModelNode[] = [];
  for (const flowId of gateway.outgoing) {
    const target = model.nodes[model.flows[flowId].target];
    const refused = target.kind === 'intermediateCatchEvent' && target.eventDefinition === undefined; // its problem is recorded
    const kind = target.kind === 'intermediateCatchEvent' ? target.eventDefinition?.kind : undefined;
    if (refused) continue;
    if (kind === undefined || !GATEWAY_EVENTS.has(kind)) {
      invalid(`leads by flow <${flowId}> to ${target.kind} <${target.id}>; it may only lead to timer, message or signal intermediate catch events`);
      continue;
    }
    const others = target.incoming.filter((id) => model.flows[id].source !== gateway.id);
    if (others.length > 0) {
      invalid(`leads to intermediateCatchEvent <${target.id}>, which other flows also enter (${others.map((id) => `<${id}>`).join(', ')}); only the gateway may lead to it`);
    }
    targets.push(target);
  }
  checkDistinctCatchers(`eventBasedGateway <${gateway.id}>`, gateway.id, targets.map(catcherOf), diagnostics);
}

/** Camunda 8: the event subprocesses of one scope must not start on the same message, signal, error or escalation code. */
function checkEventSubProcessStarts(model: ExecutableModel, diagnostics: Diagnostics): void {
  const scopes: Array<[string, string, readonly string[]]> = [[`process <${model.processId}>`, model.processId, model.eventSubProcesses ?? []]];
  for (const node of Object.values(model.nodes)) {
    if (node.kind === 'subProcess' && node.eventSubProcesses) scopes.push([`subProcess <${node.id}>`, node.id, node.eventSubProcesses]);
  }
  for (const [owner, ownerId, ids] of scopes) {
    const starts = ids.flatMap((id) => {
      const sub = model.nodes[id];
      const start = sub.kind === 'subProcess' && sub.startNodeId ? model.nodes[sub.startNodeId] : undefined;
      return start ? [catcherOf(start)] : [];
    });
    checkDistinctCatchers(owner, ownerId, starts, diagnostics);
  }
}

/** Link catch names are unique per scope; each link throw needs the catch of its name in its scope; neither has flows on its link side. */
function checkLinks(nodes: readonly ModelNode[], diagnostics: Diagnostics): void {
  const catches = new Map<string, string>();
  for (const node of nodes) {
    const name = linkName(node, 'intermediateCatchEvent');
    if (name === undefined) continue;
    const first = catches.get(scopedName(node, name));
    if (first) {
      diagnostics.problem('link-invalid', `intermediateCatchEvent <${node.id}> catches link "${name}" as <${first}> does; link catch names must be unique in a scope`, node.id);
    } else catches.set(scopedName(node, name), node.id);
    if (node.incoming.length > 0) {
      diagnostics.problem('link-invalid', `intermediateCatchEvent <${node.id}> catches link "${name}" and has incoming flows; a link catch event is entered only by its link`, node.id);
    }
  }
  for (const node of nodes) {
    const name = linkName(node, 'intermediateThrowEvent');
    if (name === undefined) continue;
    if (!catches.has(scopedName(node, name))) {
      diagnostics.problem('link-invalid', `intermediateThrowEvent <${node.id}> throws link "${name}", but its scope has no link catch event of that name`, node.id);
    }
    if (node.outgoing.length > 0) {
      diagnostics.problem('link-invalid', `intermediateThrowEvent <${node.id}> throws link "${name}" and has outgoing flows; the case goes on at the link catch event instead`, node.id);
    }
  }
}

/** The link name of an intermediate event of `kind` that carries a link definition. */
function linkName(node: ModelNode, kind: 'intermediateCatchEvent' | 'intermediateThrowEvent'): string | undefined {
  return node.kind === kind && node.eventDefinition?.kind === 'link' ? node.eventDefinition.linkName : undefined;
}

function scopedName(node: ModelNode, name: string): string {
  return JSON.stringify([node.scope, name]);
}
