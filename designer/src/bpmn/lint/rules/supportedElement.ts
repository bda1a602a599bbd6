// Rule sparrow/supported-element: every flow element must be something the engine runs — its type
// (contracts/bpmnElements.ts, the compiler's own lists), its event definition where it sits, whether it may be
// non-interrupting, and what an event-based gateway leads to (designer/src/bpmn/engineScope/runnable.ts).
import { IGNORED_ELEMENTS } from '../../../../../contracts/bpmnElements';
import { definitionName, eventGatewayTargetRuns, eventPlace, eventRuns, loopRuns, typeRuns } from '../../engineScope/runnable';
import { SPARROW_LINT_MESSAGES } from '../messages';
import { isA, type ModdleNode, outgoingFlows, type Reporter, type RuleFactory } from '../moddle';

/** Elements the compiler ignores with a warning rather than refusing. */
const IGNORED = new Set(IGNORED_ELEMENTS);

const definitionsOf = (node: ModdleNode) => (Array.isArray(node.eventDefinitions) ? (node.eventDefinitions as ModdleNode[]) : []);
const inEventSubProcess = (node: ModdleNode) => {
  const parent = node.$parent as ModdleNode | undefined;
  return parent?.$type === 'bpmn:SubProcess' && parent.triggeredByEvent === true;
};

/** Reports an event whose definition the engine does not run where it sits, or which it cannot run non-interrupting. */
function checkEvent(node: ModdleNode, reporter: Reporter): void {
  const place = eventPlace(node.$type, inEventSubProcess(node));
  if (!place) return;
  const definitions = definitionsOf(node);
  // several definitions: bpmnlint's own rule reports them
  if (definitions.length > 1) return;
  const definition = definitionName(definitions[0]?.$type);
  // bpmnlint's event-sub-process-typed-start-event reports an event subprocess's start event without one
  if (definition === 'none' && place === 'eventSubProcessStart') return;
  const interrupting = node.cancelActivity !== false && node.isInterrupting !== false;
  if (eventRuns(place, definition, interrupting)) return;
  if (eventRuns(place, definition, true)) reporter.report(node.id, SPARROW_LINT_MESSAGES.alwaysInterrupting);
  else if (definition === 'none') reporter.report(node.id, SPARROW_LINT_MESSAGES.eventDefinitionMissing);
  else reporter.report(node.id, SPARROW_LINT_MESSAGES.unsupportedEventDefinition);
}

/** Reports an event-based gateway with a flow to something other than a timer, message or signal intermediate catch event. */
function checkEventGateway(node: ModdleNode, reporter: Reporter): void {
  const targets = outgoingFlows(node).map((flow) => flow.targetRef as ModdleNode | undefined).filter((target) => target !== undefined);
  if (targets.some((target) => !eventGatewayTargetRuns(target.$type, definitionName(definitionsOf(target)[0]?.$type)))) reporter.report(node.id, SPARROW_LINT_MESSAGES.eventGatewayTarget);
}

/** Reports flow elements the engine does not run, events it does not run where they sit, and standard loop markers. */
export const supportedElement: RuleFactory = () => ({
  check(node, reporter) {
    if (!isA(node, 'bpmn:FlowElement') || IGNORED.has(node.$type)) return;
    // an instantiating event-based gateway starts a process: Camunda 8 and the engine do not run it
    if (!typeRuns(node.$type) || node.instantiate === true) {
      reporter.report(node.id, SPARROW_LINT_MESSAGES.unsupportedElement);
      return;
    }
    if (isA(node, 'bpmn:Event')) checkEvent(node, reporter);
    if (node.$type === 'bpmn:EventBasedGateway') checkEventGateway(node, reporter);
    const loop = node.loopCharacteristics as ModdleNode | undefined;
    if (loop && !loopRuns(loop.$type)) reporter.report(node.id, SPARROW_LINT_MESSAGES.unsupportedLoop);
  },
});
