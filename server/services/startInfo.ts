// What the start page shows for a process (issue 17): its name and description and the start form it pinned.
import type { z } from 'zod';
import type { startView } from '../../contracts/api/definitions';
import type { Principal } from '../auth/principal';
import { loadVersion } from './definitions';
import { formOfTask } from './forms';
import { checkStarter } from './starters';

/** The latest version's name, documentation and start form, for a user who may start it (else 403 not-a-starter). */
export async function startInfo(user: Pick<Principal, 'roles' | 'groups'>, key: string): Promise<z.output<typeof startView>> {
  const definition = await loadVersion(key);
  checkStarter(user, definition);
  const { model } = definition;
  const formId = model.startNodeIds.map((id) => model.nodes[id]).map((node) => (node?.kind === 'startEvent' ? node.startFormId : undefined)).find(Boolean) ?? null;
  const form = formId ? await formOfTask({ formId, definitionKey: definition.key, definitionVersion: definition.version }) : null;
  return { key: definition.key, version: definition.version, name: definition.name ?? model.name ?? null, documentation: model.documentation ?? null, formId, form };
}
