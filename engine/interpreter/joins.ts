// Joining gateways: a flow taken into a parallel or inclusive gateway with several incoming flows is counted, not
// activated (as Zeebe counts taken sequence flows); the gateway is activated once when its join fires.
import type { ExecutableModel, ModelFlow, ModelNode } from '../model';
import { own } from './own';
import { canReach } from './reach';
import type { ElementInstance, EngineState, JoinArrivals, Variables } from './types';

/** What joins use of the step's runtime (interpreter/runtime.ts). */
export interface JoinHost {
  readonly model: ExecutableModel;
  readonly at: string;
  readonly state: EngineState;
  node(id: string): ModelNode;
  flow(id: string): ModelFlow;
  instance(id: string): ElementInstance;
  createInstance(elementId: string, parent: ElementInstance, viaFlow: string | undefined, depth: number, trigger?: Variables): ElementInstance;
}

/** Whether a node joins flows: a parallel or inclusive gateway with more than one incoming flow. */
export const isJoin = (node: ModelNode): boolean => (node.kind === 'parallelGateway' || node.kind === 'inclusiveGateway') && node.incoming.length > 1;

const joinKey = (container: ElementInstance, gatewayId: string) => `${container.id}/${gatewayId}`;

/**
 * Takes flow `flowId` inside `container`: its target is activated, or, for a joining gateway, the arrival is counted;
 * a parallel join fires once each incoming flow has delivered at least one (a flow that delivers twice keeps its extra
 * arrival for the next firing). `depth`: elements run in a row before it (the loop guard); `trigger`: the variables of
 * an event that already happened at the target (see Runtime.createInstance).
 */
export function arrive(rt: JoinHost, container: ElementInstance, flowId: string, depth: number, trigger?: Variables): void {
  const target = rt.node(rt.flow(flowId).target);
  if (!isJoin(target)) {
    rt.createInstance(target.id, container, flowId, depth, trigger);
    return;
  }
  const key = joinKey(container, target.id);
  const entry = own(rt.state.joins, key) ?? (rt.state.joins[key] = { flows: {}, satisfied: 0, since: rt.at });
  const arrived = own(entry.flows, flowId) ?? 0;
  if (arrived === 0) entry.satisfied += 1;
  entry.flows[flowId] = arrived + 1;
  container.active = (container.active ?? 0) + 1;
  if (target.kind === 'parallelGateway' && entry.satisfied === target.incoming.length) fire(rt, container, target, entry, target.incoming, depth);
}

/** Fires a join: the gateway is activated once, consuming one arrival of each of `flows`. */
function fire(rt: JoinHost, container: ElementInstance, gateway: ModelNode, entry: JoinArrivals, flows: string[], depth: number): void {
  rt.createInstance(gateway.id, container, undefined, depth);
  for (const flowId of flows) {
    const left = (own(entry.flows, flowId) ?? 1) - 1;
    if (left > 0) entry.flows[flowId] = left;
    else {
      delete entry.flows[flowId];
      entry.satisfied -= 1;
    }
  }
  container.active = (container.active ?? 0) - flows.length;
  if (entry.satisfied === 0) delete rt.state.joins[joinKey(container, gateway.id)];
  else entry.since = rt.at;
}

/** The container and gateway a join key names (instance ids and XML ids hold no `/`). */
export function parseKey(key: string): { containerId: string; gatewayId: string } {
  const slash = key.indexOf('/');
  return { containerId: key.slice(0, slash), gatewayId: key.slice(slash + 1) };
}

/**
 * Fires the first inclusive join that has arrivals and that nothing else in its container can still reach: no active
 * child, no arrival waiting at another join (Camunda 8 semantics). One join per quiet moment: what it sends on must
 * run (and arrive) before another join is judged. Returns whether one fired.
 */
export function fireSettledInclusiveJoin(rt: JoinHost): boolean {
  const keys = Object.keys(rt.state.joins);
  for (const key of keys) {
    const { containerId, gatewayId } = parseKey(key);
    const gateway = rt.node(gatewayId);
    const container = own(rt.state.instances, containerId);
    if (gateway.kind !== 'inclusiveGateway' || !container) continue;
    const busy = Object.keys(container.children ?? {}).some((id) => canReach(rt.model, rt.instance(id).elementId, gatewayId));
    const upstream = keys.some((other) => other !== key && parseKey(other).containerId === containerId && canReach(rt.model, parseKey(other).gatewayId, gatewayId));
    if (busy || upstream) continue;
    const entry = rt.state.joins[key];
    fire(rt, container, gateway, entry, Object.keys(entry.flows), 0);
    return true;
  }
  return false;
}

/** Drops the arrivals waiting at the joins of a container that is terminated or ended by a terminate end event. */
export function dropJoinsOf(rt: JoinHost, container: ElementInstance): void {
  const prefix = `${container.id}/`;
  for (const key of Object.keys(rt.state.joins)) {
    if (!key.startsWith(prefix)) continue;
    const arrivals = Object.values(rt.state.joins[key].flows).reduce((n, count) => n + count, 0);
    container.active = (container.active ?? 0) - arrivals;
    delete rt.state.joins[key];
  }
}
