// While an activity runs, it holds a subscription for each timer, message or signal boundary event attached to it.
import type { Runtime } from '../interpreter/runtime';
import type { ElementInstance } from '../interpreter/types';
import type { BoundaryEventNode, ModelNode } from '../model';
import { subscribeFor } from './catchEvent';

/** Opens the activity's boundary-event subscriptions (those already open, when an activation is retried, stay as they are). */
export function openBoundaries(rt: Runtime, activity: ElementInstance, node: ModelNode): void {
  for (const id of node.boundaryEvents ?? []) {
    const boundary = rt.node(id) as BoundaryEventNode;
    subscribeFor(rt, activity, boundary, boundary.eventDefinition, !boundary.cancelActivity);
  }
}
