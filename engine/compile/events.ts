// Event definitions of events (none, terminate, timer, message, error, escalation, signal, link) and the messages that
// catch events wait for.
import type { EventDefinition, MessageDefinition, TimerDefinition } from '../model';
import { readCompensation } from './compensation';
import { readError, readEscalation, readLink, readSignal } from './eventRefs';
import { checkedExpression } from './expressions';
import { child, children, describe, extension, localType, text, type BpmnElement } from './moddle';
import type { Diagnostics } from './problems';
import { readTimer } from './timers';

/** The event definition kinds of the model. */
export type EventKind = EventDefinition['kind'];

const KINDS: Record<string, Exclude<EventKind, 'none'>> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CompensateEventDefinition': 'compensation',
};

/** Camunda 8: a timer waits for a duration or until a date; only a non-interrupting boundary or event-subprocess start timer may repeat (cycle). */
const ONCE: readonly TimerDefinition['type'][] = ['duration', 'date'];
const REPEATING: readonly TimerDefinition['type'][] = ['duration', 'date', 'cycle'];

/** True for an end or intermediate throw event (the others catch). */
export function isThrowing(event: BpmnElement): boolean {
  return event.$type === 'bpmn:EndEvent' || event.$type === 'bpmn:IntermediateThrowEvent';
}

/** Whether a boundary event (cancelActivity) or start event (isInterrupting) interrupts; BPMN's default is true. */
export function isInterrupting(event: BpmnElement): boolean {
  if (event.$type === 'bpmn:BoundaryEvent') return event.cancelActivity !== false;
  return event.isInterrupting !== false;
}

/**
 * Reads the event definition of `event`, allowing only the `allowed` kinds for this event type; anything else
 * (compensation, conditional, cancel, several definitions) is a problem and gives undefined, as is a non-interrupting
 * error event (Camunda 8: an error always interrupts).
 */
export function readEventDefinition(event: BpmnElement, allowed: readonly EventKind[], diagnostics: Diagnostics): EventDefinition | undefined {
  const definitions = children(event, 'eventDefinitions');
  if (definitions.length > 1) {
    diagnostics.problem('unsupported-event-definition', `${describe(event)} has several event definitions, which is not supported yet`, event.id);
    return undefined;
  }
  const definition = definitions[0];
  if (!definition) {
    if (allowed.includes('none')) return { kind: 'none' };
    diagnostics.problem('event-definition-missing', `${describe(event)} has no event definition (expected ${alternatives(allowed)})`, event.id);
    return undefined;
  }
  const kind = KINDS[definition.$type];
  if (kind === undefined || !allowed.includes(kind)) {
    const name = localType(definition).replace(/EventDefinition$/, '');
    diagnostics.problem('unsupported-event-definition', `${describe(event)} with a ${name} event definition is not supported yet`, event.id);
    return undefined;
  }
  const throwing = isThrowing(event);
  switch (kind) {
    case 'terminate':
      return { kind };
    case 'timer': {
      const intermediate = event.$type === 'bpmn:IntermediateCatchEvent';
      const repeats = !intermediate && !isInterrupting(event);
      const timer = readTimer(definition, event, repeats ? REPEATING : ONCE, diagnostics, intermediate ? 'this event' : 'an interrupting event');
      return timer && { kind, timer };
    }
    case 'message': {
      const message = throwing
        ? readThrownMessage(child(definition, 'messageRef'), event, diagnostics)
        : readCaughtMessage(child(definition, 'messageRef'), event, diagnostics);
      return message && { kind, message };
    }
    case 'error':
      if (!throwing && !isInterrupting(event)) {
        diagnostics.problem('error-invalid', `${describe(event)} is a non-interrupting error event; an error event always interrupts (Camunda 8)`, event.id);
        return undefined;
      }
      return readError(definition, event, throwing, diagnostics);
    case 'escalation':
      return readEscalation(definition, event, throwing, diagnostics);
    case 'signal':
      return readSignal(definition, event, diagnostics);
    case 'link':
      return readLink(definition, event, diagnostics);
    case 'compensation':
      return readCompensation(definition, event, throwing, diagnostics);
  }
}

/** Reads the message a catch event or receive task waits for: a static name and a zeebe:subscription correlationKey are required. */
export function readCaughtMessage(message: BpmnElement | undefined, owner: BpmnElement, diagnostics: Diagnostics): MessageDefinition | undefined {
  const name = message && text(message, 'name')?.trim();
  const subscription = message && extension(message, 'zeebe:Subscription');
  const correlationKey = (subscription && text(subscription, 'correlationKey'))?.trim();
  const invalid = (reason: string) => {
    diagnostics.problem('message-invalid', `${describe(owner)} ${reason}`, owner.id);
    return undefined;
  };
  if (!message) return invalid('refers to no message (messageRef)');
  if (!name) return invalid(`waits for message <${message.id}>, which has no name`);
  if (name.startsWith('=')) return invalid(`waits for message "${name}": dynamic message names are not supported yet`);
  if (!correlationKey) return invalid(`waits for message "${name}", which has no zeebe:subscription correlationKey`);
  return { name, correlationKey: checkedExpression(correlationKey, `correlationKey of message "${name}" of ${describe(owner)}`, owner.id, diagnostics) };
}

function readThrownMessage(message: BpmnElement | undefined, owner: BpmnElement, diagnostics: Diagnostics): MessageDefinition | undefined {
  const name = (message && text(message, 'name')?.trim()) ?? '';
  if (name.startsWith('=')) {
    diagnostics.problem('message-invalid', `${describe(owner)} throws message "${name}": dynamic message names are not supported yet`, owner.id);
    return undefined;
  }
  return { name };
}

/** `a`, `a or b`, `a, b or c`. */
function alternatives(kinds: readonly string[]): string {
  return kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}` : kinds.join('');
}
