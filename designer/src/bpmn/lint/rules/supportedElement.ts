// Rule sparrow/supported-element: every flow element must be of a type the engine runs (contracts/bpmnElements.ts, the
// compiler's own lists).
import { IGNORED_ELEMENTS, SUPPORTED_ELEMENTS } from '../../../../../contracts/bpmnElements';
import { SPARROW_LINT_MESSAGES } from '../messages';
import { isA, type RuleFactory } from '../moddle';

const SUPPORTED = new Set(SUPPORTED_ELEMENTS);
/** Elements the compiler ignores with a warning rather than refusing. */
const IGNORED = new Set(IGNORED_ELEMENTS);

/** Reports flow elements the engine does not run, event sub-processes, and loop or multi-instance markers. */
export const supportedElement: RuleFactory = () => ({
  check(node, reporter) {
    if (!isA(node, 'bpmn:FlowElement') || IGNORED.has(node.$type)) return;
    if (!SUPPORTED.has(node.$type)) {
      reporter.report(node.id, SPARROW_LINT_MESSAGES.unsupportedElement);
      return;
    }
    if (node.triggeredByEvent === true) reporter.report(node.id, SPARROW_LINT_MESSAGES.unsupportedEventSubProcess);
    if (node.loopCharacteristics) reporter.report(node.id, SPARROW_LINT_MESSAGES.unsupportedLoop);
  },
});
