// Waiting for something from outside: messages (receive task, message catch) and timers.
import type { Runtime } from '../interpreter/runtime';
import { IncidentSignal } from '../interpreter/runtime';
import type { MessageDefinition, ModelNode, TimerDefinition } from '../model';
import type { Token } from '../interpreter/types';
import { dueAt } from '../../timers';
import { waitIdOf } from '../../../contracts/ids';

/** Subscribes the token to a message by name and correlation key (evaluated now, as Camunda 8 does). */
export function awaitMessage(rt: Runtime, token: Token, node: ModelNode, message: MessageDefinition): void {
  const key = message.correlationKey ? rt.evaluate(message.correlationKey, rt.contextOf(token)) : '';
  if (key === null || key === undefined || (typeof key !== 'string' && typeof key !== 'number')) {
    throw new IncidentSignal('expression', `correlation key of <${node.id}> must be a string or number, got ${JSON.stringify(key)}`);
  }
  rt.wait(waitIdOf(token.id, 'msg'), { kind: 'message', tokenId: token.id, name: message.name, correlationKey: String(key) });
}

/** Arms a Temporal timer for the token. */
export function awaitTimer(rt: Runtime, token: Token, node: ModelNode, timer: TimerDefinition): void {
  const value = rt.evaluate(timer.value, rt.contextOf(token));
  if (typeof value !== 'string') throw new IncidentSignal('expression', `timer of <${node.id}> must be an ISO 8601 text, got ${JSON.stringify(value)}`);
  let due: string;
  try {
    due = dueAt(timer.type, value, rt.at);
  } catch (error) {
    throw new IncidentSignal('expression', `timer of <${node.id}>: ${(error as Error).message}`);
  }
  const waitId = waitIdOf(token.id, 'timer');
  rt.wait(waitId, { kind: 'timer', tokenId: token.id, dueAt: due });
  rt.emit({ type: 'startTimer', waitId, elementId: node.id, dueAt: due, delayMs: Math.max(0, Date.parse(due) - Date.parse(rt.at)) });
}
