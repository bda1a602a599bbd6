// Test helper: what the shipped templates' forms let staff set, and which path of each gateway a choice in a form
// leads to — so the templates' test can prove every gateway condition reads a variable a form field of an earlier task
// sets, and every path out of a gateway can be taken from the task page.
import { parseExpression } from 'feelin';
import { evaluateCondition, evaluateFeel } from '../../../engine/feel';
import type { ExecutableModel, ModelFlow } from '../../../engine/model';

/** A keyed field of a form-js schema: its key, type, label and the option values it offers (radio, select, checklist). */
export interface FormField {
  key: string;
  type: string;
  label: string;
  options?: unknown[];
}

/** Where a variable a gateway reads can come from: a form field of a user task, or a task's output mapping. */
export interface VariableSource {
  elementId: string;
  field?: FormField;
  /** The output mapping's FEEL source (`=true`). */
  mapping?: string;
}

/** The keyed fields of a form-js schema, groups included. */
export function fieldsOf(schema: { components?: unknown[] }): FormField[] {
  return (schema.components ?? []).flatMap((raw) => {
    const c = raw as { key?: string; type: string; label?: string; dateLabel?: string; values?: Array<{ value: unknown }>; components?: unknown[] };
    if (Array.isArray(c.components)) return fieldsOf(c);
    if (!c.key) return [];
    return [{ key: c.key, type: c.type, label: c.label ?? c.dateLabel ?? '', ...(c.values ? { options: c.values.map((v) => v.value) } : {}) }];
  });
}

/** The variables a FEEL condition reads (the first name of each path; function names left out). */
export function variablesRead(source: string): string[] {
  const names = new Set<string>();
  parseExpression(source, {}, undefined).iterate({
    enter(node) {
      if (node.name === 'VariableName' && node.node.parent?.name !== 'FunctionInvocation') names.add(source.slice(node.from, node.to));
    },
  });
  return [...names];
}

/** The gateways whose outgoing flows carry conditions, with those flows. */
export function conditionalGateways(model: ExecutableModel): Array<{ id: string; flows: ModelFlow[]; defaultFlow?: string }> {
  return Object.values(model.nodes)
    .filter((node) => node.kind === 'exclusiveGateway' || node.kind === 'inclusiveGateway')
    .map((node) => ({ id: node.id, flows: node.outgoing.map((id) => model.flows[id]), defaultFlow: node.defaultFlow }))
    .filter((gateway) => gateway.flows.some((flow) => flow.condition));
}

/** The elements from which `elementId` can be reached along sequence flows (itself excluded). */
export function elementsBefore(model: ExecutableModel, elementId: string): Set<string> {
  const before = new Set<string>();
  const queue = [elementId];
  while (queue.length > 0) {
    const current = model.nodes[queue.shift() as string];
    for (const flowId of current?.incoming ?? []) {
      const source = model.flows[flowId].source;
      if (!before.has(source)) {
        before.add(source);
        queue.push(source);
      }
    }
  }
  return before;
}

/**
 * The elements that may complete before a token reaches `elementId`: those it is reached from, and those on the other
 * branches of a parallel split before it (they run beside the way to it, as the report tasks beside a time limit).
 */
export function elementsBeforeOrBeside(model: ExecutableModel, elementId: string): Set<string> {
  const before = elementsBefore(model, elementId);
  const beside = new Set<string>();
  const queue = [...before].filter((id) => model.nodes[id].kind === 'parallelGateway');
  while (queue.length > 0) {
    for (const flowId of model.nodes[queue.shift() as string].outgoing) {
      const target = model.flows[flowId].target;
      if (target !== elementId && !before.has(target) && !beside.has(target)) {
        beside.add(target);
        queue.push(target);
      }
    }
  }
  return new Set([...before, ...beside]);
}

/** The sources of `variable` among the user tasks in `elementIds`: a field of the task's form, or its output mapping. */
export function sourcesOf(model: ExecutableModel, elementIds: Iterable<string>, formFields: (formId: string) => FormField[], variable: string): VariableSource[] {
  return [...elementIds].flatMap((id) => {
    const node = model.nodes[id];
    if (node.kind !== 'userTask') return [];
    const fields = node.userTask?.formId ? formFields(node.userTask.formId).filter((f) => f.key === variable).map((field) => ({ elementId: id, field })) : [];
    const mappings = (node.outputs ?? []).filter((m) => m.target === variable && m.source.kind === 'feel').map((m) => ({ elementId: id, mapping: `=${(m.source as { source: string }).source}` }));
    return [...fields, ...mappings];
  });
}

/** The values a source can give its variable: a choice field's options, a checkbox's true/false, a mapping's value or nothing yet (null). */
export function valuesOf(source: VariableSource): unknown[] | undefined {
  if (source.mapping) return [evaluateFeel(source.mapping.slice(1), {}), null];
  if (source.field?.type === 'checkbox') return [true, false];
  return source.field?.options;
}

/** The flow an exclusive gateway takes for `variables`: the first flow whose condition holds, else its default flow. */
export function flowTaken(gateway: { flows: ModelFlow[]; defaultFlow?: string }, variables: Record<string, unknown>): string | undefined {
  const chosen = gateway.flows.find((flow) => flow.condition && flow.id !== gateway.defaultFlow && evaluateCondition(flow.condition, variables));
  return chosen?.id ?? gateway.defaultFlow;
}

/** Every combination of one value per variable. */
export function combinations(values: Record<string, unknown[]>): Array<Record<string, unknown>> {
  return Object.entries(values).reduce<Array<Record<string, unknown>>>((acc, [name, options]) => acc.flatMap((partial) => options.map((value) => ({ ...partial, [name]: value }))), [{}]);
}
