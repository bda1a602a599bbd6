// The BPMN documentation of a deployed version's elements (compiled into its model), read once per version and kept:
// versions are immutable, so a task page asks the store for a version's model only the first time.
import { DefinitionVersion } from '../../store/models';
import type { ExecutableModel } from '../../engine/model';

/** How many versions' documentation is kept (a few hundred short texts each at most). */
const KEPT_VERSIONS = 200;
const kept = new Map<string, Readonly<Record<string, string>>>();

/** The documentation of each element of version `version` of `key` that has some, by element id ({} for an unknown version). */
export async function elementDocumentation(key: string, version: number): Promise<Readonly<Record<string, string>>> {
  const id = `${key}@${version}`;
  const known = kept.get(id);
  if (known) return known;
  const row = await DefinitionVersion.findOne({ key, version }).select({ modelJson: 1 }).lean();
  const model = row ? (JSON.parse(row.modelJson) as ExecutableModel) : undefined;
  const docs: Record<string, string> = {};
  for (const node of Object.values(model?.nodes ?? {})) if (node.documentation) docs[node.id] = node.documentation;
  if (!row) return docs;
  if (kept.size >= KEPT_VERSIONS) kept.delete(kept.keys().next().value as string);
  kept.set(id, docs);
  return docs;
}
