// Rule sparrow/gateway-default: a deciding gateway needs a default flow, else a case with no matching condition stops.
import { SPARROW_LINT_MESSAGES } from '../messages';
import { isA, outgoingFlows, type RuleFactory } from '../moddle';

/** Reports exclusive and inclusive gateways that fork (more than one outgoing flow) without a default flow. */
export const gatewayDefault: RuleFactory = () => ({
  check(node, reporter) {
    if (!isA(node, 'bpmn:ExclusiveGateway') && !isA(node, 'bpmn:InclusiveGateway')) return;
    if (outgoingFlows(node).length > 1 && !node.default) reporter.report(node.id, SPARROW_LINT_MESSAGES.gatewayWithoutDefault);
  },
});
