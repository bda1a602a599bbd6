// A typed view of the element tree bpmn-moddle builds, with the few accessors the compiler needs.

/** A parsed BPMN or zeebe element: its `$type` (e.g. `bpmn:UserTask`), its id and its properties. */
export interface BpmnElement {
  $type: string;
  id?: string;
  [property: string]: unknown;
}

/** True when the value is a parsed element (has a `$type`). */
export function isElement(value: unknown): value is BpmnElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** A string property, or undefined when absent or of another type. */
export function text(element: BpmnElement, property: string): string | undefined {
  const value = element[property];
  return typeof value === 'string' ? value : undefined;
}

/** A single element-valued property (a child or a resolved reference). */
export function child(element: BpmnElement, property: string): BpmnElement | undefined {
  const value = element[property];
  return isElement(value) ? value : undefined;
}

/** A many-valued property, keeping only parsed elements. */
export function children(element: BpmnElement, property: string): BpmnElement[] {
  const value = element[property];
  return Array.isArray(value) ? value.filter(isElement) : [];
}

/** The first extension element of the given type (e.g. `zeebe:TaskDefinition`). */
export function extension(element: BpmnElement, type: string): BpmnElement | undefined {
  const container = child(element, 'extensionElements');
  return container ? children(container, 'values').find((value) => value.$type === type) : undefined;
}

/** The element's BPMN type without namespace and with a lower-case initial, as diagrams spell it: `userTask`. */
export function localType(element: BpmnElement): string {
  const name = element.$type.slice(element.$type.indexOf(':') + 1);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** How messages name an element: `userTask <Task_1>`. */
export function describe(element: BpmnElement): string {
  return `${localType(element)} <${element.id ?? '(no id)'}>`;
}
