// Creating a process: its first draft from a template (or blank) under a key no definition or draft uses yet; the
// template's shipped forms are saved into the form library first where the library does not hold them yet.
import { bodyOf } from '../../../api/bodyOf';
import { getDraft, listDefinitions, saveDraft, type DefinitionList, type Draft } from '../../../api/definitions';
import { type FormView, getForm, saveForm } from '../../../api/forms';
import { ProblemError } from '../../../api/problem';
import { blankDiagram, newProcessId } from '../../../bpmn/blankDiagram';
import { withProcessId } from '../../../bpmn/processHeader';
import type { ProcessTemplate } from '../../../bpmn/templateInfo';
import type { TemplateForm } from '../../../bpmn/templateForms';

async function draftExists(key: string): Promise<boolean> {
  try {
    await bodyOf<Draft>(getDraft(key));
    return true;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) return false;
    throw error;
  }
}

/** Saves `form` as the first version of its id unless the library has that form already (an edited copy is kept). */
async function ensureForm(form: TemplateForm): Promise<void> {
  try {
    await bodyOf<FormView>(getForm(form.id));
  } catch (error) {
    if (!(error instanceof ProblemError && error.status === 404)) throw error;
    await bodyOf<FormView>(saveForm(form.id, { schema: form.schema }));
  }
}

/** `base`, else `base-2`, `base-3`, … : the first key that is neither deployed nor drafted. */
async function freeKey(base: string): Promise<string> {
  const deployed = new Set((await bodyOf<DefinitionList>(listDefinitions())).items.map((item) => item.key));
  for (let n = 1; n < 100; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!deployed.has(candidate) && !(await draftExists(candidate))) return candidate;
  }
  throw new Error(`no free key for ${base}`);
}

/** Saves the first draft of a new process (from `template`, or blank named `blankName`) and returns it. */
export async function createDraft(template: ProcessTemplate | undefined, blankName: string): Promise<Draft> {
  if (!template) {
    const key = newProcessId();
    return bodyOf<Draft>(saveDraft(key, { xml: blankDiagram(key, blankName), baseVersion: null }));
  }
  for (const form of template.forms) await ensureForm(form);
  const key = await freeKey(template.processId);
  return bodyOf<Draft>(saveDraft(key, { xml: withProcessId(template.xml, template.processId, key), baseVersion: null }));
}
