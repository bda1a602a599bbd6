// Exclusive gateway: the first outgoing flow whose condition holds (a single conditional flow is checked too), else the default flow; joins pass through.
import type { ElementBehaviour } from '../interpreter/runtime';
import { IncidentSignal } from '../interpreter/runtime';

/** Takes exactly one flow; no match and no default raises an incident on the gateway. */
export const exclusiveGateway: ElementBehaviour = {
  enter(rt, token, node) {
    if (node.outgoing.length === 0) return rt.leave(token, {}, []);
    const context = rt.contextOf(token);
    const match = node.outgoing.find((id) => id !== node.defaultFlow && rt.condition(rt.flow(id), context));
    const chosen = match ?? node.defaultFlow;
    if (!chosen) throw new IncidentSignal('noMatchingFlow', `gateway <${node.id}> has no matching flow and no default`);
    rt.leave(token, {}, [chosen]);
  },
};
