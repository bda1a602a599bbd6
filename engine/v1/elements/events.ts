// Intermediate and end events: catch (timer, message), throw (none, message) and end (none, terminate, message).
import type { ElementBehaviour } from '../interpreter/runtime';
import { awaitMessage, awaitTimer } from './catchEvent';
import { startJob } from './job';

/** An intermediate catch event waits for its timer or message. */
export const intermediateCatchEvent: ElementBehaviour = {
  enter(rt, token, node) {
    const definition = node.eventDefinition;
    if (definition?.kind === 'timer') awaitTimer(rt, token, node, definition.timer);
    else if (definition?.kind === 'message') awaitMessage(rt, token, node, definition.message);
    else rt.leave(token);
  },
};

/** An intermediate throw event passes on, after its job when it throws a message. */
export const intermediateThrowEvent: ElementBehaviour = {
  enter(rt, token, node) {
    if (node.taskDefinition) startJob(rt, token, node);
    else rt.leave(token);
  },
};

/** An end event ends its token; a terminate end event ends its whole scope; a message end event runs its job first. */
export const endEvent: ElementBehaviour = {
  enter(rt, token, node) {
    if (node.taskDefinition) {
      startJob(rt, token, node);
    } else if (node.eventDefinition?.kind === 'terminate') {
      rt.complete(token);
      rt.clearScope(token.scopeId, rt.actor);
      rt.settleScope(token.scopeId);
    } else {
      rt.end(token);
    }
  },
};

/** A receive task waits for its message. */
export const receiveTask: ElementBehaviour = {
  enter(rt, token, node) {
    if (node.eventDefinition?.kind !== 'message') return rt.leave(token);
    awaitMessage(rt, token, node, node.eventDefinition.message);
  },
};
