// Call activity: starts a case of another process (a Temporal child workflow) and waits for it; the child's variables
// come back as its result (all of them, or only through its output mappings), as Camunda 8 propagates them.
import { childInstanceIdOf, waitIdOf } from '../../contracts/ids';
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import type { ElementInstance, Variables } from '../interpreter/types';
import type { CallActivityNode } from '../model';
import { behaviour } from './lifecycle';

/** The process id the call activity names: a static id, or a FEEL expression (over `context`) that must give a non-empty string. */
export function calledProcessId(rt: Runtime, node: CallActivityNode, context: () => Variables): string {
  const called = node.calledElement;
  if (!called) throw new IncidentSignal('expression', `call activity <${node.id}> names no process to call`);
  const value = called.processId.kind === 'static' ? called.processId.value : rt.evaluate(called.processId, context());
  if (typeof value !== 'string' || !value.trim()) {
    throw new IncidentSignal('expression', `the processId of call activity <${node.id}> must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value.trim();
}

/**
 * Subscribes the instance to its child case and asks the workflow to start it with the variables the call activity
 * sees (propagateAllParentVariables, Camunda 8's default) or only its input mappings. A retry after an incident starts
 * a new child under the next attempt's id.
 */
function startChild(rt: Runtime, instance: ElementInstance, node: CallActivityNode): void {
  const processId = calledProcessId(rt, node, () => rt.contextOf(instance));
  const called = node.calledElement as NonNullable<CallActivityNode['calledElement']>;
  const variables: Variables = called.propagateAllParentVariables ? rt.contextOf(instance) : { ...instance.locals };
  const attempt = (instance.childAttempts ?? 0) + 1;
  const childInstanceId = childInstanceIdOf(rt.state.instanceId, node.id, instance.id, attempt);
  const waitId = waitIdOf(instance.id, 'child');
  instance.childAttempts = attempt;
  rt.subscribe(waitId, { kind: 'child', instanceId: instance.id, elementId: node.id, childInstanceId, processId });
  rt.emit({ type: 'startChild', waitId, elementId: node.id, elementInstanceId: instance.id, childInstanceId, processId, binding: called.binding, variables });
  rt.record({ kind: 'child.started', elementId: node.id, tokenId: instance.id, data: { childInstanceId, processId, variables: Object.keys(variables) } });
}

/**
 * The child's variables as the call activity's result: with output mappings they are what the mappings read (only the
 * mappings set variables); without, all of them (propagateAllChildVariables) or none.
 */
export function childResult(node: CallActivityNode, variables: Variables): Variables {
  if (node.outputs?.length || node.calledElement?.propagateAllChildVariables !== false) return variables;
  return {};
}

/** A call activity starts its child case and completes with the child's variables when the child completes. */
export const callActivity = behaviour<CallActivityNode>(startChild, {
  complete: (rt, instance, node, result) => rt.leave(instance, childResult(node, result)),
});
