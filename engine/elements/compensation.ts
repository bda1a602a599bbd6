// Compensation (after Zeebe's BpmnCompensationSubscriptionBehaviour): completed compensable activities are recorded in
// their container (engine/interpreter/compensable.ts). A compensation throw or end event takes the records of its
// scope (from an event subprocess: also the scope around it) — all, or those of its activityRef — and starts the
// handlers of each, down into completed subprocesses, as element instances of its own container; it completes once
// every handler has. Records leave with their container: a terminated scope compensates nothing.
import { own } from '../interpreter/own';
import type { Runtime } from '../interpreter/runtime';
import type { CompensableActivity, ElementInstance } from '../interpreter/types';
import type { EventDefinition } from '../model';

/**
 * Throws compensation from `thrower` (an intermediate throw or end event): takes the records of its scope, starts their
 * handlers and records `compensation.thrown`. Returns true when handlers run (the event waits for them), false when
 * there was nothing to compensate (it goes on at once, as in Camunda 8).
 */
export function throwCompensation(rt: Runtime, thrower: ElementInstance, definition: Extract<EventDefinition, { kind: 'compensation' }>): boolean {
  const container = rt.instance(thrower.parentId as string);
  const taken: CompensableActivity[] = [];
  for (const scope of scopesOf(rt, container)) {
    const records = scope.compensable ?? [];
    const chosen = definition.activityRef === undefined ? records : records.filter((record) => record.elementId === definition.activityRef);
    if (chosen.length === 0) continue;
    const kept = records.filter((record) => !chosen.includes(record));
    if (kept.length) scope.compensable = kept;
    else delete scope.compensable;
    taken.push(...chosen);
  }
  const compensated: Array<{ elementId: string; tokenId: string }> = [];
  let handlers = 0;
  const start = (record: CompensableActivity): void => {
    compensated.push({ elementId: record.elementId, tokenId: record.instanceId });
    if (record.handler !== undefined) {
      const run = rt.createInstance(record.handler, container, undefined, rt.depthOf(thrower) + 1);
      run.compensates = { throwId: thrower.id, elementId: record.elementId, instanceId: record.instanceId };
      handlers += 1;
    }
    for (const inner of record.inner ?? []) start(inner);
  };
  for (const record of taken) start(record);
  rt.record({ kind: 'compensation.thrown', elementId: thrower.elementId, tokenId: thrower.id, data: { activities: compensated, handlers } });
  if (handlers === 0) return false;
  thrower.compensating = handlers;
  return true;
}

/** The scopes a throw event in `container` compensates: its own, and from an event subprocess the scope around it too. */
function scopesOf(rt: Runtime, container: ElementInstance): ElementInstance[] {
  if (container.parentId === null) return [container];
  const node = rt.node(container.elementId);
  const outer = node.kind === 'subProcess' && node.triggeredByEvent ? own(rt.state.instances, container.parentId) : undefined;
  return outer ? [container, outer] : [container];
}
