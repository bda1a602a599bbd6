// The completion side of compensation (engine/elements/compensation.ts throws it): as an instance completes, an activity
// with a compensation handler, or a subprocess run or multi-instance body that holds compensable activities, is recorded
// in its container (Zeebe's compensation subscription); a handler's completion counts for the throw event waiting for it.
import type { ModelNode } from '../model';
import { own } from './own';
import type { Actor, AuditEntry, ElementInstance, EngineState, Variables } from './types';

/** What this uses of the step's runtime (interpreter/runtime.ts). */
export interface CompensationHost {
  readonly state: EngineState;
  node(id: string): ModelNode;
  record(entry: Omit<AuditEntry, 'at' | 'actor'> & { actor?: Actor }): void;
  finish(instance: ElementInstance, result: Variables): void;
}

/**
 * Called as `instance` completes in `parent`: records it as compensable when it has a handler of its own (an inner
 * instance of a multi-instance body leaves that to its body, as Camunda 8 compensates the body once) or holds
 * compensable activities (a subprocess run, a multi-instance body; an event subprocess's records end with it). A
 * handler's run records `compensation.completed`. Returns what to do once the instance is gone: the throw event goes on
 * when its last handler completed.
 */
export function onCompleting(rt: CompensationHost, instance: ElementInstance, parent: ElementInstance): (() => void) | undefined {
  if (instance.compensates) return handlerDone(rt, instance);
  const node = rt.node(instance.elementId);
  const innerOfBody = parent.elementId === instance.elementId;
  const handler = innerOfBody ? undefined : node.compensationHandler;
  const inner = node.kind === 'subProcess' && node.triggeredByEvent ? undefined : instance.compensable;
  if (handler === undefined && !inner?.length) return undefined;
  (parent.compensable ??= []).push({ elementId: instance.elementId, instanceId: instance.id, ...(handler ? { handler } : {}), ...(inner?.length ? { inner } : {}) });
  return undefined;
}

/** A handler completed: recorded on its run; the throw event waiting for it goes on once it was the last (after the handler is gone). */
function handlerDone(rt: CompensationHost, run: ElementInstance): () => void {
  const { throwId, elementId, instanceId } = run.compensates as NonNullable<ElementInstance['compensates']>;
  rt.record({ kind: 'compensation.completed', elementId: run.elementId, tokenId: run.id, data: { activity: elementId, activityTokenId: instanceId } });
  return () => {
    const thrower = own(rt.state.instances, throwId);
    if (!thrower?.compensating) return;
    thrower.compensating -= 1;
    if (thrower.compensating > 0) return;
    delete thrower.compensating;
    rt.finish(thrower, {});
  };
}
