// Embedded subprocess: a child variable scope with its own tokens; it completes when its last token ends.
import type { ElementBehaviour } from '../interpreter/runtime';
import { IncidentSignal } from '../interpreter/runtime';

/** Opens a scope (input mappings become its local variables) and starts a token on its start event. */
export const subProcess: ElementBehaviour = {
  enter(rt, token, node) {
    if (!node.startNodeId) throw new IncidentSignal('expression', `subprocess <${node.id}> has no start event`);
    const locals = node.inputs?.length ? rt.evaluateMappings(node.inputs, rt.contextOf(token)) : {};
    const scope = rt.createScope(node.id, token.scopeId, token.id, locals);
    rt.spawn(node.startNodeId, scope.id);
  },
};
