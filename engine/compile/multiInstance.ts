// Multi-instance characteristics as Camunda 8 reads them: bpmn:multiInstanceLoopCharacteristics (isSequential,
// completionCondition) with zeebe:loopCharacteristics (inputCollection, inputElement, outputCollection, outputElement).
import type { MultiInstanceDefinition } from '../model';
import { checkedExpression } from './expressions';
import { isReservedKey } from './ids';
import { child, describe, extension, text, type BpmnElement } from './moddle';
import { abbreviate, type Diagnostics } from './problems';

/** A variable name (inputElement, outputCollection): letters of any script, digits, `_` and `$`. */
const VARIABLE_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** The trimmed text of a zeebe:loopCharacteristics attribute, undefined when absent or blank. */
const attribute = (loop: BpmnElement | undefined, name: string): string | undefined => (loop && text(loop, name)?.trim()) || undefined;

/** The body of a formal expression child (completionCondition, loopCardinality), undefined when absent or blank. */
const body = (owner: BpmnElement, property: string): string | undefined => {
  const expression = child(owner, property);
  return (expression && text(expression, 'body')?.trim()) || undefined;
};

/** Checks a variable name attribute; a problem names the element and the attribute. */
function variableName(element: BpmnElement, name: string, value: string | undefined, diagnostics: Diagnostics): string | undefined {
  if (value === undefined) return undefined;
  if (VARIABLE_NAME.test(value) && !isReservedKey(value)) return value;
  diagnostics.problem('multi-instance-invalid', `${describe(element)} has ${name} "${abbreviate(value)}", which is not a variable name`, element.id);
  return undefined;
}

/**
 * Reads the multi-instance characteristics of an activity (undefined when it has none or they are invalid, with the
 * problems recorded): Camunda 8 needs a FEEL inputCollection, runs no loopCardinality, and takes outputCollection and
 * outputElement together; an event subprocess cannot be multi-instance.
 */
export function readMultiInstance(element: BpmnElement, diagnostics: Diagnostics): MultiInstanceDefinition | undefined {
  const characteristics = child(element, 'loopCharacteristics');
  if (characteristics?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return undefined;
  const problem = (message: string) => diagnostics.problem('multi-instance-invalid', `${describe(element)} ${message}`, element.id);
  if (element.triggeredByEvent === true) {
    problem('is an event subprocess, which cannot be multi-instance');
    return undefined;
  }
  const loop = extension(characteristics, 'zeebe:LoopCharacteristics');
  const inputCollection = attribute(loop, 'inputCollection');
  const outputCollection = attribute(loop, 'outputCollection');
  const outputElement = attribute(loop, 'outputElement');
  const completionCondition = body(characteristics, 'completionCondition');
  const before = diagnostics.problems.length;
  if (!inputCollection) {
    const cardinality = body(characteristics, 'loopCardinality') ? ' (a loopCardinality is not supported: iterate over "=for i in 1..n return i")' : '';
    problem(`is multi-instance without a zeebe:loopCharacteristics inputCollection${cardinality}`);
  } else if (!inputCollection.startsWith('=')) {
    problem(`has the inputCollection "${abbreviate(inputCollection)}", which is not a FEEL expression (starting with "=")`);
  }
  if (outputCollection && !outputElement) problem(`has an outputCollection without an outputElement`);
  if (outputElement && !outputCollection) problem(`has an outputElement without an outputCollection`);
  if (completionCondition && !completionCondition.startsWith('=')) {
    problem(`has the completionCondition "${abbreviate(completionCondition)}", which is not a FEEL expression (starting with "=")`);
  }
  const definition: MultiInstanceDefinition = {
    sequential: characteristics.isSequential === true,
    inputCollection: checkedExpression(inputCollection ?? '=[]', `inputCollection of ${describe(element)}`, element.id, diagnostics),
  };
  const inputElement = variableName(element, 'the inputElement', attribute(loop, 'inputElement'), diagnostics);
  if (inputElement) definition.inputElement = inputElement;
  const output = variableName(element, 'the outputCollection', outputCollection, diagnostics);
  if (output && outputElement) {
    definition.outputCollection = output;
    definition.outputElement = checkedExpression(outputElement, `outputElement of ${describe(element)}`, element.id, diagnostics);
  }
  if (completionCondition) {
    definition.completionCondition = checkedExpression(completionCondition, `completionCondition of ${describe(element)}`, element.id, diagnostics);
  }
  if (body(characteristics, 'loopCardinality') && inputCollection) {
    diagnostics.warning('ignored-attribute', `${describe(element)}: the loopCardinality is ignored (the inputCollection decides the instances)`, element.id);
  }
  return diagnostics.problems.length === before ? definition : undefined;
}
