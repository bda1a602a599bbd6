// The interpreter: a deterministic function of (model, state, event) -> (state, commands, audit entries).
// A step updates the state it is given in place (the caller gives the previous state up), so a step costs what it
// touches, not the size of the case; a refused event changes nothing.
import { jsonSha256 } from '../hash';
import { behaviours } from '../elements';
import { throwError } from '../elements/catching';
import { activateProcess } from '../elements/process';
import { endChildBatch } from '../elements/childBatches';
import { endChild } from '../elements/childCases';
import { changeClock, updateCalendar } from '../elements/clockChanges';
import { broadcastSignal } from '../elements/signals';
import type { ExecutableModel } from '../model';
import { own } from './own';
import { DEFAULT_LIMITS, type EngineLimits, IncidentSignal, Runtime } from './runtime';
import { withdrawAll } from './subscriptions';
import { dropJoinsOf } from './joins';
import { recordBytes, type VariableChange } from './scopeVariables';
import { calendarRejectionOf, legalTimeRejectionOf } from './legalTimeRejections';
import { changeHolder, holderRejectionOf, isHolderEvent } from './taskHolders';
import { setVariables, variablesSetRejectionOf } from './variableUpdates';
import type { ElementInstance, EngineEvent, EngineState, StepResult, Subscription, Variables } from './types';

export { own } from './own';
export { parseKey as joinKeyParts } from './joins';
export { DEFAULT_LIMITS, type EngineLimits, MAX_RECENT } from './runtime';
export type { VariableChange };
export { type HolderEvent, holderOf } from './taskHolders';
export * from './types';

/** The state of a case before its start event: nothing has happened yet. */
export function emptyState(instanceId: string, at: string): EngineState {
  return {
    format: 2,
    status: 'running',
    instanceId,
    seq: 0,
    rootId: '',
    instances: {},
    subscriptions: {},
    joins: {},
    incidents: {},
    activeElements: {},
    variableBytes: 0,
    completed: [],
    takenFlows: [],
    startedAt: at,
  };
}

const isPlainObject = (value: unknown): value is Variables => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A variable name JavaScript objects cannot hold as a plain entry (setting it changes the object's prototype). */
const RESERVED_NAME = '__proto__';

/**
 * Why an event cannot be applied to this state, or null when it can. Update validators call this so a bad request is
 * refused before anything is recorded, and the state stays unchanged. A job's result is not judged here: a result that
 * is no object or too large becomes an incident on its element instead. With `model`, a clock change naming a clock
 * the process does not declare says so (without, it is refused as not started).
 */
export function rejectionOf(state: EngineState, event: EngineEvent, limits: EngineLimits = DEFAULT_LIMITS, model?: ExecutableModel): string | null {
  if (isHolderEvent(event)) return holderRejectionOf(state, event);
  if (event.type !== 'start' && state.status !== 'running') return `the case is ${state.status}`;
  const checked = 'variables' in event && event.type !== 'jobCompleted' && event.type !== 'jobFailed' && event.type !== 'childCompleted';
  if (checked && !isPlainObject(event.variables)) return 'variables must be a JSON object';
  if (checked && Object.hasOwn(event.variables, RESERVED_NAME)) return `variables must not be named ${RESERVED_NAME}`;
  // a variable update replaces values: its growth is judged by variablesSetRejectionOf
  if (checked && event.type !== 'variablesSet' && state.variableBytes + recordBytes(event.variables) > limits.maxVariableBytes) {
    return `variables would exceed the limit of ${limits.maxVariableBytes} bytes per case`;
  }
  switch (event.type) {
    case 'start':
      if (state.rootId) return 'the case has already started';
      return limits.legalTime && event.calendar !== undefined ? calendarRejectionOf(event.calendar, undefined) : null;
    case 'taskCompleted': {
      const task = own(state.subscriptions, event.taskId);
      if (task?.kind !== 'userTask') return `task ${event.taskId} is not open in this case`;
      // A claim accepted after the caller looked at the task wins over the completion.
      const claimedMeanwhile = event.holder !== undefined && task.holder !== null && task.holder !== event.holder;
      return claimedMeanwhile ? `task ${event.taskId} is claimed by ${task.holder}` : null;
    }
    case 'jobCompleted':
    case 'jobFailed':
      return own(state.subscriptions, event.waitId)?.kind === 'job' ? null : `nothing waits for ${event.waitId}`;
    case 'timerFired': {
      const timer = own(state.subscriptions, event.waitId);
      if (timer?.kind === 'timer' && timer.paused) return `timer ${event.waitId} is paused: a clock it reads is suspended`;
      return timer?.kind === 'timer' ? null : `nothing waits for ${event.waitId}`;
    }
    case 'messageCorrelated':
      return own(state.subscriptions, event.waitId)?.kind === 'message' ? null : `nothing waits for ${event.waitId}`;
    case 'childCompleted':
    case 'childFailed':
      return own(state.subscriptions, event.waitId)?.kind === 'child' ? null : `nothing waits for ${event.waitId}`;
    case 'childBatchCompleted':
      if (!Array.isArray(event.results)) return 'a batch of child cases reports a list of results';
      return own(state.subscriptions, event.waitId)?.kind === 'childBatch' ? null : `nothing waits for ${event.waitId}`;
    case 'incidentResolved':
      return own(state.incidents, event.incidentId) ? null : `incident ${event.incidentId} is not open in this case`;
    case 'signalBroadcast':
      if (typeof event.name !== 'string' || !event.name) return 'a signal needs a name';
      return Object.values(state.subscriptions).some((s) => s.kind === 'signal' && s.name === event.name) ? null : `nothing waits for signal ${event.name}`;
    case 'cancel':
      return event.reason.trim() ? null : 'a cancellation needs a reason';
    case 'variablesSet':
      return variablesSetRejectionOf(state, event, limits.maxVariableBytes);
    case 'clockSuspended':
    case 'clockResumed':
    case 'clockExtended':
    case 'calendarUpdated':
      return legalTimeRejectionOf(state, event, limits.legalTime, model);
  }
}

/** Applies one event to the state (in place) and runs every element instance until it waits; a refused event throws and changes nothing. */
export function step(model: ExecutableModel, state: EngineState, event: EngineEvent, limits: EngineLimits = DEFAULT_LIMITS): StepResult {
  const rejection = rejectionOf(state, event, limits, model);
  if (rejection) throw new Error(`event ${event.type} refused: ${rejection}`);
  const rt = new Runtime(model, state, behaviours, limits, event.at, 'actor' in event ? event.actor : 'system');
  apply(rt, event);
  rt.run();
  return { state, commands: rt.commands, audit: rt.audit };
}

/** The subscription `id` (checked by rejectionOf), taken off its instance, and that instance. */
function triggered(rt: Runtime, id: string): { subscription: Subscription; instance: ElementInstance } {
  const { subscription } = rt.consume(id);
  return { subscription, instance: rt.instance(subscription.instanceId) };
}

const variablesData = (variables: Variables) => ({ variables: Object.keys(variables), variablesHash: jsonSha256(variables) });

function apply(rt: Runtime, event: EngineEvent): void {
  switch (event.type) {
    case 'start': {
      // At a timer or message start event the event's variables arrive through that event (its output mappings apply).
      const root = rt.createRoot(event.startNodeId === undefined ? { ...event.variables } : {});
      if (event.startNodeId !== undefined) Object.assign(root, { startNodeId: event.startNodeId, trigger: { ...event.variables } });
      rt.state.startedAt = event.at;
      // legal time: the case computes with the calendar it is given (a newer one comes as calendarUpdated)
      const calendar = rt.limits.legalTime ? event.calendar : undefined;
      if (calendar) rt.state.calendar = calendar;
      rt.record({ kind: 'instance.started', data: { ...variablesData(event.variables), ...(calendar ? { calendarVersion: calendar.version } : {}) } });
      return activateProcess(rt, root);
    }
    case 'taskCompleted': {
      const { instance } = triggered(rt, event.taskId);
      rt.emit({ type: 'closeUserTask', taskId: event.taskId, outcome: 'completed', actor: event.actor });
      rt.record({ kind: 'task.completed', elementId: instance.elementId, tokenId: instance.id, data: { taskId: event.taskId, ...variablesData(event.variables) } });
      return rt.finish(instance, event.variables);
    }
    case 'taskClaimed':
    case 'taskUnclaimed':
    case 'taskAssigned':
      return changeHolder(rt, event);
    case 'jobCompleted': {
      const { instance } = triggered(rt, event.waitId);
      const reserved = isPlainObject(event.variables) && Object.hasOwn(event.variables, RESERVED_NAME);
      if (isPlainObject(event.variables) && !reserved) return rt.finish(instance, event.variables);
      if (reserved) return rt.raiseIncident(instance, 'jobFailed', `the job of <${instance.elementId}> returned a variable named ${RESERVED_NAME}`);
      const what = Array.isArray(event.variables) ? 'a list' : `a ${typeof event.variables}`;
      return rt.raiseIncident(instance, 'jobFailed', `the job of <${instance.elementId}> returned ${what}, not an object of variables`);
    }
    case 'jobFailed': {
      const { instance } = triggered(rt, event.waitId);
      if (event.errorCode === undefined) return rt.raiseIncident(instance, 'jobFailed', event.message);
      if (event.variables !== undefined && (!isPlainObject(event.variables) || Object.hasOwn(event.variables, RESERVED_NAME))) {
        return rt.raiseIncident(instance, 'jobFailed', `the job of <${instance.elementId}> threw error "${event.errorCode}" with variables that are no object of variables or name ${RESERVED_NAME}`);
      }
      try {
        return throwError(rt, instance, event.errorCode, event.message, event.variables);
      } catch (error) {
        if (error instanceof IncidentSignal) return rt.raiseIncident(instance, error.kind, error.message);
        throw error;
      }
    }
    case 'timerFired': {
      const fired = rt.consume(event.waitId);
      rt.record({ kind: 'timer.fired', elementId: fired.subscription.elementId, tokenId: fired.subscription.instanceId });
      return rt.trigger(fired, {});
    }
    case 'messageCorrelated': {
      const fired = rt.consume(event.waitId);
      rt.record({ kind: 'message.correlated', elementId: fired.subscription.elementId, tokenId: fired.subscription.instanceId, data: variablesData(event.variables) });
      return rt.trigger(fired, event.variables);
    }
    case 'childCompleted':
    case 'childFailed':
      return endChild(rt, event);
    case 'childBatchCompleted':
      return endChildBatch(rt, event.waitId, event.results);
    case 'signalBroadcast':
      broadcastSignal(rt, event.name, event.variables);
      return;
    case 'incidentResolved': {
      const incident = rt.state.incidents[event.incidentId];
      delete rt.state.incidents[event.incidentId];
      rt.record({ kind: 'incident.resolved', elementId: incident.elementId, tokenId: incident.tokenId, data: { incidentId: incident.id } });
      // only the process's own activation raises an incident on the root
      if (incident.tokenId === rt.state.rootId) return activateProcess(rt, rt.instance(rt.state.rootId));
      return rt.resolve(incident);
    }
    case 'clockSuspended':
    case 'clockResumed':
    case 'clockExtended':
      return changeClock(rt, event);
    case 'calendarUpdated':
      return updateCalendar(rt, event);
    case 'variablesSet':
      return setVariables(rt, event);
    case 'cancel': {
      const root = rt.instance(rt.state.rootId);
      for (const childId of Object.keys(root.children ?? {})) rt.terminate(rt.instance(childId), event.actor);
      dropJoinsOf(rt, root);
      withdrawAll(rt, root, event.actor);
      rt.state.status = 'cancelled';
      rt.state.cancelReason = event.reason;
      rt.state.endedAt = event.at;
      rt.record({ kind: 'instance.cancelled', data: { reason: event.reason } });
      return;
    }
  }
}
