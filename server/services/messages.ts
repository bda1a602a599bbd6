// Message correlation as in Camunda 8 (docs.camunda.io, components/concepts/messages): a message reaches at most one
// waiting case per process (BPMN process id = definition key, all versions) — the one waiting longest — and every
// process that waits for it; with a time-to-live it is buffered (messageBuffer.ts) for cases that subscribe later; with
// a messageId it is published once while buffered. `broadcast` (dispatchers) keeps Sparrow's former fan-out to every
// waiting case. When no case took it, the message start events of that name start cases (messageStarts.ts).
import { type Client, QueryNotRegisteredError, WorkflowNotFoundError } from '@temporalio/client';
import type { ExecutableModel } from '../../engine/model';
import { correlateMessageUpdate, messageWaitQuery, type CaseStateView } from '../../workflows/definitions';
import { instanceScope, type Principal } from '../auth/principal';
import { DomainError } from '../../platform/errors';
import { claimForProcess, discardUncorrelated, releaseForProcess } from '../../store/messageBuffer';
import { OPEN_INSTANCE_STATUSES } from '../../store/instances';
import { DefinitionVersion, Instance } from '../../store/models';
import { caseHasEnded, updateCase } from './cases';
import { type BufferedView, bufferMessage, type PublishedMessage, refuseIfBuffered } from './messageBuffer';
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

/** A message as POST /api/messages takes it: `broadcast` delivers it to every waiting case instead of one per process. */
export interface MessageRequest extends PublishedMessage {
  broadcast?: boolean;
}

/** What a correlation did: the waiting cases it reached, or else the cases its message start events started; and whether it is buffered. */
export interface CorrelationResult {
  name: string;
  correlationKey: string;
  correlated: Array<{ id: string; status: CaseStateView['status'] }>;
  started: StartedByMessage[];
  /** Cases of this correlation key a message start event already started and that still run, so none was started (Camunda 8). */
  running: string[];
  /** Set when the message has a time-to-live: it stays buffered until then for cases that subscribe later. */
  buffered?: BufferedView;
}

/** A case that waits for the message: its process and since when it waits. */
interface WaitingCase {
  id: string;
  definitionKey: string;
  since: string;
}

/**
 * Each deployed process version's elements catching `name`, for summaries written before `waitingMessages` existed
 * (issue 12): such a case is found by its current elements. Versions are immutable, so this reads each model once.
 */
async function legacyCatchers(name: string): Promise<Array<{ definitionKey: string; elementId: string }>> {
  const versions = await DefinitionVersion.find({}, { key: 1, version: 1 }).lean();
  const pairs = await Promise.all(versions.map(async (v) => (await catchersOf(v.key, v.version, name)).map((elementId) => JSON.stringify([v.key, elementId]))));
  return [...new Set(pairs.flat())].map((pair) => {
    const [definitionKey, elementId] = JSON.parse(pair) as [string, string];
    return { definitionKey, elementId };
  });
}

/**
 * The running cases of the caller's streets whose summary says they may wait for `name` (boundary events, event
 * subprocesses and event-based gateways included; for rows written before that list, those whose current elements
 * include an element catching `name`). Each branch is an equality query FerretDB pushes down (`waitingMessages`
 * served by its PostgreSQL GIN index, store/pgIndexes.ts), not a read of every running case of the streets.
 */
async function candidatesOf(user: Principal, name: string): Promise<Array<{ id: string; definitionKey: string }>> {
  const scope = { ...instanceScope(user), status: { $in: OPEN_INSTANCE_STATUSES } };
  const branches: Record<string, unknown>[] = [{ waitingMessages: name }, ...(await legacyCatchers(name)).map((c) => ({ definitionKey: c.definitionKey, currentElements: c.elementId, waitingMessages: null }))];
  const rows = await Promise.all(
    branches.map((branch) => Instance.find({ ...scope, ...branch }).select({ definitionKey: 1, definitionVersion: 1, currentElements: 1, waitingMessages: 1 }).lean()),
  );
  const candidates = new Map<string, { id: string; definitionKey: string }>();
  for (const row of rows.flat()) {
    if (candidates.has(row._id)) continue;
    const waits = row.waitingMessages?.includes(name) || (await catchersOf(row.definitionKey, row.definitionVersion, name)).some((id) => row.currentElements?.includes(id));
    if (waits) candidates.set(row._id, { id: row._id, definitionKey: row.definitionKey });
  }
  return [...candidates.values()];
}

/** How many cases are asked at once since when they wait. */
const QUERY_BATCH = 20;

/** The candidates that do wait for the message with this correlation key (each case's messageWait query), longest waiting first. */
async function waitingCases(client: Client, candidates: Array<{ id: string; definitionKey: string }>, name: string, correlationKey: string): Promise<WaitingCase[]> {
  const waiting: WaitingCase[] = [];
  for (let i = 0; i < candidates.length; i += QUERY_BATCH) {
    const answers = await Promise.all(
      candidates.slice(i, i + QUERY_BATCH).map(async (c) => {
        try {
          const wait = await client.workflow.getHandle(c.id).query(messageWaitQuery, { name, correlationKey });
          return wait ? { ...c, since: wait.since } : null;
        } catch (error) {
          // a case that ended meanwhile waits for nothing
          if (error instanceof WorkflowNotFoundError || error instanceof QueryNotRegisteredError || (await caseHasEnded(client, c.id))) return null;
          throw error;
        }
      }),
    );
    for (const answer of answers) if (answer) waiting.push(answer);
  }
  return waiting.sort((a, b) => (a.since === b.since ? (a.id < b.id ? -1 : 1) : a.since < b.since ? -1 : 1));
}

/** Delivers the message to `id`; null when the case refuses it (it stopped waiting meanwhile) or has ended. */
async function deliver(client: Client, user: Principal, id: string, m: PublishedMessage): Promise<CorrelationResult['correlated'][number] | null> {
  try {
    const state = await updateCase(client, id, correlateMessageUpdate, { name: m.name, correlationKey: m.correlationKey, variables: m.variables, actor: user.username });
    return { id, status: state.status };
  } catch (error) {
    // refused, or ended while the message was on its way (updateCase answers case-closed then)
    if (error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'not-found')) return null;
    throw error;
  }
}

/**
 * Camunda 8's cardinality: per process, the case waiting longest takes the message (the next one if it stopped waiting
 * meanwhile). A buffered message is first marked as correlated to the process — unless a case of it took the message
 * from the buffer already — and given back when no case of the process took it after all.
 */
async function deliverOncePerProcess(client: Client, user: Principal, waiting: WaitingCase[], m: PublishedMessage, bufferedId: string | undefined): Promise<CorrelationResult['correlated']> {
  const byProcess = new Map<string, WaitingCase[]>();
  for (const c of waiting) byProcess.set(c.definitionKey, [...(byProcess.get(c.definitionKey) ?? []), c]);
  const correlated: CorrelationResult['correlated'] = [];
  for (const [definitionKey, cases] of byProcess) {
    if (bufferedId && !(await claimForProcess(bufferedId, definitionKey))) continue;
    let reached: CorrelationResult['correlated'][number] | null = null;
    try {
      for (const c of cases) if (!reached) reached = await deliver(client, user, c.id, m);
    } finally {
      if (!reached && bufferedId) await releaseForProcess(bufferedId, definitionKey);
    }
    if (reached) correlated.push(reached);
  }
  return correlated;
}

/** The opt-in broadcast: every waiting case gets the message; a buffered one counts as correlated to each process reached. */
async function deliverToEach(client: Client, user: Principal, waiting: WaitingCase[], m: PublishedMessage, bufferedId: string | undefined): Promise<CorrelationResult['correlated']> {
  const correlated: CorrelationResult['correlated'] = [];
  const reachedProcesses = new Set<string>();
  for (const c of waiting) {
    const reached = await deliver(client, user, c.id, m);
    if (reached) {
      correlated.push(reached);
      reachedProcesses.add(c.definitionKey);
    }
  }
  if (bufferedId) for (const key of reachedProcesses) await claimForProcess(bufferedId, key);
  return correlated;
}

/**
 * Publishes a message in the caller's streets (see the file comment). A message with a messageId equal to one still
 * buffered is a 409 `message-already-published`. When no case took it, the message start events of that name start
 * cases; a 404 `no-waiting-case` only when nothing took or started it and it is not buffered.
 */
export async function correlateMessage(client: Client, user: Principal, message: MessageRequest, context: MessageStartContext): Promise<CorrelationResult> {
  const { broadcast = false, ...published } = message;
  if (published.timeToLiveMs === 0) {
    await refuseIfBuffered(published);
    return publish(client, user, published, broadcast, context, undefined);
  }
  const buffered = await bufferMessage(user, published);
  try {
    return await publish(client, user, published, broadcast, context, buffered);
  } catch (error) {
    // a refused publication (variables too large for a case, a correlation key no business key) leaves nothing buffered
    await discardUncorrelated(buffered.id);
    throw error;
  }
}

/** Delivers the message (buffered already when `buffered` is set), else starts cases by it; see correlateMessage. */
async function publish(client: Client, user: Principal, published: PublishedMessage, broadcast: boolean, context: MessageStartContext, buffered: BufferedView | undefined): Promise<CorrelationResult> {
  const waiting = await waitingCases(client, await candidatesOf(user, published.name), published.name, published.correlationKey);
  const correlated = await (broadcast ? deliverToEach : deliverOncePerProcess)(client, user, waiting, published, buffered?.id);
  const result: CorrelationResult = { name: published.name, correlationKey: published.correlationKey, correlated, started: [], running: [], ...(buffered ? { buffered } : {}) };
  if (correlated.length > 0) return result;
  const claims = buffered ? { claim: (key: string) => claimForProcess(buffered.id, key), release: (key: string) => releaseForProcess(buffered.id, key) } : undefined;
  Object.assign(result, await startByMessage(client, user, published, context, claims));
  if (result.started.length === 0 && result.running.length === 0 && !buffered) {
    throw new DomainError('not-found', 'no-waiting-case', `no case in your streets waits for message "${published.name}" with correlation key "${published.correlationKey}", and no process starts on it`);
  }
  return result;
}
