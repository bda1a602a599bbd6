// Inclusive gateway: forks onto every flow whose condition holds; joins wait only for tokens that can still arrive.
import type { ElementBehaviour } from '../interpreter/runtime';
import { IncidentSignal, JOINED } from '../interpreter/runtime';

/**
 * Fork: every outgoing flow whose condition holds (the default flow only when none does; neither → incident).
 * Join (several incoming flows): the token parks; the runtime fires the join once no other token of the
 * scope can still reach the gateway (Camunda 8 semantics), then the gateway forks as above.
 */
export const inclusiveGateway: ElementBehaviour = {
  enter(rt, token, node) {
    if (node.incoming.length > 1 && token.viaFlow !== JOINED) {
      rt.arriveAtJoin(token);
      return;
    }
    if (node.outgoing.length === 0) return rt.leave(token, {}, []);
    const context = rt.contextOf(token);
    const chosen = node.outgoing.filter((id) => id !== node.defaultFlow && rt.condition(rt.flow(id), context));
    if (chosen.length === 0 && node.defaultFlow) chosen.push(node.defaultFlow);
    if (chosen.length === 0) throw new IncidentSignal('noMatchingFlow', `gateway <${node.id}> has no matching flow and no default`);
    rt.leave(token, {}, chosen);
  },
};
