// Boundary events, when triggered: by their subscription (boundarySubscriptions.ts), or by an error or escalation
// thrown inside their activity (catching.ts).
import type { Runtime } from '../interpreter/runtime';
import type { ElementInstance, Variables } from '../interpreter/types';
import type { BoundaryEventNode } from '../model';
import { resubscribe } from './catchEvent';
import { behaviour } from './lifecycle';

/**
 * Runs a boundary event that was triggered with `variables`: an interrupting one terminates the activity (its task is
 * cancelled, its children terminated, each recorded); the event then leaves by its own flows in the activity's container.
 */
export function runBoundary(rt: Runtime, activity: ElementInstance, node: BoundaryEventNode, variables: Variables): void {
  rt.createInstance(node.id, rt.instance(activity.parentId as string), undefined, 0, variables);
  if (node.cancelActivity) rt.terminate(activity, rt.actor);
}

/** A boundary event: it is only ever created by its trigger and leaves at once (its output mappings apply). */
export const boundaryEvent = behaviour<BoundaryEventNode>((rt, instance) => rt.leave(instance), {
  onTrigger(rt, activity, node, fired, variables) {
    if (!node.cancelActivity) resubscribe(rt, fired.id, fired.subscription);
    runBoundary(rt, activity, node, variables);
  },
});
