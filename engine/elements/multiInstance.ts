// A multi-instance body (after Zeebe's MultiInstanceBodyProcessor): the element instance of an activity with
// multi-instance characteristics is a container that runs one inner instance of the same element per item of its input
// collection — all at once (parallel) or one after the other (sequential). Its boundary events belong to the body; each
// inner instance gets `loopCounter` and its item as locals and runs the element's own behaviour and mappings. The body
// keeps counters and, as its variable, the output collection; it never keeps the items (a sequential body reads the
// collection again for each next item, as Zeebe does).
import { IncidentSignal, type ElementBehaviour, type Runtime } from '../interpreter/runtime';
import { loopVariables } from '../interpreter/loopVariables';
import { own } from '../interpreter/own';
import type { ElementInstance, MultiInstanceProgress, Variables } from '../interpreter/types';
import type { CallActivityNode, ModelNode, MultiInstanceDefinition } from '../model';
import { openBoundaries } from './boundarySubscriptions';
import { retryFailedChildren, runsInBatches, startChildBatches } from './childBatches';
import { itemsOf, jsonLength, leaveBody, quoted } from './loopBody';

const definitionOf = (node: ModelNode): MultiInstanceDefinition => node.multiInstance as MultiInstanceDefinition;
const progressOf = (body: ElementInstance): MultiInstanceProgress => body.loop as MultiInstanceProgress;

/** Creates inner instance number `loopCounter` (1-based) of the body with its item; it is activated after the current one. */
function createInner(rt: Runtime, body: ElementInstance, node: ModelNode, loopCounter: number, item: unknown, depth: number): void {
  const inner = rt.createInstance(node.id, body, undefined, depth);
  inner.locals = loopVariables(definitionOf(node), loopCounter, item);
}

/**
 * Activates the body's inner instances over `items`: all of them (parallel, at most `limits.maxParallelInstances`, else an
 * incident that names the way to run more) or the first (sequential). Each inner instance starts its own thread of
 * control, so a wide body does not count toward the loop guard.
 */
export function activateInnerInstances(rt: Runtime, body: ElementInstance, node: ModelNode, items: unknown[]): void {
  const depth = rt.depthOf(body) + 1;
  if (definitionOf(node).sequential) return createInner(rt, body, node, 1, items[0], depth);
  items.forEach((item, index) => createInner(rt, body, node, index + 1, item, depth));
}

/** Refuses a parallel collection larger than the inline bound, before anything changes. */
function checkBound(rt: Runtime, node: ModelNode, size: number): void {
  const bound = rt.limits.maxParallelInstances;
  if (definitionOf(node).sequential || size <= bound) return;
  throw new IncidentSignal(
    'collectionTooLarge',
    `the inputCollection of <${node.id}> has ${size} items, more than the ${bound} inner instances a parallel multi-instance runs inline; ` +
      'a call activity over such a collection runs its children in batches',
  );
}


/** The completion condition in the inner instance's context with the body's counters (as Zeebe: the leaving instance counts as completed). */
function completionHolds(rt: Runtime, body: ElementInstance, node: ModelNode, context: Variables): boolean {
  const condition = definitionOf(node).completionCondition;
  if (!condition) return false;
  const progress = progressOf(body);
  const value = rt.evaluate(condition, {
    ...context,
    numberOfInstances: progress.size,
    numberOfActiveInstances: (body.active ?? 1) - 1,
    numberOfCompletedInstances: progress.completed + 1,
    numberOfTerminatedInstances: progress.terminated,
  });
  if (typeof value !== 'boolean') throw new IncidentSignal('expression', `the completionCondition of <${node.id}> must be true or false, got ${quoted(value)}`);
  return value;
}

/**
 * An inner instance leaves with `result`: its output element goes to its place in the output collection, then the
 * completion condition is judged (it sees the updated collection); a failure of either changes nothing and is an incident
 * on the inner instance. Once the inner instance is gone, a condition that held terminates the other inner instances
 * (each recorded) and the body completes.
 */
function innerLeaving(rt: Runtime, body: ElementInstance, node: ModelNode, inner: ElementInstance, result: Variables): () => void {
  const definition = definitionOf(node);
  const progress = progressOf(body);
  const context = definition.outputElement || definition.completionCondition ? rt.contextOf(inner, result) : {};
  const outputs = definition.outputCollection ? (body.variables as Variables)[definition.outputCollection] : undefined;
  const index = (inner.locals?.loopCounter as number) - 1;
  let previous: unknown = null;
  let deltaBytes = 0;
  if (Array.isArray(outputs) && definition.outputElement) {
    const value = rt.evaluate(definition.outputElement, context) ?? null;
    previous = outputs[index];
    deltaBytes = jsonLength(value) - jsonLength(previous);
    if (rt.state.variableBytes + deltaBytes > rt.limits.maxVariableBytes) {
      throw new IncidentSignal('variables', `variables of the instance would exceed ${rt.limits.maxVariableBytes} bytes (set by the outputElement of <${node.id}>)`);
    }
    outputs[index] = value;
  }
  let holds: boolean;
  try {
    holds = completionHolds(rt, body, node, context);
  } catch (error) {
    if (Array.isArray(outputs) && definition.outputElement) outputs[index] = previous;
    throw error;
  }
  rt.state.variableBytes += deltaBytes;
  progress.completed += 1;
  if (holds) progress.done = true;
  return () => {
    if (!holds || !own(rt.state.instances, body.id)) return;
    for (const id of Object.keys(body.children ?? {})) {
      const sibling = own(rt.state.instances, id);
      if (!sibling) continue;
      rt.terminate(sibling, rt.actor);
      progress.terminated += 1;
    }
    rt.settle(body);
  };
}

/** The body has no inner instance left: it completes, or a sequential body activates its next inner instance with the next item. */
function bodyChildDone(rt: Runtime, body: ElementInstance, node: ModelNode): void {
  const progress = progressOf(body);
  const next = progress.completed + progress.terminated + 1;
  if (progress.done || next > progress.size || !definitionOf(node).sequential) return leaveBody(rt, body, node);
  const items = itemsOf(rt, body, node);
  if (next > items.length) {
    throw new IncidentSignal('expression', `the inputCollection of <${node.id}> has ${items.length} items now, fewer than the ${progress.size} it had when the multi-instance began`);
  }
  createInner(rt, body, node, next, items[next - 1], rt.depthOf(body) + 1);
}

/**
 * The behaviour of every multi-instance body, whatever its element's kind: it evaluates the input collection, opens its
 * boundary events and activates the inner instances; an empty collection completes it at once. Activated again after an
 * incident, a body that had begun goes on where it stopped.
 */
export const multiInstanceBody: ElementBehaviour = {
  activate(rt, body, node) {
    if (body.loop?.batched) return retryFailedChildren(rt, body, node as CallActivityNode);
    if (body.loop) return bodyChildDone(rt, body, node);
    const items = itemsOf(rt, body, node);
    const batched = runsInBatches(rt, node, items.length);
    if (!batched) checkBound(rt, node, items.length);
    if (items.length > 0) openBoundaries(rt, body, node);
    const name = definitionOf(node).outputCollection;
    rt.openContainer(body, name ? { [name]: items.map(() => null) } : {});
    body.loop = { size: items.length, completed: 0, terminated: 0, ...(batched ? { batched: true as const } : {}) };
    if (items.length === 0) return leaveBody(rt, body, node);
    if (batched) return startChildBatches(rt, body, node, items);
    activateInnerInstances(rt, body, node, items);
  },
  complete: (rt, body, node) => leaveBody(rt, body, node),
  terminate: () => undefined,
  childLeaving: innerLeaving,
  childDone: bodyChildDone,
};
