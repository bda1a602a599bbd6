// What people see of a deployed version's elements — names, kinds and BPMN documentation (compiled into its model) —
// read once per version and kept: versions are immutable, so a page asks the store for a version's model only the
// first time.
import { DefinitionVersion } from '../../store/models';
import type { ExecutableModel } from '../../engine/model';

/** One element as pages show it: its name (when the diagram gives one), its kind, and its documentation. */
export interface ElementSummary {
  name: string | null;
  kind: string;
  documentation?: string;
}

/** How many versions are kept (a few hundred short texts each at most). */
const KEPT_VERSIONS = 200;
const kept = new Map<string, Readonly<Record<string, ElementSummary>>>();

const kindOf = (node: ExecutableModel['nodes'][string]) => (node.kind === 'subProcess' && node.triggeredByEvent ? 'eventSubProcess' : node.kind);

/** The elements of version `version` of `key` by id ({} for an unknown version). */
export async function versionElements(key: string, version: number): Promise<Readonly<Record<string, ElementSummary>>> {
  const id = `${key}@${version}`;
  const known = kept.get(id);
  if (known) return known;
  const row = await DefinitionVersion.findOne({ key, version }).select({ modelJson: 1 }).lean();
  const model = row ? (JSON.parse(row.modelJson) as ExecutableModel) : undefined;
  const elements: Record<string, ElementSummary> = {};
  for (const node of Object.values(model?.nodes ?? {})) {
    elements[node.id] = { name: node.name?.trim() || null, kind: kindOf(node), ...(node.documentation ? { documentation: node.documentation } : {}) };
  }
  if (!row) return elements;
  if (kept.size >= KEPT_VERSIONS) kept.delete(kept.keys().next().value as string);
  kept.set(id, elements);
  return elements;
}

/** The documentation of element `elementId` of a version, or null. */
export async function elementDocumentation(key: string, version: number, elementId: string): Promise<string | null> {
  return (await versionElements(key, version))[elementId]?.documentation ?? null;
}

/** The name and kind of each element of a version, by id (what a case's timeline labels its steps with). */
export async function elementLabels(key: string, version: number): Promise<Record<string, { name: string | null; kind: string }>> {
  return Object.fromEntries(Object.entries(await versionElements(key, version)).map(([id, element]) => [id, { name: element.name, kind: element.kind }]));
}
