// Rule sparrow/job-type: a job (service task, send task, message throw) names a static job type.
import { SPARROW_LINT_MESSAGES } from '../messages';
import { extensionOf, isA, textOf, type ModdleNode, type RuleFactory } from '../moddle';

function throwsMessage(node: ModdleNode): boolean {
  if (!isA(node, 'bpmn:EndEvent') && !isA(node, 'bpmn:IntermediateThrowEvent')) return false;
  const definitions = Array.isArray(node.eventDefinitions) ? (node.eventDefinitions as ModdleNode[]) : [];
  return definitions.some((definition) => isA(definition, 'bpmn:MessageEventDefinition'));
}

/** Whether the element always runs as a job (others, such as script tasks, only when they have a task definition). */
function alwaysAJob(node: ModdleNode): boolean {
  return isA(node, 'bpmn:ServiceTask') || isA(node, 'bpmn:SendTask') || throwsMessage(node);
}

/** The job type an element names (`''` when it has none), or undefined when the element is not a job. */
export function jobTypeOf(node: ModdleNode): string | undefined {
  if (!isA(node, 'bpmn:FlowNode')) return undefined;
  const definition = extensionOf(node, 'zeebe:TaskDefinition');
  if (!definition && !alwaysAJob(node)) return undefined;
  return textOf(definition, 'type');
}

/** Reports jobs without a type or with a dynamic (`=…`) type (sparrow/external-job-type tells which types run outside Sparrow). */
export const jobType: RuleFactory = () => ({
  check(node, reporter) {
    const type = jobTypeOf(node);
    if (type === '') reporter.report(node.id, SPARROW_LINT_MESSAGES.jobTypeMissing);
    else if (type?.startsWith('=')) reporter.report(node.id, SPARROW_LINT_MESSAGES.jobTypeDynamic);
  },
});
