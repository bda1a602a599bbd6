// Which signals and messages a case may be waiting for, read from the model by the elements now active, so the server
// finds the cases to deliver a signal or message to from their summary rows without asking every case.
import type { EventDefinition, ExecutableModel, ModelNode, SubProcessNode } from '../engine/model';

/** Signal and message names, each listed once. */
export interface WaitingEvents {
  signals: string[];
  messages: string[];
}

/** The key of the process itself (always active while the case runs) in a model's map. */
const PROCESS = '';

const byModel = new WeakMap<ExecutableModel, Map<string, WaitingEvents>>();

/** The event definitions an active instance of `node` may hold subscriptions for: its own, its boundary events', its event subprocesses' starts', its gateway targets'. */
function definitionsWhileActive(model: ExecutableModel, node: ModelNode): Array<EventDefinition | undefined> {
  const boundaries = (node.boundaryEvents ?? []).map((id) => model.nodes[id]);
  const targets = node.kind === 'eventBasedGateway' ? node.outgoing.map((flowId) => model.nodes[model.flows[flowId].target]) : [];
  const starts = node.kind === 'subProcess' ? eventSubProcessStarts(model, node.eventSubProcesses) : [];
  const own = node.kind === 'intermediateCatchEvent' || node.kind === 'receiveTask' ? [node] : [];
  return [...own, ...boundaries, ...targets, ...starts].map((n) => ('eventDefinition' in n ? n.eventDefinition : undefined));
}

function eventSubProcessStarts(model: ExecutableModel, ids: string[] | undefined): ModelNode[] {
  return (ids ?? []).map((id) => model.nodes[(model.nodes[id] as SubProcessNode).startNodeId as string]);
}

function namesOf(definitions: Array<EventDefinition | undefined>): WaitingEvents {
  const signals = definitions.flatMap((d) => (d?.kind === 'signal' ? [d.signalName] : []));
  const messages = definitions.flatMap((d) => (d?.kind === 'message' ? [d.message.name] : []));
  return { signals: [...new Set(signals)], messages: [...new Set(messages)] };
}

/** For each element that may wait for a signal or message while active (and the process), the names; computed once per model. */
function waitsByElement(model: ExecutableModel): Map<string, WaitingEvents> {
  let map = byModel.get(model);
  if (map) return map;
  map = new Map();
  const processWaits = namesOf(eventSubProcessStarts(model, model.eventSubProcesses).map((n) => ('eventDefinition' in n ? n.eventDefinition : undefined)));
  if (processWaits.signals.length + processWaits.messages.length > 0) map.set(PROCESS, processWaits);
  for (const node of Object.values(model.nodes)) {
    const waits = namesOf(definitionsWhileActive(model, node));
    if (waits.signals.length + waits.messages.length > 0) map.set(node.id, waits);
  }
  byModel.set(model, map);
  return map;
}

/**
 * The signals and messages a running case may wait for, given the elements now active: a superset (a non-repeating
 * event that already fired is still listed while its element stays active), so the case's Update validator decides.
 * Costs one lookup per active element.
 */
export function waitingEventsOf(model: ExecutableModel, running: boolean, activeElements: string[]): WaitingEvents {
  if (!running) return { signals: [], messages: [] };
  const map = waitsByElement(model);
  const signals = new Set<string>();
  const messages = new Set<string>();
  for (const id of [PROCESS, ...activeElements]) {
    const waits = map.get(id);
    waits?.signals.forEach((name) => signals.add(name));
    waits?.messages.forEach((name) => messages.add(name));
  }
  return { signals: [...signals], messages: [...messages] };
}
