// Undefined task and manual task: nothing for the engine to do, so the token passes.
import type { ElementBehaviour } from '../interpreter/runtime';

/** A plain task completes as soon as it is entered (its output mappings still apply). */
export const task: ElementBehaviour = {
  enter(rt, token) {
    rt.leave(token);
  },
};
