// Forms: saving versions of form-js schemas, pinning them to a deployed definition, finding a task's form.
import { sha256Hex } from '../../platform/sha256';
import { canonicalJson } from '../../engine/hash';
import type { ModelProblem } from '../../contracts/api/common';
import type { ExecutableModel } from '../../engine/model';
import { conflict, DomainError, notFound, unprocessable } from '../../platform/errors';
import { DefinitionVersion, Form, FormVersion, formVersionId } from '../../store/models';
import { checkFormSubmission, schemaProblems } from './formValidation';

/** A form version as the API shows it. */
export interface FormView {
  id: string;
  version: number;
  name: string | null;
  sha256: string;
  savedBy: string;
  savedAt: string;
  schema: unknown;
}

const view = (row: { formId: string; version: number; name?: string | null; sha256: string; savedBy: string; savedAt: Date; schemaJson: string }): FormView => ({
  id: row.formId,
  version: row.version,
  name: row.name ?? null,
  sha256: row.sha256,
  savedBy: row.savedBy,
  savedAt: row.savedAt.toISOString(),
  schema: JSON.parse(row.schemaJson),
});

/** Saves a form schema as the next version; a schema equal to the latest version is a no-op returning it. */
export async function saveForm(formId: string, input: { schema: unknown; name?: string | null }, savedBy: string): Promise<{ created: boolean; form: FormView }> {
  const problems = schemaProblems(input.schema);
  if (problems.length > 0) {
    throw unprocessable('invalid-form', `the form schema has ${problems.length} problem(s): ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { errors: problems });
  }
  const schemaJson = canonicalJson(input.schema);
  const sha256 = sha256Hex(schemaJson);
  const latest = await FormVersion.findOne({ formId }).sort({ version: -1 }).lean();
  const name = input.name ?? ((input.schema as { name?: unknown }).name as string | undefined) ?? latest?.name ?? null;
  if (latest && latest.sha256 === sha256 && (latest.name ?? null) === name) return { created: false, form: view(latest) };
  const version = (latest?.version ?? 0) + 1;
  const savedAt = new Date();
  try {
    await FormVersion.create({ _id: formVersionId(formId, version), formId, version, name, schemaJson, sha256, savedBy, savedAt });
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict('concurrent-save', `another save of form ${formId} created version ${version} at the same time; save again`);
    throw error;
  }
  await Form.updateOne({ _id: formId }, { $set: { name, latestVersion: version, updatedAt: savedAt } }, { upsert: true });
  return { created: true, form: view({ formId, version, name, sha256, savedBy, savedAt, schemaJson }) };
}

/** One version of a form (the latest when `version` is omitted). */
export async function loadForm(formId: string, version?: number): Promise<FormView> {
  const row = version === undefined ? await FormVersion.findOne({ formId }).sort({ version: -1 }).lean() : await FormVersion.findById(formVersionId(formId, version)).lean();
  if (!row) throw notFound(version === undefined ? `form ${formId}` : `version ${version} of form ${formId}`);
  return view(row);
}

/** The forms, most recently saved first. */
export async function listForms(options: { skip?: number; limit?: number } = {}) {
  const rows = await Form.find()
    .sort({ updatedAt: -1 })
    .skip(options.skip ?? 0)
    .limit(options.limit ?? 1000)
    .lean();
  return rows.map((r) => ({ id: r._id, name: r.name ?? null, latestVersion: r.latestVersion, updatedAt: r.updatedAt.toISOString() }));
}

/** The form a node names: a user task's form or a start event's start form. */
const formIdOf = (node: ExecutableModel['nodes'][string]) =>
  node.kind === 'userTask' ? node.userTask?.formId : node.kind === 'startEvent' ? node.startFormId : undefined;

/** The latest version of each form the model's user tasks and start events name, and a warning for each form not saved yet. */
export async function pinForms(model: ExecutableModel): Promise<{ forms: Array<{ formId: string; version: number }>; warnings: ModelProblem[] }> {
  const users = Object.values(model.nodes).filter((n) => formIdOf(n));
  const ids = [...new Set(users.map((n) => formIdOf(n) as string))];
  const heads = ids.length ? await Form.find({ _id: { $in: ids } }).lean() : [];
  const latest = new Map(heads.map((h) => [h._id, h.latestVersion]));
  const warnings = users
    .filter((n) => !latest.has(formIdOf(n) as string))
    .map((n) => ({ elementId: n.id, code: 'form-not-found', message: `<${n.id}> uses form "${formIdOf(n)}", which has not been saved yet (PUT /api/forms/${formIdOf(n)})` }));
  return { forms: ids.filter((id) => latest.has(id)).map((formId) => ({ formId, version: latest.get(formId) as number })), warnings };
}

/** The form of a task: the version pinned by its definition version, else the latest; null when it has none. */
export async function formOfTask(task: { formId?: string | null; definitionKey: string; definitionVersion: number }): Promise<FormView | null> {
  if (!task.formId) return null;
  const definition = await DefinitionVersion.findOne({ key: task.definitionKey, version: task.definitionVersion }).select({ forms: 1 }).lean();
  const pinned = definition?.forms?.find((f) => f.formId === task.formId)?.version;
  try {
    return await loadForm(task.formId, pinned);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found') return null;
    throw error;
  }
}

/**
 * The variables a case starts with. When the process's start event names a start form (zeebe:formDefinition formId),
 * they are checked like a task's submission (unknown keys and invalid fields: 422 invalid-form-data) and only its
 * visible fields are kept; without a start form they pass as given (bounded by the API's variable limits).
 */
export async function startVariables(definition: { key: string; version: number; model: ExecutableModel }, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const formId = definition.model.startNodeIds.map((id) => definition.model.nodes[id]).map((node) => (node?.kind === 'startEvent' ? node.startFormId : undefined)).find(Boolean);
  if (!formId) return variables;
  const form = await formOfTask({ formId, definitionKey: definition.key, definitionVersion: definition.version });
  if (!form) throw unprocessable('start-form-missing', `the start form "${formId}" of ${definition.key} has not been saved, so its start data cannot be checked`);
  const { errors, values } = checkFormSubmission(form.schema, variables);
  if (errors.length > 0) throw invalidFormData(form, errors);
  return values;
}

/** The 422 `invalid-form-data` of data that does not satisfy `form`: each field error, and which form version judged it. */
export const invalidFormData = (form: FormView, errors: Array<{ path: string; message: string }>) =>
  unprocessable('invalid-form-data', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors, form: { id: form.id, version: form.version } });
