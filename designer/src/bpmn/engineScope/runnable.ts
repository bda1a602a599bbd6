// What the Sparrow engine runs, beyond the element types of contracts/bpmnElements.ts: which event definitions each
// kind of event may carry where it sits, which events never interrupt softly, and what an event-based gateway may lead
// to. The lint rule and the modeler's palette, context pad and replace menu all read this one table (pure).
import { SUPPORTED_ELEMENTS } from '../../../../contracts/bpmnElements';

/** An event definition by its short name; `none` is an event without one. */
export type DefinitionName = 'none' | 'timer' | 'message' | 'error' | 'escalation' | 'signal' | 'link' | 'terminate' | 'compensate' | 'other';

/** Where an event sits, which decides what it may carry. */
export type EventPlace = 'start' | 'eventSubProcessStart' | 'intermediateCatch' | 'intermediateThrow' | 'end' | 'boundary';

const DEFINITIONS: Record<string, DefinitionName> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:CompensateEventDefinition': 'compensate',
};

/** The short name of event definition type `type` (`bpmn:TimerEventDefinition` → timer), `none` for no type. */
export const definitionName = (type: string | undefined): DefinitionName => (type === undefined ? 'none' : (DEFINITIONS[type] ?? 'other'));

/** The event definitions the engine runs at each place (Camunda 8's set minus conditional, cancel and signal starts). */
export const RUNNABLE_EVENTS: Readonly<Record<EventPlace, readonly DefinitionName[]>> = {
  start: ['none', 'timer', 'message'],
  eventSubProcessStart: ['timer', 'message', 'error', 'escalation', 'signal'],
  intermediateCatch: ['timer', 'message', 'signal', 'link'],
  intermediateThrow: ['none', 'message', 'escalation', 'signal', 'link', 'compensate'],
  end: ['none', 'terminate', 'message', 'error', 'escalation', 'signal', 'compensate'],
  boundary: ['timer', 'message', 'error', 'escalation', 'signal', 'compensate'],
};

/** Definitions whose catching events always interrupt (BPMN and Camunda 8: an error ends its scope). */
export const ALWAYS_INTERRUPTING: readonly DefinitionName[] = ['error'];

const PLACES: Record<string, EventPlace> = {
  'bpmn:StartEvent': 'start',
  'bpmn:IntermediateCatchEvent': 'intermediateCatch',
  'bpmn:IntermediateThrowEvent': 'intermediateThrow',
  'bpmn:EndEvent': 'end',
  'bpmn:BoundaryEvent': 'boundary',
};

/** The place of an event of `type` whose parent is an event subprocess (`inEventSubProcess`), or undefined for a non-event. */
export function eventPlace(type: string, inEventSubProcess: boolean): EventPlace | undefined {
  const place = PLACES[type];
  return place === 'start' && inEventSubProcess ? 'eventSubProcessStart' : place;
}

/** Whether the engine runs an event at `place` with `definition`, interrupting or not (only catching events can be non-interrupting). */
export function eventRuns(place: EventPlace, definition: DefinitionName, interrupting = true): boolean {
  if (!RUNNABLE_EVENTS[place].includes(definition)) return false;
  return interrupting || !ALWAYS_INTERRUPTING.includes(definition);
}

/** Whether the engine runs elements of `type` at all (contracts/bpmnElements.ts). */
export const typeRuns = (type: string): boolean => SUPPORTED_ELEMENTS.includes(type);

/** What an event-based gateway may lead to (Camunda 8 and the compiler): timer, message or signal catch events, not receive tasks. */
export function eventGatewayTargetRuns(type: string, definition: DefinitionName): boolean {
  return type === 'bpmn:IntermediateCatchEvent' && (definition === 'timer' || definition === 'message' || definition === 'signal');
}

/** Whether the engine runs a loop marker of `type`: multi-instance yes (parallel or sequential), standard loops no (as Camunda 8). */
export const loopRuns = (type: string): boolean => type === 'bpmn:MultiInstanceLoopCharacteristics';
