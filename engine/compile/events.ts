// Event definitions of events (none, terminate, timer, message) and the messages that catch events wait for.
import type { EventDefinition, MessageDefinition } from '../model';
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
};

/** Camunda 8: an intermediate timer catch event waits for a duration or until a date, never for a cycle. */
const CATCH_TIMER_TYPES = ['duration', 'date'] as const;

/**
 * Reads the event definition of `event`, allowing only the `allowed` kinds for this event type; anything else
 * (signal, error, escalation, link, compensation, conditional, several definitions) is a problem and gives undefined.
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
    diagnostics.problem('event-definition-missing', `${describe(event)} has no event definition (expected ${allowed.join(' or ')})`, event.id);
    return undefined;
  }
  const kind = KINDS[definition.$type];
  if (kind === undefined || !allowed.includes(kind)) {
    const name = localType(definition).replace(/EventDefinition$/, '');
    diagnostics.problem('unsupported-event-definition', `${describe(event)} with a ${name} event definition is not supported yet`, event.id);
    return undefined;
  }
  switch (kind) {
    case 'terminate':
      return { kind };
    case 'timer': {
      const timer = readTimer(definition, event, CATCH_TIMER_TYPES, diagnostics);
      return timer && { kind, timer };
    }
    case 'message': {
      const message = event.$type === 'bpmn:IntermediateCatchEvent'
        ? readCaughtMessage(child(definition, 'messageRef'), event, diagnostics)
        : readThrownMessage(child(definition, 'messageRef'), event, diagnostics);
      return message && { kind, message };
    }
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
