// Start events: a none start event passes on; an event subprocess's start event, when its subscription (held by the
// enclosing container) fires, starts its event subprocess.
import type { StartEventNode, SubProcessNode } from '../model';
import { startEventSubProcess } from './eventSubProcesses';
import { behaviour } from './lifecycle';

/** A start event passes on; triggered, it starts its event subprocess in the container that held the subscription. */
export const startEvent = behaviour<StartEventNode>((rt, instance) => rt.leave(instance), {
  onTrigger(rt, container, node, fired, variables) {
    startEventSubProcess(rt, container, rt.node(node.scope as string) as SubProcessNode, variables, fired);
  },
});
