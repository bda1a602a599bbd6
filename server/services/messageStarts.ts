// Message start events (Camunda 8): a message no waiting case took starts a case of the latest version of every
// definition whose message start event waits for its name, unless a case this correlation key started still runs.
// The case's business key is the correlation key (`<key>#2`, `#3` … for the later ones), so its id says which
// message started it and Temporal's id uniqueness refuses a second start of the same case.
import type { Client } from '@temporalio/client';
import { BUSINESS_KEY_MAX, identifierProblem } from '../../contracts/identifiers';
import type { ExecutableModel } from '../../engine/model';
import { caseWorkflowId } from '../../workflows/definitions';
import type { Principal } from '../auth/principal';
import { DomainError, unprocessable } from '../../platform/errors';
import { findInstanceAnywhere } from '../../store/instances';
import { Definition, DefinitionVersion } from '../../store/models';
import { startCase } from './cases';
import { reconcileCase } from './reconcile';

/** What POST /api/messages needs besides the message: where a case it starts runs (resolved only when one starts). */
export interface MessageStartContext {
  taskQueue: string;
  streetForStart: () => Promise<string | null>;
}

/** A case a message started. */
export interface StartedByMessage {
  id: string;
  definitionKey: string;
  version: number;
  businessKey: string;
}

/** Versions are immutable: the message start event of each message name, cached per (key, version). */
const startsCache = new Map<string, Map<string, string>>();

function messageStartsOf(model: ExecutableModel): Map<string, string> {
  const starts = new Map<string, string>();
  for (const id of model.messageStartNodeIds ?? []) {
    const node = model.nodes[id];
    if (node.kind === 'startEvent' && node.eventDefinition?.kind === 'message') starts.set(node.eventDefinition.message.name, id);
  }
  return starts;
}

/** The definitions (latest version, not retired) whose message start event waits for `name`, with that start event. */
async function definitionsStartedBy(name: string): Promise<Array<{ key: string; version: number; startNodeId: string }>> {
  // retired ones filtered here: rows written before retirement existed have no retiredAt at all
  const definitions = (await Definition.find().select({ key: 1, latestVersion: 1, retiredAt: 1 }).lean()).filter((d) => !d.retiredAt);
  const found: Array<{ key: string; version: number; startNodeId: string }> = [];
  for (const { key, latestVersion } of definitions) {
    const cacheKey = JSON.stringify([key, latestVersion]);
    let starts = startsCache.get(cacheKey);
    if (!starts) {
      const row = await DefinitionVersion.findOne({ key, version: latestVersion }).select({ modelJson: 1 }).lean();
      starts = row ? messageStartsOf(JSON.parse(row.modelJson) as ExecutableModel) : new Map<string, string>();
      startsCache.set(cacheKey, starts);
    }
    const startNodeId = starts.get(name);
    if (startNodeId) found.push({ key, version: latestVersion, startNodeId });
  }
  return found;
}

/** The business key of the `n`th case a correlation key starts: the key itself, then `<key>#<n>`. */
const businessKeyOf = (correlationKey: string, n: number) => (n === 1 ? correlationKey : `${correlationKey}#${n}`);

/**
 * The business key the next case of `key` started by `correlationKey` gets, or the id of the one still running (then
 * none starts). Walks the earlier cases by id (one `_id` lookup each).
 */
async function nextBusinessKey(client: Client, key: string, correlationKey: string): Promise<{ businessKey: string } | { running: string }> {
  for (let n = 1; ; n++) {
    const businessKey = businessKeyOf(correlationKey, n);
    const id = caseWorkflowId(key, businessKey);
    const row = await findInstanceAnywhere(id);
    if (!row) return { businessKey };
    if ((row.status === 'running' || row.status === 'incident') && !(await reconcileCase(client, id))) return { running: id };
  }
}

/**
 * A buffered message's correlation to a process (Camunda 8's cardinality): `claim` marks the message as correlated to
 * a definition before a case of it starts (false: the process had it already), `release` undoes that when none started.
 */
export interface ProcessClaims {
  claim(definitionKey: string): Promise<boolean>;
  release(definitionKey: string): Promise<void>;
}

/** Starts a case at the message start event of each definition that has one for this message (see the file comment). */
export async function startByMessage(
  client: Client,
  user: Principal,
  message: { name: string; correlationKey: string; variables: Record<string, unknown> },
  context: MessageStartContext,
  claims?: ProcessClaims,
): Promise<{ started: StartedByMessage[]; running: string[] }> {
  const targets = await definitionsStartedBy(message.name);
  const started: StartedByMessage[] = [];
  const running: string[] = [];
  if (targets.length === 0) return { started, running };
  const correlationKey = message.correlationKey.normalize('NFC');
  const problem = identifierProblem(correlationKey, BUSINESS_KEY_MAX - 6);
  if (problem) throw unprocessable('correlation-key-invalid', `a message start event makes the correlation key the business key of the case it starts, and "${correlationKey}" ${problem}`);
  const street = await context.streetForStart();
  for (const target of targets) {
    if (claims && !(await claims.claim(target.key))) continue;
    const next = await nextBusinessKey(client, target.key, correlationKey);
    if ('running' in next) {
      running.push(next.running);
      await claims?.release(target.key);
      continue;
    }
    try {
      const view = await startCase(client, context.taskQueue, {
        definitionKey: target.key,
        version: target.version,
        businessKey: next.businessKey,
        street,
        variables: message.variables,
        startedBy: user.username,
        startNodeId: target.startNodeId,
      });
      started.push({ id: view.id, definitionKey: view.definitionKey, version: view.version, businessKey: view.businessKey });
    } catch (error) {
      // another message of this key started the same case a moment ago: it runs
      await claims?.release(target.key);
      if (error instanceof DomainError && error.code === 'duplicate-business-key') running.push(caseWorkflowId(target.key, next.businessKey));
      else throw error;
    }
  }
  return { started, running };
}
