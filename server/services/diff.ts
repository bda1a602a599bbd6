// Differences between two deployed versions of a definition, element by element, from their stored models.
import { canonicalJson } from '../../engine/hash';
import type { ExecutableModel } from '../../engine/model';

/** One element as the diff names it. */
export interface DiffElement {
  id: string;
  /** The node kind, or `sequenceFlow`. */
  type: string;
  name: string | null;
}

/** What changed between two models. */
export interface ModelDiff {
  added: DiffElement[];
  removed: DiffElement[];
  /** Elements in both whose definition differs, with the names of the fields that differ. */
  changed: Array<DiffElement & { fields: string[] }>;
}

type Element = { id: string; name?: string } & Record<string, unknown>;

function elementsOf(model: ExecutableModel): Map<string, { type: string; element: Element }> {
  const map = new Map<string, { type: string; element: Element }>();
  for (const node of Object.values(model.nodes)) map.set(node.id, { type: node.kind, element: node as unknown as Element });
  for (const flow of Object.values(model.flows)) map.set(flow.id, { type: 'sequenceFlow', element: flow as unknown as Element });
  return map;
}

const describe = (id: string, entry: { type: string; element: Element }): DiffElement => ({ id, type: entry.type, name: entry.element.name ?? null });

/** Compares the elements (nodes and flows) of two models by id. */
export function diffModels(from: ExecutableModel, to: ExecutableModel): ModelDiff {
  const before = elementsOf(from);
  const after = elementsOf(to);
  const diff: ModelDiff = { added: [], removed: [], changed: [] };
  for (const [id, entry] of after) if (!before.has(id)) diff.added.push(describe(id, entry));
  for (const [id, entry] of before) if (!after.has(id)) diff.removed.push(describe(id, entry));
  for (const [id, entry] of after) {
    const old = before.get(id);
    if (!old) continue;
    const keys = new Set([...Object.keys(old.element), ...Object.keys(entry.element)]);
    const fields = [...keys].filter((k) => canonicalJson(old.element[k] ?? null) !== canonicalJson(entry.element[k] ?? null)).sort();
    if (old.type !== entry.type && !fields.includes('kind')) fields.unshift('kind');
    if (fields.length > 0) diff.changed.push({ ...describe(id, entry), fields });
  }
  const byId = (a: DiffElement, b: DiffElement) => a.id.localeCompare(b.id);
  diff.added.sort(byId);
  diff.removed.sort(byId);
  diff.changed.sort(byId);
  return diff;
}
