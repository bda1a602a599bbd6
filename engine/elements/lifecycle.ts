// The parts of an element's lifecycle most behaviours share: completing by leaving with the work's result, and
// nothing of their own to undo when terminated (the runtime withdraws subscriptions and children).
import type { ElementBehaviour } from '../interpreter/runtime';
import type { ModelNode } from '../model';

/** A behaviour from its `activate`, completing by leaving with the result and undoing nothing when terminated, unless overridden. */
export function behaviour<N extends ModelNode>(
  activate: ElementBehaviour<N>['activate'],
  overrides: Partial<Omit<ElementBehaviour<N>, 'activate'>> = {},
): ElementBehaviour<N> {
  return {
    activate,
    complete: (rt, instance, _node, result) => rt.leave(instance, result),
    terminate: () => undefined,
    ...overrides,
  };
}

/** A behaviour that leaves as soon as it is activated (its output mappings still apply). */
export const passThrough = <N extends ModelNode>(): ElementBehaviour<N> => behaviour<N>((rt, instance) => rt.leave(instance));
