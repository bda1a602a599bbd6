// Message correlation: find the cases of the caller's streets that wait for a message, and deliver it to them.
import type { Client } from '@temporalio/client';
import type { ExecutableModel } from '../../engine/model';
import { correlateMessageUpdate, type CaseStateView } from '../../workflows/definitions';
import { instanceScope, type Principal } from '../auth/principal';
import { DomainError } from '../../platform/errors';
import { DefinitionVersion, Instance } from '../../store/models';
import { updateCase } from './cases';
import { type MessageStartContext, startByMessage, type StartedByMessage } from './messageStarts';

/** Element ids of a model that catch message `name` (intermediate catch events and receive tasks). */
export function catchingElements(model: ExecutableModel, name: string): string[] {
  return Object.values(model.nodes)
    .filter((n) => (n.kind === 'intermediateCatchEvent' || n.kind === 'receiveTask') && n.eventDefinition?.kind === 'message' && n.eventDefinition.message.name === name)
    .map((n) => n.id);
}

/** Versions are immutable, so which elements catch which message is cached per (key, version, name). */
const cache = new Map<string, string[]>();

async function catchersOf(key: string, version: number, name: string): Promise<string[]> {
  const id = JSON.stringify([key, version, name]);
  let ids = cache.get(id);
  if (!ids) {
    const row = await DefinitionVersion.findOne({ key, version }).select({ modelJson: 1 }).lean();
    ids = row ? catchingElements(JSON.parse(row.modelJson) as ExecutableModel, name) : [];
    cache.set(id, ids);
  }
  return ids;
}

/** What a correlation did: the waiting cases it reached, or else the cases its message start events started. */
export interface CorrelationResult {
  name: string;
  correlationKey: string;
  correlated: Array<{ id: string; status: CaseStateView['status'] }>;
  started: StartedByMessage[];
  /** Cases of this correlation key a message start event already started and that still run, so none was started (Camunda 8). */
  running: string[];
}

/**
 * Delivers a message to every case in the caller's scope that waits for it. Candidates come from the summary read
 * model (running cases whose summary lists `name` among the messages they may wait for — boundary events, event
 * subprocesses and event-based gateways included — or, for rows written before that list, whose current elements
 * include an element catching `name`); each candidate's workflow then
 * decides through the correlateMessage update, whose validator refuses (without recording anything) when the
 * correlation key does not match. When no case took it, the message start events of that name start cases
 * (messageStarts.ts). Neither is a 404.
 */
export async function correlateMessage(
  client: Client,
  user: Principal,
  message: { name: string; correlationKey: string; variables: Record<string, unknown> },
  context: MessageStartContext,
): Promise<CorrelationResult> {
  const running = await Instance.find({ ...instanceScope(user), status: { $in: ['running', 'incident'] } })
    .select({ definitionKey: 1, definitionVersion: 1, currentElements: 1, waitingMessages: 1 })
    .lean();
  const candidates: string[] = [];
  for (const row of running) {
    if (row.waitingMessages?.includes(message.name)) {
      candidates.push(row._id);
      continue;
    }
    const catchers = await catchersOf(row.definitionKey, row.definitionVersion, message.name);
    if (catchers.some((id) => row.currentElements?.includes(id))) candidates.push(row._id);
  }
  const correlated: CorrelationResult['correlated'] = [];
  for (const id of candidates) {
    try {
      const state = await updateCase(client, id, correlateMessageUpdate, { ...message, actor: user.username });
      correlated.push({ id, status: state.status });
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'not-found')) continue;
      throw error;
    }
  }
  const result: CorrelationResult = { name: message.name, correlationKey: message.correlationKey, correlated, started: [], running: [] };
  if (correlated.length > 0) return result;
  Object.assign(result, await startByMessage(client, user, message, context));
  if (result.started.length === 0 && result.running.length === 0) {
    throw new DomainError('not-found', 'no-waiting-case', `no case in your streets waits for message "${message.name}" with correlation key "${message.correlationKey}", and no process starts on it`);
  }
  return result;
}
