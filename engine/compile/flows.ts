// Sequence flows: their source and target (in the same scope) and their condition.
import type { Expression, ModelFlow, ModelNode } from '../model';
import { checkedExpression } from './expressions';
import { readId } from './ids';
import { child, describe, text, type BpmnElement } from './moddle';
import { abbreviate, type Diagnostics } from './problems';

/** Where a flow's ends may point: the nodes built so far and the ids of elements already refused as unsupported. */
export interface FlowEnds {
  nodes: Record<string, ModelNode>;
  refused: Set<string>;
}

/**
 * Reads a sequence flow of `scope`; returns undefined, with a problem, when its sourceRef or targetRef is missing,
 * unknown, not a flow node, or in another scope (a flow to an element already refused adds no second problem).
 */
export function readFlow(element: BpmnElement, scope: string | null, ends: FlowEnds, diagnostics: Diagnostics): ModelFlow | undefined {
  const id = readId(element, diagnostics);
  if (id === undefined) return undefined;
  const source = end(element, 'sourceRef', scope, ends, diagnostics);
  const target = end(element, 'targetRef', scope, ends, diagnostics);
  const condition = readCondition(element, diagnostics);
  if (source === undefined || target === undefined) return undefined;
  const flow: ModelFlow = { id, source, target };
  const name = text(element, 'name');
  if (name) flow.name = name;
  if (condition) flow.condition = condition;
  return flow;
}

function end(flow: BpmnElement, property: 'sourceRef' | 'targetRef', scope: string | null, ends: FlowEnds, diagnostics: Diagnostics): string | undefined {
  const referenced = child(flow, property);
  const id = referenced?.id;
  if (id && ends.refused.has(id)) return undefined;
  const node = id && Object.hasOwn(ends.nodes, id) ? ends.nodes[id] : undefined;
  if (node && node.scope === scope) return id;
  const reason = !referenced
    ? `has no ${property} or refers to an unknown element`
    : node
      ? `has ${property} <${id}>, which is in another scope (flows cannot cross a subprocess boundary)`
      : `has ${property} ${describe(referenced)}, which is not a flow node`;
  diagnostics.problem('flow-reference-invalid', `sequence flow <${flow.id}> ${reason}`, flow.id);
  return undefined;
}

/** A condition must be FEEL (`=…`); the static values `true` and `false` are accepted as they are. */
function readCondition(flow: BpmnElement, diagnostics: Diagnostics): Expression | undefined {
  const expression = child(flow, 'conditionExpression');
  const body = expression ? (text(expression, 'body') ?? '').trim() : '';
  if (body === '') return undefined;
  if (body === 'true' || body === 'false') return { kind: 'static', value: body };
  if (!body.startsWith('=')) {
    diagnostics.problem('condition-not-feel', `condition of flow <${flow.id}> is not a FEEL expression (start it with "="): ${abbreviate(body)}`, flow.id);
    return undefined;
  }
  return checkedExpression(body, `condition of flow <${flow.id}>`, flow.id, diagnostics);
}
