// Subscribing an element instance to a timer or a message, as catch events and receive tasks do.
import { waitIdOf } from '../../contracts/ids';
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import type { ElementInstance } from '../interpreter/types';
import type { MessageDefinition, ModelNode, TimerDefinition } from '../model';
import { dueAt } from '../timers';

/** Subscribes the instance to a message by name and correlation key (evaluated now, as Camunda 8 does). */
export function awaitMessage(rt: Runtime, instance: ElementInstance, node: ModelNode, message: MessageDefinition): void {
  const key = message.correlationKey ? rt.evaluate(message.correlationKey, rt.contextOf(instance)) : '';
  if (key === null || key === undefined || (typeof key !== 'string' && typeof key !== 'number')) {
    throw new IncidentSignal('expression', `correlation key of <${node.id}> must be a string or number, got ${JSON.stringify(key)}`);
  }
  rt.subscribe(waitIdOf(instance.id, 'msg'), { kind: 'message', instanceId: instance.id, elementId: node.id, name: message.name, correlationKey: String(key) });
}

/** Arms a Temporal timer for the instance. */
export function awaitTimer(rt: Runtime, instance: ElementInstance, node: ModelNode, timer: TimerDefinition): void {
  const value = rt.evaluate(timer.value, rt.contextOf(instance));
  if (typeof value !== 'string') throw new IncidentSignal('expression', `timer of <${node.id}> must be an ISO 8601 text, got ${JSON.stringify(value)}`);
  let due: string;
  try {
    due = dueAt(timer.type, value, rt.at);
  } catch (error) {
    throw new IncidentSignal('expression', `timer of <${node.id}>: ${(error as Error).message}`);
  }
  const waitId = waitIdOf(instance.id, 'timer');
  rt.subscribe(waitId, { kind: 'timer', instanceId: instance.id, elementId: node.id, dueAt: due });
  rt.emit({ type: 'startTimer', waitId, elementId: node.id, dueAt: due, delayMs: Math.max(0, Date.parse(due) - Date.parse(rt.at)) });
}
