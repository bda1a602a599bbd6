// Gateways. A joining gateway's arrivals are counted by the runtime (interpreter/joins.ts); the gateway is activated
// once when its join fires, so here every gateway only chooses where to go.
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import type { ElementInstance } from '../interpreter/types';
import type { GatewayNode } from '../model';
import { behaviour } from './lifecycle';

/** Exclusive gateway: takes the first flow whose condition holds, else the default; neither → incident on the gateway. */
export const exclusiveGateway = behaviour<GatewayNode>((rt, instance, node) => {
  if (node.outgoing.length === 0) return rt.leave(instance, {}, []);
  const context = rt.contextOf(instance);
  const chosen = node.outgoing.find((id) => id !== node.defaultFlow && rt.condition(rt.flow(id), context)) ?? node.defaultFlow;
  if (!chosen) throw new IncidentSignal('noMatchingFlow', `gateway <${node.id}> has no matching flow and no default`);
  rt.leave(instance, {}, [chosen]);
});

/** Parallel gateway: takes every outgoing flow. */
export const parallelGateway = behaviour<GatewayNode>((rt, instance, node) => rt.leave(instance, {}, node.outgoing));

/** Inclusive gateway: takes every flow whose condition holds (the default only when none does; neither → incident). */
export const inclusiveGateway = behaviour<GatewayNode>((rt: Runtime, instance: ElementInstance, node) => {
  if (node.outgoing.length === 0) return rt.leave(instance, {}, []);
  const context = rt.contextOf(instance);
  const chosen = node.outgoing.filter((id) => id !== node.defaultFlow && rt.condition(rt.flow(id), context));
  if (chosen.length === 0 && node.defaultFlow) chosen.push(node.defaultFlow);
  if (chosen.length === 0) throw new IncidentSignal('noMatchingFlow', `gateway <${node.id}> has no matching flow and no default`);
  rt.leave(instance, {}, chosen);
});
