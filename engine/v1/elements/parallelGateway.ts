// Parallel gateway: joins by waiting for a token on every incoming flow, then forks onto every outgoing flow.
import type { ElementBehaviour } from '../interpreter/runtime';
import { JOINED } from '../interpreter/runtime';

/**
 * A join fires once each incoming flow has delivered at least one token; it consumes one token per flow,
 * so a flow that delivers twice before the others keeps its extra token for the next firing.
 */
export const parallelGateway: ElementBehaviour = {
  enter(rt, token, node) {
    if (node.incoming.length <= 1 || token.viaFlow === JOINED) return rt.leave(token, {}, node.outgoing);
    const waiting = rt.arriveAtJoin(token);
    const byFlow = new Map<string, string>();
    for (const id of waiting) {
      const via = rt.state.tokens[id]?.viaFlow;
      if (via && !byFlow.has(via)) byFlow.set(via, id);
    }
    if (!node.incoming.every((flowId) => byFlow.has(flowId))) return;
    rt.releaseJoin(token.scopeId, node.id, [...byFlow.values()]);
    rt.forkFromJoin(node, token.scopeId);
  },
};
