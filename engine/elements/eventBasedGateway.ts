// Event-based gateway: it subscribes to the event of each of its targets (timer, message and signal intermediate catch
// events: Camunda 8 allows no receive task there); the first to happen wins, the others are withdrawn (each recorded)
// and the gateway leaves to it.
import type { FiredSubscription, Runtime } from '../interpreter/runtime';
import type { ElementInstance, Variables } from '../interpreter/types';
import type { GatewayNode, IntermediateCatchEventNode } from '../model';
import { subscribeFor } from './catchEvent';
import { behaviour } from './lifecycle';

/** Subscribes the gateway instance to the event of each target (those already subscribed, when an activation is retried, stay as they are). */
export const eventBasedGateway = behaviour<GatewayNode>((rt, instance, node) => {
  for (const flowId of node.outgoing) {
    const target = rt.node(rt.flow(flowId).target) as IntermediateCatchEventNode;
    subscribeFor(rt, instance, target, target.eventDefinition, false);
  }
});

/** The target whose event happened first: the gateway leaves by the flow to it, and it completes at once with the event's variables. */
export function enterTarget(rt: Runtime, gateway: ElementInstance, target: IntermediateCatchEventNode, _fired: FiredSubscription, variables: Variables): void {
  const flowId = rt.node(gateway.elementId).outgoing.find((id) => rt.flow(id).target === target.id) as string;
  rt.completeInstance(gateway, [flowId], variables);
}
