// None start event: the token leaves at once.
import type { ElementBehaviour } from '../interpreter/runtime';

/** A start event only passes its token on. */
export const startEvent: ElementBehaviour = {
  enter(rt, token) {
    rt.leave(token);
  },
};
