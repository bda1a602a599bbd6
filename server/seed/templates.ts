// Demo seeding of the shipped process templates (never in production): each processes/*.bpmn whose process is not
// deployed yet is deployed with the forms it names (processes/forms/<form id>.form.json) through the same services as
// POST /api/forms and POST /api/deployments, so a fresh start offers residents a service at once.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { compile } from '../../engine/compile';
import type { ExecutableModel } from '../../engine/model';
import { DomainError } from '../../platform/errors';
import { Definition, Form } from '../../store/models';
import { deploy } from '../services/definitions';
import { saveForm } from '../services/forms';
import { syncTimerSchedules } from '../services/timerSchedules';

/** The repository's template folder. */
export const TEMPLATE_DIR = path.resolve(__dirname, '../../processes');
/** Who the seed saves forms as and the note its deployments carry. */
const SEED_ACTOR = 'system:demo-seed';
const SEED_NOTE = '演示数据：内置流程模板';

/** The form ids a model's start events and user tasks name. */
function formIdsOf(model: ExecutableModel): string[] {
  const ids = Object.values(model.nodes).flatMap((node) => (node.kind === 'userTask' && node.userTask?.formId ? [node.userTask.formId] : node.kind === 'startEvent' && node.startFormId ? [node.startFormId] : []));
  return [...new Set(ids)];
}

/** Saves the shipped forms `model` names that the library does not hold yet (an edited form keeps its edits). */
async function seedForms(model: ExecutableModel, dir: string): Promise<void> {
  for (const formId of formIdsOf(model)) {
    const file = path.join(dir, 'forms', `${formId}.form.json`);
    if (!fs.existsSync(file) || (await Form.exists({ _id: formId }))) continue;
    await saveForm(formId, { schema: JSON.parse(fs.readFileSync(file, 'utf8')) }, SEED_ACTOR);
  }
}

/**
 * Deploys every template of `dir` whose process key is not deployed yet (a deployed or retired one is left alone, so a
 * rerun changes nothing), after saving its forms; returns the keys deployed. A concurrent deployment of the same key by
 * another server starting at once is no error.
 */
export async function seedTemplates(client: Client, taskQueue: string, dir = TEMPLATE_DIR): Promise<string[]> {
  if (!fs.existsSync(dir)) return [];
  const deployed: string[] = [];
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.bpmn')).sort()) {
    const xml = fs.readFileSync(path.join(dir, file), 'utf8');
    const compiled = await compile(xml);
    const model = compiled.processes[0]?.model;
    if (compiled.problems.length > 0 || !model || (await Definition.exists({ key: model.processId }))) continue;
    await seedForms(model, dir);
    try {
      await deploy({ xml, note: SEED_NOTE, deployedBy: null });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'conflict') continue;
      throw error;
    }
    await syncTimerSchedules(client, taskQueue, model.processId);
    deployed.push(model.processId);
  }
  return deployed;
}
