// Signals and links. A signal is broadcast inside the case: every element waiting for its name is triggered, in the
// order they subscribed (Camunda 8 broadcasts to every process instance; Sparrow keeps a case's signals in the case,
// and POST /api/signals sends one to the caller's cases). A link throw event goes on at its link catch event.
import type { Runtime } from '../interpreter/runtime';
import type { ElementInstance, Variables } from '../interpreter/types';
import type { ExecutableModel } from '../model';

/** Triggers every subscription to signal `name` with `variables`, oldest first; returns how many were triggered. */
export function broadcastSignal(rt: Runtime, name: string, variables: Variables): number {
  const waiting = Object.entries(rt.state.subscriptions).flatMap(([id, s]) => (s.kind === 'signal' && s.name === name ? [id] : []));
  let triggered = 0;
  for (const id of waiting) {
    // an earlier trigger may have withdrawn it (an interrupting event terminated its owner)
    if (!Object.hasOwn(rt.state.subscriptions, id)) continue;
    const fired = rt.consume(id);
    rt.record({ kind: 'signal.received', elementId: fired.subscription.elementId, tokenId: fired.subscription.instanceId, data: { name } });
    rt.trigger(fired, variables);
    triggered += 1;
  }
  return triggered;
}

/** Throws signal `name` from `source`: recorded, then broadcast to the case. */
export function throwSignal(rt: Runtime, source: ElementInstance, name: string): void {
  rt.record({ kind: 'signal.thrown', elementId: source.elementId, tokenId: source.id, data: { name } });
  broadcastSignal(rt, name, {});
}

const linkCatches = new WeakMap<ExecutableModel, Map<string, string>>();

/** The link catch event named `name` in scope `scope` (the compiler checked there is exactly one). */
export function linkCatchOf(model: ExecutableModel, scope: string | null, name: string): string {
  let byKey = linkCatches.get(model);
  if (!byKey) {
    byKey = new Map();
    for (const node of Object.values(model.nodes)) {
      if (node.kind === 'intermediateCatchEvent' && node.eventDefinition?.kind === 'link') byKey.set(`${node.scope ?? ''}/${node.eventDefinition.linkName}`, node.id);
    }
    linkCatches.set(model, byKey);
  }
  const id = byKey.get(`${scope ?? ''}/${name}`);
  if (!id) throw new Error(`model has no link catch event "${name}" in scope ${scope ?? 'of the process'}`);
  return id;
}
