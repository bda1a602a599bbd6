// Structural checks of an assembled model: start events, gateways and default flows, flow rules, event rules, reachability.
import type { BoundaryEventNode, ExecutableModel, ModelNode } from '../model';
import { checkEventRules, linkTargets } from './eventRules';
import type { Diagnostics } from './problems';
import { checkProcessStarts } from './startEvents';

const CONDITIONAL_GATEWAYS = new Set(['exclusiveGateway', 'inclusiveGateway']);
const CONDITION_IGNORED = new Set(['parallelGateway', 'eventBasedGateway', 'startEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent']);

/** True for a start event directly inside `scope` (a subprocess id, or null for the process). */
export function isStartIn(node: ModelNode, scope: string | null): boolean {
  return node.kind === 'startEvent' && node.scope === scope;
}

/** True for a none start event directly inside `scope` (a subprocess id, or null for the process). */
export function isNoneStart(node: ModelNode, scope: string | null): boolean {
  return node.kind === 'startEvent' && node.scope === scope && node.eventDefinition?.kind === 'none';
}

/** True for an event subprocess, which events start rather than flows. */
function isEventSubProcess(node: ModelNode): boolean {
  return node.kind === 'subProcess' && node.triggeredByEvent === true;
}

/** How messages name a node: `userTask <Task_1>`, `event subProcess <Sub_1>`. */
function label(node: ModelNode): string {
  return `${isEventSubProcess(node) ? 'event subProcess' : node.kind} <${node.id}>`;
}

/** Records the structural problems and warnings of a model whose nodes and flows are already wired. */
export function validateModel(model: ExecutableModel, diagnostics: Diagnostics): void {
  const nodes = Object.values(model.nodes);
  checkStarts(model, nodes, diagnostics);
  for (const node of nodes) {
    checkFlowRules(model, node, diagnostics);
    checkGateway(model, node, diagnostics);
    checkDefaultFlow(model, node, diagnostics);
  }
  checkEventRules(model, nodes, diagnostics);
  warnUnreachable(model, nodes, diagnostics);
  for (const node of nodes) {
    if (node.outgoing.length === 0 && node.kind !== 'endEvent' && !isEventSubProcess(node) && !isLinkThrow(node) && !isCompensationOnly(node)) {
      diagnostics.warning('implicit-end', `${label(node)} has no outgoing flow; its token ends there (implicit end)`, node.id);
    }
  }
}

function checkStarts(model: ExecutableModel, nodes: ModelNode[], diagnostics: Diagnostics): void {
  checkProcessStarts(model, diagnostics);
  for (const node of nodes) {
    if (node.kind !== 'subProcess' || node.startNodeId) continue;
    const count = nodes.filter((candidate) => (node.triggeredByEvent ? isStartIn(candidate, node.id) : isNoneStart(candidate, node.id))).length;
    const what = node.triggeredByEvent ? 'start event (timer, message, error, escalation or signal)' : 'none start event';
    diagnostics.problem('subprocess-start-invalid', `${label(node)} must contain exactly one ${what}, not ${count}`, node.id);
  }
}

function checkFlowRules(model: ExecutableModel, node: ModelNode, diagnostics: Diagnostics): void {
  if (node.kind === 'startEvent' && node.incoming.length > 0) {
    diagnostics.problem('flow-invalid', `${label(node)} has incoming flows; a start event cannot have any`, node.id);
  }
  if (node.kind === 'endEvent' && node.outgoing.length > 0) {
    diagnostics.problem('flow-invalid', `${label(node)} has outgoing flows; an end event cannot have any`, node.id);
  }
  if (CONDITION_IGNORED.has(node.kind)) {
    for (const id of node.outgoing) {
      if (model.flows[id].condition) {
        diagnostics.warning('condition-ignored', `condition of flow <${id}> is ignored: it leaves ${label(node)}`, id);
        delete model.flows[id].condition; // ignored, as the warning says: the interpreter never sees it
      }
    }
  }
}

function checkGateway(model: ExecutableModel, node: ModelNode, diagnostics: Diagnostics): void {
  if (!CONDITIONAL_GATEWAYS.has(node.kind) || node.outgoing.length < 2) return;
  const unconditioned = node.outgoing.filter((id) => id !== node.defaultFlow && !model.flows[id].condition);
  if (unconditioned.length === 0) return;
  const flows = unconditioned.map((id) => `<${id}>`).join(', ');
  const message = node.defaultFlow
    ? `${label(node)} has outgoing flows without condition that are not its default flow: ${flows}`
    : `${label(node)} has outgoing flows without condition and no default flow: ${flows}`;
  diagnostics.problem('gateway-condition-missing', message, node.id);
}

function checkDefaultFlow(model: ExecutableModel, node: ModelNode, diagnostics: Diagnostics): void {
  if (!node.defaultFlow) return;
  if (!node.outgoing.includes(node.defaultFlow)) {
    diagnostics.problem('default-flow-invalid', `${label(node)} names flow <${node.defaultFlow}> as default, which is not one of its outgoing flows`, node.id);
  } else if (model.flows[node.defaultFlow].condition) {
    diagnostics.warning('condition-ignored', `condition of flow <${node.defaultFlow}> is ignored: it is the default flow of ${label(node)}`, node.defaultFlow);
    delete model.flows[node.defaultFlow].condition;
  }
}

/** True for a compensation handler or compensation boundary event: neither leaves by flows. */
function isCompensationOnly(node: ModelNode): boolean {
  // a boundary event whose definition was refused has none (the refusal is a problem already)
  return node.isForCompensation === true || (node.kind === 'boundaryEvent' && (node.eventDefinition as BoundaryEventNode['eventDefinition'] | undefined)?.kind === 'compensation');
}

/** True for an intermediate link throw event, which goes on at its link catch event rather than by flows. */
function isLinkThrow(node: ModelNode): boolean {
  return node.kind === 'intermediateThrowEvent' && node.eventDefinition?.kind === 'link';
}

/**
 * Warns about nodes no start event leads to. Besides flows, a scope leads to its start and its event subprocesses, an
 * event subprocess to its start event, an activity to its boundary events and compensation handler, and a link throw
 * event to its link catch event.
 */
function warnUnreachable(model: ExecutableModel, nodes: ModelNode[], diagnostics: Diagnostics): void {
  const starts = [...model.startNodeIds, ...(model.timerStartNodeIds ?? []), ...(model.messageStartNodeIds ?? [])];
  if (starts.length === 0) return;
  const links = linkTargets(nodes);
  const reached = new Set<string>();
  const pending = [...starts, ...(model.eventSubProcesses ?? [])];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (reached.has(id)) continue;
    reached.add(id);
    const node = model.nodes[id];
    if (node.kind === 'subProcess') pending.push(...(node.startNodeId ? [node.startNodeId] : []), ...(node.eventSubProcesses ?? []));
    pending.push(...(node.boundaryEvents ?? []), ...(node.compensationHandler ? [node.compensationHandler] : []));
    const linked = links.get(node.id);
    if (linked) pending.push(linked);
    for (const flow of node.outgoing) pending.push(model.flows[flow].target);
  }
  for (const node of nodes) {
    if (!reached.has(node.id)) diagnostics.warning('unreachable', `${label(node)} cannot be reached from a start event`, node.id);
  }
}
