// What a multi-instance body does the same way whether it runs inner instances (multiInstance.ts) or batches of child
// cases (childBatches.ts): reading its input collection, leaving with its output collection, quoting values in incidents.
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import type { ElementInstance, Variables } from '../interpreter/types';
import type { ModelNode, MultiInstanceDefinition } from '../model';

const definitionOf = (node: ModelNode): MultiInstanceDefinition => node.multiInstance as MultiInstanceDefinition;

/** A value quoted in an incident message, shortened. */
export function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** The items of the body's input collection, evaluated in the body's scope; anything but a list is an incident naming the element and the value. */
export function itemsOf(rt: Runtime, body: ElementInstance, node: ModelNode): unknown[] {
  const value = rt.evaluate(definitionOf(node).inputCollection, rt.contextOf(body));
  if (!Array.isArray(value)) throw new IncidentSignal('expression', `the inputCollection of <${node.id}> must be a list, got ${quoted(value)}`);
  return value;
}

/** Leaves the body: its output collection goes to the body's flow scope (the nearest scope that has it, else the process). */
export function leaveBody(rt: Runtime, body: ElementInstance, node: ModelNode): void {
  const name = definitionOf(node).outputCollection;
  rt.leave(body, name ? { [name]: (body.variables as Variables)[name] } : {});
}

/** JSON length of a value as it sits in a list (undefined is written as null). */
export const jsonLength = (value: unknown): number => (JSON.stringify(value) ?? 'null').length;
