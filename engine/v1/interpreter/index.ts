// The v1 interpreter, frozen: cases recorded before ENGINE_V2_PATCH (workflows/patches.ts) replay through it, so that
// their histories and audit chains replay to exactly what was recorded. Nothing here may change; new work is in engine/interpreter.
// It is a pure function of (model, state, event) -> (state, commands, audit entries).
import { jsonSha256 } from '../../hash';
import { behaviours } from '../elements';
import type { ExecutableModel } from '../model';
import { own } from './own';
import { DEFAULT_LIMITS, type EngineLimits, Runtime } from './runtime';
import { changeHolder, holderRejectionOf, isHolderEvent } from './taskHolders';
import type { EngineEvent, EngineState, StepResult, Token, Variables } from './types';

export { own } from './own';
export { DEFAULT_LIMITS, type EngineLimits, type VariableChange } from './runtime';
export { type HolderEvent, holderOf } from './taskHolders';
export * from './types';

/** The state of a case before its start event: nothing has happened yet. */
export function emptyState(instanceId: string, at: string): EngineState {
  return {
    status: 'running',
    instanceId,
    seq: 0,
    rootScopeId: '',
    tokens: {},
    scopes: {},
    waits: {},
    joins: {},
    incidents: {},
    completed: [],
    takenFlows: [],
    startedAt: at,
  };
}

const isPlainObject = (value: unknown): value is Variables =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A variable name JavaScript objects cannot hold as a plain entry (setting it changes the object's prototype). */
const RESERVED_NAME = '__proto__';

/** Whether the case has this incident open; cases recorded before the bounds (`limits.bounded` false) read it as they did. */
const hasIncident = (state: EngineState, id: string, limits: EngineLimits) =>
  limits.bounded ? own(state.incidents, id) !== undefined : Boolean(state.incidents[id]);

/**
 * Why an event cannot be applied to this state, or null when it can. Update validators call this so a bad
 * request is refused before anything is recorded, and the state stays unchanged. A job's result is not
 * judged here: a result that is no object or too large becomes an incident on its element instead.
 */
export function rejectionOf(state: EngineState, event: EngineEvent, limits: EngineLimits = DEFAULT_LIMITS): string | null {
  if (isHolderEvent(event)) return holderRejectionOf(state, event);
  if (event.type !== 'start' && state.status !== 'running') return `the case is ${state.status}`;
  const checked = 'variables' in event && event.type !== 'jobCompleted';
  if (checked && !isPlainObject(event.variables)) return 'variables must be a JSON object';
  if (checked && limits.bounded && Object.hasOwn(event.variables, RESERVED_NAME)) return `variables must not be named ${RESERVED_NAME}`;
  if (checked) {
    const size = JSON.stringify(event.variables).length + Object.values(state.scopes).reduce((n, s) => n + JSON.stringify(s.variables).length, 0);
    if (size > limits.maxVariableBytes) return `variables would exceed the limit of ${limits.maxVariableBytes} bytes per case`;
  }
  switch (event.type) {
    case 'start':
      return Object.keys(state.tokens).length > 0 || state.rootScopeId ? 'the case has already started' : null;
    case 'taskCompleted': {
      const wait = own(state.waits, event.taskId);
      if (wait?.kind !== 'userTask') return `task ${event.taskId} is not open in this case`;
      // A claim accepted after the caller looked at the task wins over the completion.
      const claimedMeanwhile = event.holder !== undefined && wait.holder !== null && wait.holder !== event.holder;
      return claimedMeanwhile ? `task ${event.taskId} is claimed by ${wait.holder}` : null;
    }
    case 'jobCompleted':
    case 'jobFailed':
    case 'timerFired':
    case 'messageCorrelated':
      return own(state.waits, event.waitId) ? null : `nothing waits for ${event.waitId}`;
    case 'incidentResolved':
      return hasIncident(state, event.incidentId, limits) ? null : `incident ${event.incidentId} is not open in this case`;
    case 'cancel':
      return event.reason.trim() ? null : 'a cancellation needs a reason';
  }
}

/** Applies one event to a copy of the state and runs every token until it waits; the input state is not changed. */
export function step(model: ExecutableModel, previous: EngineState, event: EngineEvent, limits: EngineLimits = DEFAULT_LIMITS): StepResult {
  const rejection = rejectionOf(previous, event, limits);
  if (rejection) throw new Error(`event ${event.type} refused: ${rejection}`);
  const state = JSON.parse(JSON.stringify(previous)) as EngineState;
  const rt = new Runtime(model, state, behaviours, limits, event.at, 'actor' in event ? event.actor : 'system');
  apply(rt, event);
  rt.run();
  return { state, commands: rt.commands, audit: rt.audit };
}

function tokenWaitingFor(rt: Runtime, waitId: string): Token {
  const wait = own(rt.state.waits, waitId);
  const token = wait && own(rt.state.tokens, wait.tokenId);
  if (!token) throw new Error(`nothing waits for ${waitId}`);
  delete rt.state.waits[waitId];
  return token;
}

function apply(rt: Runtime, event: EngineEvent): void {
  switch (event.type) {
    case 'start': {
      const root = rt.createScope(null, null, null, { ...event.variables });
      rt.state.rootScopeId = root.id;
      rt.state.startedAt = event.at;
      rt.record({ kind: 'instance.started', data: { variables: Object.keys(event.variables), variablesHash: jsonSha256(event.variables) } });
      for (const id of rt.model.startNodeIds) rt.spawn(id, root.id);
      return;
    }
    case 'taskCompleted': {
      const token = tokenWaitingFor(rt, event.taskId);
      rt.emit({ type: 'closeUserTask', taskId: event.taskId, outcome: 'completed', actor: event.actor });
      rt.record({ kind: 'task.completed', elementId: token.nodeId, tokenId: token.id, data: { taskId: event.taskId, variables: Object.keys(event.variables), variablesHash: jsonSha256(event.variables) } });
      return rt.finish(token, event.variables);
    }
    case 'taskClaimed':
    case 'taskUnclaimed':
    case 'taskAssigned':
      return changeHolder(rt, event);
    case 'jobCompleted': {
      const token = tokenWaitingFor(rt, event.waitId);
      const reserved = rt.limits.bounded && isPlainObject(event.variables) && Object.hasOwn(event.variables, RESERVED_NAME);
      if (isPlainObject(event.variables) && !reserved) return rt.finish(token, event.variables);
      if (reserved) return rt.raiseIncident(token, 'jobFailed', `the job of <${token.nodeId}> returned a variable named ${RESERVED_NAME}`);
      const what = Array.isArray(event.variables) ? 'a list' : `a ${typeof event.variables}`;
      return rt.raiseIncident(token, 'jobFailed', `the job of <${token.nodeId}> returned ${what}, not an object of variables`);
    }
    case 'jobFailed': {
      const token = tokenWaitingFor(rt, event.waitId);
      return rt.raiseIncident(token, 'jobFailed', event.message);
    }
    case 'timerFired': {
      const token = tokenWaitingFor(rt, event.waitId);
      rt.record({ kind: 'timer.fired', elementId: token.nodeId, tokenId: token.id });
      return rt.finish(token, {});
    }
    case 'messageCorrelated': {
      const token = tokenWaitingFor(rt, event.waitId);
      rt.record({
        kind: 'message.correlated',
        elementId: token.nodeId,
        tokenId: token.id,
        data: { variables: Object.keys(event.variables), variablesHash: jsonSha256(event.variables) },
      });
      return rt.finish(token, event.variables);
    }
    case 'incidentResolved': {
      // step() checked that the incident is open (as an own entry when bounded; as cases before the bounds read it otherwise).
      const incident = rt.state.incidents[event.incidentId];
      delete rt.state.incidents[event.incidentId];
      rt.record({ kind: 'incident.resolved', elementId: incident.elementId, tokenId: incident.tokenId, data: { incidentId: incident.id } });
      return rt.resolve(incident);
    }
    case 'cancel': {
      rt.clearScope(rt.state.rootScopeId, event.actor);
      rt.state.status = 'cancelled';
      rt.state.cancelReason = event.reason;
      rt.state.endedAt = event.at;
      rt.record({ kind: 'instance.cancelled', data: { reason: event.reason } });
      return;
    }
  }
}
