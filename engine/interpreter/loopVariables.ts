// The local variables a multi-instance body gives each of its inner instances (Camunda 8): `loopCounter` (1-based), the
// item under the input element's name, and the output element's variable (null) when the output element reads a plain
// variable, so that a result of that name stays local to the inner instance instead of landing in the process.
import type { MultiInstanceDefinition } from '../model';
import type { Variables } from './types';

/** A plain FEEL variable name (not a literal). */
const NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;
const LITERALS = new Set(['true', 'false', 'null']);

/** The names of the loop variables, the output element's first (the item and loopCounter win when a name repeats). */
function loopNames(definition: MultiInstanceDefinition): string[] {
  const output = definition.outputElement?.kind === 'feel' ? definition.outputElement.source : undefined;
  const names = output && NAME.test(output) && !LITERALS.has(output) ? [output] : [];
  if (definition.inputElement) names.push(definition.inputElement);
  names.push('loopCounter');
  return names;
}

/** The loop variables of inner instance number `loopCounter` with its `item`. */
export function loopVariables(definition: MultiInstanceDefinition, loopCounter: number, item: unknown): Variables {
  const locals: Variables = {};
  for (const name of loopNames(definition)) locals[name] = null;
  if (definition.inputElement) locals[definition.inputElement] = item;
  locals.loopCounter = loopCounter;
  return locals;
}

/** The loop variables among an inner instance's locals: they stay when its input mappings are evaluated again. */
export function keptLoopVariables(definition: MultiInstanceDefinition, locals: Variables | undefined): Variables {
  const kept: Variables = {};
  for (const name of loopNames(definition)) if (locals && Object.hasOwn(locals, name)) kept[name] = locals[name];
  return kept;
}
