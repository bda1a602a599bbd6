// The part of a bpmn-moddle element that Sparrow's lint rules read, and how they find its zeebe extensions.

/** A moddle element as bpmnlint hands it to a rule. */
export interface ModdleNode {
  $type: string;
  id?: string;
  $instanceOf?: (type: string) => boolean;
  [property: string]: unknown;
}

/** What a rule reports through. */
export interface Reporter {
  report(id: string | undefined, message: string): void;
}

/** A bpmnlint rule: a factory of `{ check }`. */
export type RuleFactory = () => { check: (node: ModdleNode, reporter: Reporter) => void };

/** Whether `node` is of `type` or a subtype (falls back to the exact type for plain objects). */
export function isA(node: ModdleNode, type: string): boolean {
  return node.$instanceOf ? node.$instanceOf(type) : node.$type === type;
}

/** The first extension element of `type` (e.g. `zeebe:TaskDefinition`), or undefined. */
export function extensionOf(node: ModdleNode, type: string): ModdleNode | undefined {
  const container = node.extensionElements as { values?: ModdleNode[] } | undefined;
  return container?.values?.find((value) => value.$type === type);
}

/** A trimmed string attribute, or '' when absent. */
export function textOf(node: ModdleNode | undefined, property: string): string {
  const value = node?.[property];
  return typeof value === 'string' ? value.trim() : '';
}

/** The sequence flows leaving `node`, read from its container (XML need not list `<outgoing>`). */
export function outgoingFlows(node: ModdleNode): ModdleNode[] {
  const parent = node.$parent as { flowElements?: ModdleNode[] } | undefined;
  return (parent?.flowElements ?? []).filter((element) => element.$type === 'bpmn:SequenceFlow' && element.sourceRef === node);
}
