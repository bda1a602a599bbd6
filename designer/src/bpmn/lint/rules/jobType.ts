// Rule sparrow/job-type: a job (service task, send task, message throw) names a job type a Sparrow worker runs.
import { BUILTIN_JOB_TYPE_NAMES } from '../../../../../contracts/jobTypes';
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

/** Reports jobs without a type, with a dynamic (`=…`) type, or with a type no worker registers. */
export const jobType: RuleFactory = () => ({
  check(node, reporter) {
    if (!isA(node, 'bpmn:FlowNode')) return;
    const definition = extensionOf(node, 'zeebe:TaskDefinition');
    if (!definition && !alwaysAJob(node)) return;
    const type = textOf(definition, 'type');
    if (type === '') reporter.report(node.id, SPARROW_LINT_MESSAGES.jobTypeMissing);
    else if (type.startsWith('=')) reporter.report(node.id, SPARROW_LINT_MESSAGES.jobTypeDynamic);
    else if (!BUILTIN_JOB_TYPE_NAMES.has(type)) reporter.report(node.id, SPARROW_LINT_MESSAGES.jobTypeUnknown);
  },
});
