// The parts of an element's lifecycle every behaviour shares: its boundary events subscribe before its own work
// starts; it completes by leaving with the work's result; it has nothing of its own to undo when terminated (the
// runtime withdraws subscriptions and children).
import type { ElementBehaviour } from '../interpreter/runtime';
import type { ModelNode } from '../model';
import { openBoundaries } from './boundarySubscriptions';

/** A behaviour from its `activate` (after its boundary events subscribe), completing by leaving with the result and undoing nothing when terminated, unless overridden. */
export function behaviour<N extends ModelNode>(
  activate: ElementBehaviour<N>['activate'],
  overrides: Partial<Omit<ElementBehaviour<N>, 'activate'>> = {},
): ElementBehaviour<N> {
  return {
    activate(rt, instance, node) {
      // an inner instance of a multi-instance body runs without them: its body holds them
      if (!node.multiInstance) openBoundaries(rt, instance, node);
      activate(rt, instance, node);
    },
    complete: (rt, instance, _node, result) => rt.leave(instance, result),
    terminate: () => undefined,
    ...overrides,
  };
}

/** A behaviour that leaves as soon as it is activated (its output mappings still apply). */
export const passThrough = <N extends ModelNode>(): ElementBehaviour<N> => behaviour<N>((rt, instance) => rt.leave(instance));
