// Rule sparrow/user-task-assignment: every user task names who works on it.
import { SPARROW_LINT_MESSAGES } from '../messages';
import { extensionOf, isA, textOf, type RuleFactory } from '../moddle';

/** Reports user tasks whose zeebe:assignmentDefinition has no assignee, candidate groups or candidate users. */
export const userTaskAssignment: RuleFactory = () => ({
  check(node, reporter) {
    if (!isA(node, 'bpmn:UserTask')) return;
    const assignment = extensionOf(node, 'zeebe:AssignmentDefinition');
    const named = ['assignee', 'candidateGroups', 'candidateUsers'].some((attribute) => textOf(assignment, attribute) !== '');
    if (!named) reporter.report(node.id, SPARROW_LINT_MESSAGES.userTaskWithoutAssignment);
  },
});
