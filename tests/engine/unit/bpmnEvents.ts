// Diagram builders for the event kinds of engine part 2 (issue 12): event definitions, boundary events, catch and throw
// events with any definition, event subprocesses. Used with bpmn.ts (`bpmn()` emits the errors, signals … they define).
import { defineMessage, defineRoot, esc } from './bpmn';

/** A timer definition: a duration (`PT1H`), a date or a cycle (`R3/PT1H`). */
export const timerDef = (type: 'duration' | 'date' | 'cycle', value: string): string => {
  const tag = { duration: 'timeDuration', date: 'timeDate', cycle: 'timeCycle' }[type];
  return `<bpmn:timerEventDefinition><bpmn:${tag} xsi:type="bpmn:tFormalExpression">${esc(value)}</bpmn:${tag}></bpmn:timerEventDefinition>`;
};

/** A message definition for message `name` correlated by the FEEL `correlationKey`. */
export const messageDef = (name: string, correlationKey: string): string => `<bpmn:messageEventDefinition messageRef="${defineMessage(name, correlationKey)}" />`;

/** An error definition; without a code it catches every error (or, thrown, is refused by the compiler). */
export const errorDef = (code?: string): string =>
  code === undefined ? '<bpmn:errorEventDefinition />' : `<bpmn:errorEventDefinition errorRef="${defineRoot(`Err_${esc(code)}`, `<bpmn:error id="Err_${esc(code)}" name="${esc(code)}" errorCode="${esc(code)}" />`)}" />`;

/** An escalation definition; without a code it catches every escalation. */
export const escalationDef = (code?: string): string =>
  code === undefined
    ? '<bpmn:escalationEventDefinition />'
    : `<bpmn:escalationEventDefinition escalationRef="${defineRoot(`Esc_${esc(code)}`, `<bpmn:escalation id="Esc_${esc(code)}" name="${esc(code)}" escalationCode="${esc(code)}" />`)}" />`;

/** A signal definition for signal `name`. */
export const signalDef = (name: string): string =>
  `<bpmn:signalEventDefinition signalRef="${defineRoot(`Sig_${esc(name)}`, `<bpmn:signal id="Sig_${esc(name)}" name="${esc(name)}" />`)}" />`;

/** A link definition named `name`. */
export const linkDef = (name: string): string => `<bpmn:linkEventDefinition name="${esc(name)}" />`;

/** A boundary event on `attachedTo` with `definition`; non-interrupting when `interrupting` is false. */
export const boundary = (id: string, attachedTo: string, definition: string, interrupting = true): string =>
  `<bpmn:boundaryEvent id="${esc(id)}" attachedToRef="${esc(attachedTo)}"${interrupting ? '' : ' cancelActivity="false"'}>${definition}</bpmn:boundaryEvent>`;

/** An intermediate catch event with `definition`. */
export const catchEvent = (id: string, definition: string): string => `<bpmn:intermediateCatchEvent id="${esc(id)}">${definition}</bpmn:intermediateCatchEvent>`;

/** An intermediate throw event with `definition`. */
export const throwEvent = (id: string, definition: string): string => `<bpmn:intermediateThrowEvent id="${esc(id)}">${definition}</bpmn:intermediateThrowEvent>`;

/** An end event with `definition`. */
export const endWith = (id: string, definition: string): string => `<bpmn:endEvent id="${esc(id)}">${definition}</bpmn:endEvent>`;

/** An event subprocess's start event with `definition`; non-interrupting when `interrupting` is false. */
export const eventStart = (id: string, definition: string, interrupting = true): string =>
  `<bpmn:startEvent id="${esc(id)}"${interrupting ? '' : ' isInterrupting="false"'}>${definition}</bpmn:startEvent>`;

/** An event subprocess holding `elements` (its event start event, flows, …). */
export const eventSubProcess = (id: string, elements: string[]): string => `<bpmn:subProcess id="${esc(id)}" triggeredByEvent="true">${elements.join('')}</bpmn:subProcess>`;

/** A receive task waiting for message `name` correlated by `correlationKey`. */
export const receiveTask = (id: string, name: string, correlationKey: string): string => `<bpmn:receiveTask id="${esc(id)}" messageRef="${defineMessage(name, correlationKey)}" />`;
