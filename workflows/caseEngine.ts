// Which interpreter runs a case: engine/interpreter (state format 2) for cases started since ENGINE_V2_PATCH, the frozen
// engine/v1 for cases recorded before it, so their histories and audit chains replay to exactly what was recorded.
// Everything the workflow does with the engine state goes through here and is chosen by the state's format.
import * as current from '../engine/interpreter';
import * as v1 from '../engine/v1/interpreter';
import type { ExecutableModel } from '../engine/model';
import type { ExecutableModel as V1Model } from '../engine/v1/model';

/** A case's engine state, in either format. */
export type CaseState = current.EngineState | v1.EngineState;

/** Whether the state is of the current interpreter. */
const isCurrent = (state: CaseState): state is current.EngineState => (state as current.EngineState).format === 2;

/** Whether the state is of the current interpreter (format 2), as a continued run carries it. */
export const isCurrentState = isCurrent;

/** The state before the start event: of the current interpreter, or of v1 when replaying a case recorded before it. */
export const emptyCaseState = (useCurrent: boolean, instanceId: string, at: string): CaseState =>
  useCurrent ? current.emptyState(instanceId, at) : v1.emptyState(instanceId, at);

/** The current interpreter's events v1 does not know: signals, child cases, legal time, variable updates. */
const NOT_V1: ReadonlySet<string> = new Set(['signalBroadcast', 'childCompleted', 'childFailed', 'childBatchCompleted', 'clockSuspended', 'clockResumed', 'clockExtended', 'calendarUpdated', 'variablesSet']);

/** An event v1 knows (it has no signals, no child cases and no legal time); the current interpreter's other events are v1's. */
const isV1Event = (event: current.EngineEvent): event is v1.EngineEvent => !NOT_V1.has(event.type);

/** Applies one event with the case's interpreter (v1 is given only events it knows: caseRejectionOf refuses the others). */
export function stepCase(model: ExecutableModel, state: CaseState, event: current.EngineEvent, limits: current.EngineLimits): { state: CaseState; commands: current.Command[]; audit: current.AuditEntry[] } {
  if (isCurrent(state)) return current.step(model, state, event, limits);
  if (!isV1Event(event)) throw new Error(`event ${event.type} refused: the case runs on engine v1`);
  return v1.step(model as unknown as V1Model, state, event, limits);
}

/** Why the case's interpreter refuses the event, or null. */
export function caseRejectionOf(state: CaseState, event: current.EngineEvent, limits: current.EngineLimits): string | null {
  if (isCurrent(state)) return current.rejectionOf(state, event, limits);
  return isV1Event(event) ? v1.rejectionOf(state, event, limits) : 'the case runs on engine v1, which has no signals, child cases, legal time or variable updates';
}

/** Who holds the open task `taskId` (null: no one, or not open). */
export const caseHolderOf = (state: CaseState, taskId: unknown): string | null => (isCurrent(state) ? current.holderOf(state, taskId) : v1.holderOf(state, taskId));

/** The subscription (wait) id of the message `name` with `correlationKey`, if an element waits for it. */
export function messageWaitOf(state: CaseState, name: string, correlationKey: string): string | undefined {
  const waits: Record<string, { kind: string; name?: string; correlationKey?: string }> = isCurrent(state) ? state.subscriptions : state.waits;
  for (const [id, wait] of Object.entries(waits)) if (wait.kind === 'message' && wait.name === name && wait.correlationKey === correlationKey) return id;
  return undefined;
}

/**
 * Since when the case waits for message `name` with `correlationKey`: the earliest entry time of an element instance
 * (v1: token) holding such a subscription; undefined when none does. Scans the subscriptions (a query, not a step).
 */
export function messageWaitSince(state: CaseState, name: string, correlationKey: string): string | undefined {
  let since: string | undefined;
  const consider = (at: string | undefined) => {
    if (at !== undefined && (since === undefined || at < since)) since = at;
  };
  if (isCurrent(state)) {
    for (const s of Object.values(state.subscriptions)) {
      if (s.kind === 'message' && s.name === name && s.correlationKey === correlationKey) consider(current.own(state.instances, s.instanceId)?.enteredAt);
    }
  } else {
    for (const w of Object.values(state.waits)) if (w.kind === 'message' && w.name === name && w.correlationKey === correlationKey) consider(state.tokens[w.tokenId]?.enteredAt);
  }
  return since;
}

/**
 * The element instances now active: element, instance id and since when (the root of the current format and a
 * multi-instance body with inner instances excluded), and
 * each arrival waiting at a joining gateway (its id: `<container>/<gateway>:<flow>:<n>`).
 */
export function activeElementsOf(state: CaseState): Array<{ elementId: string; tokenId: string; since: string }> {
  if (!isCurrent(state)) return Object.values(state.tokens).map((t) => ({ elementId: t.nodeId, tokenId: t.id, since: t.enteredAt }));
  // a multi-instance body that holds inner instances is shown by them (each with its own task), not beside them
  const shown = (i: current.ElementInstance) => i.parentId !== null && !(i.loop && i.active);
  const instances = Object.values(state.instances).flatMap((i) => (shown(i) ? [{ elementId: i.elementId, tokenId: i.id, since: i.enteredAt }] : []));
  const joins = Object.entries(state.joins).flatMap(([key, join]) =>
    Object.entries(join.flows).flatMap(([flowId, count]) => Array.from({ length: count }, (_, n) => ({ elementId: current.joinKeyParts(key).gatewayId, tokenId: `${key}:${flowId}:${n + 1}`, since: join.since }))),
  );
  return [...instances, ...joins];
}

/** The distinct elements now active (for the summary row): read from a count per element in the current format, with joins holding arrivals. */
export function currentElementsOf(state: CaseState): string[] {
  if (!isCurrent(state)) return [...new Set(Object.values(state.tokens).map((t) => t.nodeId))];
  return [...new Set([...Object.keys(state.activeElements), ...Object.keys(state.joins).map((key) => current.joinKeyParts(key).gatewayId)])];
}

/** The ids of the open user tasks. */
export function openTasksOf(state: CaseState): string[] {
  const waits: Record<string, { kind: string; taskId?: string }> = isCurrent(state) ? state.subscriptions : state.waits;
  return Object.values(waits).flatMap((w) => (w.kind === 'userTask' && w.taskId ? [w.taskId] : []));
}

/** The process-level variables. */
export const processVariablesOf = (state: CaseState): current.Variables =>
  (isCurrent(state) ? current.own(state.instances, state.rootId)?.variables : v1.own(state.scopes, state.rootScopeId)?.variables) ?? {};
