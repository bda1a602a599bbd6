// Rule sparrow/gateway-default: a deciding gateway needs a default flow, else a case with no matching condition stops.
import { SPARROW_LINT_MESSAGES } from '../messages';
import { isA, type ModdleNode, type RuleFactory } from '../moddle';

/** The sequence flows leaving `node`, read from its container (XML need not list `<outgoing>`). */
function outgoingFlows(node: ModdleNode): ModdleNode[] {
  const parent = node.$parent as { flowElements?: ModdleNode[] } | undefined;
  return (parent?.flowElements ?? []).filter((element) => element.$type === 'bpmn:SequenceFlow' && element.sourceRef === node);
}

/** Reports exclusive and inclusive gateways that fork (more than one outgoing flow) without a default flow. */
export const gatewayDefault: RuleFactory = () => ({
  check(node, reporter) {
    if (!isA(node, 'bpmn:ExclusiveGateway') && !isA(node, 'bpmn:InclusiveGateway')) return;
    if (outgoingFlows(node).length > 1 && !node.default) reporter.report(node.id, SPARROW_LINT_MESSAGES.gatewayWithoutDefault);
  },
});
