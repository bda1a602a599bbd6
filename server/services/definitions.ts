// Deploying and reading process definitions: compile, route external job types, store an immutable version.
import { BUILTIN_JOB_TYPE_NAMES } from '../../contracts/jobTypes';
import type { CompiledProcess } from '../../engine/compile';
import { modelSha256 } from '../../engine/hash';
import type { ModelProblem } from '../../contracts/api/common';
import type { ExecutableModel } from '../../engine/model';
import { conflict, type DomainError, notFound, unprocessable } from '../../platform/errors';
import { externalJobRoute } from '../../platform/jobRouting';
import { Definition, DefinitionVersion, Draft } from '../../store/models';
import { compileBounded } from './compileOffThread';
import { pinForms } from './forms';

/** What a deployment returns: the stored version and whether it is new. */
export interface DeploymentResult {
  created: boolean;
  key: string;
  version: number;
  name: string | null;
  sha256: string;
  warnings: ModelProblem[];
}

/** A 422 `invalid-bpmn` error carrying the element-named problem list. */
export function modelProblems(problems: ModelProblem[], warnings: ModelProblem[] = []): DomainError {
  return unprocessable('invalid-bpmn', `the diagram has ${problems.length} problem(s): ${problems.map((p) => p.message).join('; ')}`, { problems, warnings });
}

/**
 * Records where each job the worker does not run (its type is not in `known`) is served: an external job worker on the
 * type's task queue (platform/jobRouting.ts), written into the model's task definition so every case of the version
 * routes it the same way; one warning per such element names the type and queue.
 */
export function routeExternalJobs(model: ExecutableModel, known: ReadonlySet<string>, env: NodeJS.ProcessEnv = process.env): ModelProblem[] {
  const warnings: ModelProblem[] = [];
  for (const node of Object.values(model.nodes)) {
    const definition = 'taskDefinition' in node ? node.taskDefinition : undefined;
    if (!definition || known.has(definition.type)) continue;
    definition.external = externalJobRoute(definition.type, env);
    warnings.push({
      elementId: node.id,
      code: 'external-job-type',
      message: `<${node.id}> uses job type "${definition.type}", which an external job worker serves (task queue ${definition.external.taskQueue})`,
    });
  }
  return warnings;
}

function pickProcess(processes: CompiledProcess[], processId?: string): CompiledProcess {
  if (processId) {
    const chosen = processes.find((p) => p.model.processId === processId);
    if (!chosen) throw modelProblems([{ code: 'process-not-found', message: `the diagram has no executable process <${processId}> (it has ${processes.map((p) => `<${p.model.processId}>`).join(', ')})` }]);
    return chosen;
  }
  if (processes.length > 1) {
    throw modelProblems([{ code: 'several-processes', message: `the diagram has ${processes.length} executable processes (${processes.map((p) => `<${p.model.processId}>`).join(', ')}): name one with processId` }]);
  }
  return processes[0];
}

/**
 * The versions the model's call activities with bindingType "deployment" start: each called process's latest version
 * now (the version being deployed when it calls itself); a called process that is not deployed is a problem naming it.
 */
export async function pinCalledVersions(model: ExecutableModel, version: number): Promise<{ pins: Array<{ elementId: string; key: string; version: number }>; problems: ModelProblem[] }> {
  const pins: Array<{ elementId: string; key: string; version: number }> = [];
  const problems: ModelProblem[] = [];
  for (const node of Object.values(model.nodes)) {
    if (node.kind !== 'callActivity' || node.calledElement?.binding !== 'deployment' || node.calledElement.processId.kind !== 'static') continue;
    const key = node.calledElement.processId.value;
    const latest = key === model.processId ? { version } : await DefinitionVersion.findOne({ key }, { version: 1 }).sort({ version: -1 }).lean();
    if (latest) pins.push({ elementId: node.id, key, version: latest.version });
    else problems.push({ elementId: node.id, code: 'called-process-not-found', message: `<${node.id}> calls process <${key}> with bindingType "deployment", but <${key}> is not deployed: deploy it first` });
  }
  return { pins, problems };
}

/**
 * Compiles and stores a new version; XML identical to the latest version is a no-op that returns it. `knownJobTypes`:
 * the job types Sparrow's worker runs; any other type is routed to external job workers (a warning each).
 */
export async function deploy(
  input: { xml: string; note?: string; processId?: string; deployedBy: string | null },
  knownJobTypes: Set<string> = new Set(BUILTIN_JOB_TYPE_NAMES),
): Promise<DeploymentResult> {
  const result = await compileBounded(input.xml);
  if (result.problems.length > 0) throw modelProblems(result.problems, result.warnings);
  const { model, sha256: compiledSha256 } = pickProcess(result.processes, input.processId);
  const jobWarnings = routeExternalJobs(model, knownJobTypes);
  // the stored model is the one hashed (audit exports check the model against it): with its external routes
  const sha256 = jobWarnings.length > 0 ? modelSha256(model) : compiledSha256;
  const key = model.processId;
  const name = model.name ?? null;
  const latest = await DefinitionVersion.findOne({ key }).sort({ version: -1 }).lean();
  if (latest && latest.xml === input.xml) {
    // deploying a retired definition's latest XML again brings it back
    await Definition.updateOne({ key, retiredAt: { $ne: null } }, { $set: { retiredAt: null, retiredBy: null } });
    return { created: false, key, version: latest.version, name: latest.name ?? null, sha256: latest.sha256, warnings: JSON.parse(latest.warningsJson ?? '[]') };
  }
  const version = (latest?.version ?? 0) + 1;
  const deployedAt = new Date();
  const called = await pinCalledVersions(model, version);
  if (called.problems.length > 0) throw modelProblems(called.problems, result.warnings);
  const { forms, warnings: formWarnings } = await pinForms(model);
  const warnings = [...result.warnings, ...jobWarnings, ...formWarnings];
  try {
    await DefinitionVersion.create({
      key,
      version,
      name,
      xml: input.xml,
      modelJson: JSON.stringify(model),
      sha256,
      note: input.note ?? null,
      warningsJson: JSON.stringify(warnings),
      deployedBy: input.deployedBy,
      deployedAt,
      forms,
      calledVersions: called.pins,
    });
  } catch (error) {
    if ((error as { code?: number }).code === 11000) {
      throw conflict('concurrent-deployment', `another deployment of ${key} created version ${version} at the same time; deploy again`);
    }
    throw error;
  }
  await Definition.updateOne({ key }, { $set: { name, latestVersion: version, updatedAt: deployedAt, retiredAt: null, retiredBy: null, starters: model.starters ?? null, description: model.documentation ?? null, icon: model.icon ?? null } }, { upsert: true });
  return { created: true, key, version, name, sha256, warnings };
}

/**
 * Retires a definition: no timer, message or API start makes new cases of it (its running cases go on) until a version
 * is deployed again. Retiring a retired definition keeps the first retirement.
 */
export async function retireDefinition(key: string, retiredBy: string): Promise<{ key: string; retiredAt: Date; retiredBy: string }> {
  const retiredAt = new Date();
  const row = await Definition.findOne({ key }).lean();
  if (!row) throw notFound(`definition ${key}`);
  if (row.retiredAt) return { key, retiredAt: row.retiredAt, retiredBy: row.retiredBy ?? retiredBy };
  await Definition.updateOne({ key }, { $set: { retiredAt, retiredBy } });
  return { key, retiredAt, retiredBy };
}

/** `text` as a regular expression that matches it literally (user input in a `$regex`). */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The filter of the definitions list: `q` matches key or name (case-insensitive); `only` narrows further (e.g. to what the caller may start). */
export function definitionFilter(q: string | undefined, only: Record<string, unknown> = {}): Record<string, unknown> {
  const text = q ? { $or: [{ key: { $regex: escapeRegex(q), $options: 'i' } }, { name: { $regex: escapeRegex(q), $options: 'i' } }] } : {};
  const parts = [text, only].filter((part) => Object.keys(part).length > 0);
  return parts.length > 1 ? { $and: parts } : (parts[0] ?? {});
}

/** Lists definitions with their latest version, newest first; `q` matches key or name (case-insensitive), `only` narrows the list. */
export async function listDefinitions(options: { q?: string; only?: Record<string, unknown>; skip?: number; limit?: number } = {}) {
  const filter = definitionFilter(options.q, options.only);
  const definitions = await Definition.find(filter)
    .sort({ updatedAt: -1 })
    .skip(options.skip ?? 0)
    .limit(options.limit ?? 1000)
    .lean();
  if (definitions.length === 0) return [];
  const versions = await DefinitionVersion.find({ $or: definitions.map((d) => ({ key: d.key, version: d.latestVersion })) })
    .select({ xml: 0, modelJson: 0 })
    .lean();
  const byKey = new Map(versions.map((v) => [v.key, v]));
  return definitions.flatMap((d) => {
    const v = byKey.get(d.key);
    return v ? [{ key: d.key, name: d.name ?? null, version: v.version, sha256: v.sha256, deployedAt: v.deployedAt.toISOString(), deployedBy: v.deployedBy ?? null, description: d.description ?? null, icon: d.icon ?? null }] : [];
  });
}

/** Loads one version (the latest when `version` is omitted) with its parsed model. */
export async function loadVersion(key: string, version?: number) {
  const query = version === undefined ? DefinitionVersion.findOne({ key }).sort({ version: -1 }) : DefinitionVersion.findOne({ key, version });
  const row = await query.lean();
  if (!row) throw notFound(version === undefined ? `definition ${key}` : `version ${version} of definition ${key}`);
  return { ...row, model: JSON.parse(row.modelJson) as ExecutableModel };
}

/** The versions of a definition, newest first, without XML and model. */
export async function listVersions(key: string) {
  const rows = await DefinitionVersion.find({ key }).select({ xml: 0, modelJson: 0 }).sort({ version: -1 }).lean();
  if (rows.length === 0) throw notFound(`definition ${key}`);
  return rows.map(versionSummaryOf);
}

/** What the API says of a version besides its XML and model: number, hash, note, who, when, pinned forms. */
export function versionSummaryOf(v: {
  key: string;
  version: number;
  name?: string | null;
  sha256: string;
  note?: string | null;
  deployedBy?: string | null;
  deployedAt: Date;
  forms?: ReadonlyArray<{ formId: string; version: number }> | null;
}) {
  return {
    key: v.key,
    version: v.version,
    name: v.name ?? null,
    sha256: v.sha256,
    note: v.note ?? null,
    deployedBy: v.deployedBy ?? null,
    deployedAt: v.deployedAt.toISOString(),
    forms: (v.forms ?? []).map((f) => ({ formId: f.formId, version: f.version })),
  };
}

const PROCESS_TAG = /<(?:\w+:)?process\b[^>]*>/;
const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** The name of the first process of BPMN XML text (read from its start tag, not a full parse), or null. */
export function processNameOf(xml: string): string | null {
  const tag = PROCESS_TAG.exec(xml)?.[0];
  const name = tag && /\sname="([^"]*)"/.exec(tag)?.[1];
  return name ? name.replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => XML_ENTITIES[entity]) : null;
}

/** One page of the autosaved drafts, most recently saved first, without their XML (the process name read from it). */
export async function listDrafts(options: { skip: number; limit: number }) {
  const [rows, total] = await Promise.all([Draft.find().sort({ savedAt: -1, _id: 1 }).skip(options.skip).limit(options.limit).lean(), Draft.countDocuments()]);
  const items = rows.map((row) => ({ key: row._id, name: processNameOf(row.xml), baseVersion: row.baseVersion ?? null, note: row.note ?? null, savedBy: row.savedBy, savedAt: row.savedAt.toISOString() }));
  return { items, total };
}

/** Deletes the draft of `key`; a key without a draft is a 404 naming it. */
export async function deleteDraft(key: string): Promise<void> {
  const result = await Draft.deleteOne({ _id: key });
  if (result.deletedCount !== 1) throw notFound(`draft of ${key}`);
}
