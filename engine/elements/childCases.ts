// The end of a call activity's child case, as the workflow reports it: completed (the call activity completes with the
// child's variables) or failed (an incident on the call activity; resolving it starts a new child).
import { jsonSha256 } from '../hash';
import type { Runtime } from '../interpreter/runtime';
import type { EngineEvent, Variables } from '../interpreter/types';

type ChildEnd = Extract<EngineEvent, { type: 'childCompleted' | 'childFailed' }>;

const isVariables = (value: unknown): value is Variables => typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, '__proto__');

/** Applies childCompleted or childFailed to the call activity waiting for `event.waitId` (checked by rejectionOf). */
export function endChild(rt: Runtime, event: ChildEnd): void {
  const { subscription } = rt.consume(event.waitId);
  if (subscription.kind !== 'child') throw new Error(`${event.waitId} is no child case`);
  const instance = rt.instance(subscription.instanceId);
  const child = { childInstanceId: subscription.childInstanceId, processId: subscription.processId };
  if (event.type === 'childFailed') {
    return rt.raiseIncident(instance, 'childFailed', `the called process <${subscription.processId}> (case ${subscription.childInstanceId}) did not complete: ${event.message}`);
  }
  if (!isVariables(event.variables)) {
    return rt.raiseIncident(instance, 'childFailed', `case ${subscription.childInstanceId} ended with variables that are no object of variables`);
  }
  const head = event.auditHead ? { auditHead: { lastSeq: event.auditHead.lastSeq, hash: event.auditHead.hash } } : {};
  rt.record({
    kind: 'child.completed',
    elementId: instance.elementId,
    tokenId: instance.id,
    data: { ...child, ...head, variables: Object.keys(event.variables), variablesHash: jsonSha256(event.variables) },
  });
  rt.finish(instance, event.variables);
}
