// The properties that differ between two versions of one element, each with its old and new value as text: the
// element's own attributes, its documentation, conditions and timer expressions, and its extension elements (assignment,
// task definition, schedule, form, multi-instance …), walked down to their text values. Child flow elements, the
// diagram's layout and the incoming/outgoing flow lists are left out (the version diff lists those elements themselves).

/** One property that changed; a value is undefined where that version does not set it. */
export interface PropertyChange {
  /** Where it sits, e.g. `name`, `extensionElements.values[0].candidateGroups`, `eventDefinitions[0].timeDuration.body`. */
  path: string;
  oldValue?: string;
  newValue?: string;
}

/** A bpmn-moddle element as the walk reads it. */
interface ModdleNode {
  $type: string;
  $descriptor?: { propertiesByName?: Record<string, { isReference?: boolean } | undefined> };
  [key: string]: unknown;
}

/** Properties not compared: children, layout and the flow lists. */
const SKIPPED = new Set(['di', 'flowElements', 'laneSets', 'artifacts', 'incoming', 'outgoing', 'children', 'lanes', 'rootElements', 'diagrams']);

/** The most paths one element contributes (a hostile diagram cannot make the walk unbounded). */
const MAX_PATHS = 500;

const isNode = (value: unknown): value is ModdleNode => typeof value === 'object' && value !== null && typeof (value as ModdleNode).$type === 'string';

/** What a referenced element is called: its name, else its id. */
const referenceText = (value: unknown): string => (isNode(value) ? String((value.name as string | undefined) || (value.id as string | undefined) || value.$type) : String(value));

/** Every text value under `node`, by path (references are own properties moddle does not enumerate). */
function flatten(node: ModdleNode, path: string, out: Map<string, string>, depth: number): void {
  if (depth > 8) return;
  for (const key of Object.getOwnPropertyNames(node)) {
    if (out.size >= MAX_PATHS) return;
    if (key.startsWith('$') || SKIPPED.has(key) || (depth === 0 && key === 'id')) continue;
    const value = node[key];
    const at = path ? `${path}.${key}` : key;
    const reference = node.$descriptor?.propertiesByName?.[key]?.isReference;
    if (value === undefined || value === null) continue;
    if (reference) out.set(at, Array.isArray(value) ? value.map(referenceText).join(', ') : referenceText(value));
    else if (Array.isArray(value)) value.forEach((item, index) => (isNode(item) ? flatten(item, `${at}[${index}]`, out, depth + 1) : out.set(`${at}[${index}]`, String(item))));
    else if (isNode(value)) flatten(value, at, out, depth + 1);
    else out.set(at, String(value));
  }
}

/** The properties whose values differ between `older` and `newer` (the same element in two versions), by path. */
export function propertyChanges(older: unknown, newer: unknown): PropertyChange[] {
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  if (isNode(older)) flatten(older, '', before, 0);
  if (isNode(newer)) flatten(newer, '', after, 0);
  const paths = [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path) !== after.get(path));
  return paths.sort().map((path) => ({ path, oldValue: before.get(path), newValue: after.get(path) }));
}
