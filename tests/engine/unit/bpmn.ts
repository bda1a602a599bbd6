// A tiny BPMN XML builder for the unit specs: each helper returns one XML fragment; `bpmn()` wraps them in a process.
// Values are attribute-escaped; FEEL expressions are written as in the modeler (`=amount > 10`).

/** Escapes a value for an XML attribute or text node. */
export const esc = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Input and output mappings of an element: `{ target: '=source' }`. */
export interface IoMappings {
  inputs?: Record<string, string>;
  outputs?: Record<string, string>;
}

const ioMapping = ({ inputs = {}, outputs = {} }: IoMappings): string => {
  const lines = [
    ...Object.entries(inputs).map(([target, source]) => `<zeebe:input source="${esc(source)}" target="${esc(target)}" />`),
    ...Object.entries(outputs).map(([target, source]) => `<zeebe:output source="${esc(source)}" target="${esc(target)}" />`),
  ];
  return lines.length ? `<zeebe:ioMapping>${lines.join('')}</zeebe:ioMapping>` : '';
};

const extensions = (...parts: string[]): string => {
  const body = parts.filter(Boolean).join('');
  return body ? `<bpmn:extensionElements>${body}</bpmn:extensionElements>` : '';
};

/** Messages referenced by message catch events, collected while a diagram is built (emitted by `bpmn()`). */
let messages: Map<string, string> = new Map();

/** Other root elements (errors, escalations, signals) referenced while a diagram is built, by id (emitted by `bpmn()`). */
let roots: Map<string, string> = new Map();

/** Registers a root element (`<bpmn:error …/>` …) for the diagram being built; returns its id. */
export function defineRoot(id: string, xml: string): string {
  roots.set(id, xml);
  return id;
}

/** Registers message `name` correlated by `correlationKey` for the diagram being built; returns its id. */
export function defineMessage(name: string, correlationKey: string): string {
  messages.set(name, correlationKey);
  return `Msg_${esc(name)}`;
}

/** A whole diagram: one executable process `processId` holding `elements`, plus the messages they reference. */
export function bpmn(elements: string[], processId = 'p'): string {
  const defs = [...messages.entries()].map(
    ([name, key]) =>
      `<bpmn:message id="Msg_${esc(name)}" name="${esc(name)}"><bpmn:extensionElements><zeebe:subscription correlationKey="${esc(key)}" /></bpmn:extensionElements></bpmn:message>`,
  );
  defs.push(...roots.values());
  messages = new Map();
  roots = new Map();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">',
    ...defs,
    `<bpmn:process id="${esc(processId)}" isExecutable="true">`,
    ...elements,
    '</bpmn:process>',
    '</bpmn:definitions>',
  ].join('\n');
}

/** A none start event. */
export const startEvent = (id: string): string => `<bpmn:startEvent id="${esc(id)}" />`;

/** A none end event. */
export const endEvent = (id: string): string => `<bpmn:endEvent id="${esc(id)}" />`;

/** A terminate end event. */
export const terminateEnd = (id: string): string =>
  `<bpmn:endEvent id="${esc(id)}"><bpmn:terminateEventDefinition /></bpmn:endEvent>`;

/** An undefined task (passes at once), optionally with mappings and a default flow. */
export const task = (id: string, io: IoMappings & { default?: string } = {}): string =>
  `<bpmn:task id="${esc(id)}"${io.default ? ` default="${esc(io.default)}"` : ''}>${extensions(ioMapping(io))}</bpmn:task>`;

/** A service task running job type `type`. */
export const serviceTask = (id: string, type: string, io: IoMappings & { retries?: number } = {}): string =>
  `<bpmn:serviceTask id="${esc(id)}">${extensions(
    `<zeebe:taskDefinition type="${esc(type)}"${io.retries !== undefined ? ` retries="${io.retries}"` : ''} />`,
    ioMapping(io),
  )}</bpmn:serviceTask>`;

/** A user task (Camunda user task), optionally with an assignee and mappings. */
export const userTask = (id: string, io: IoMappings & { assignee?: string } = {}): string =>
  `<bpmn:userTask id="${esc(id)}">${extensions(
    '<zeebe:userTask />',
    io.assignee ? `<zeebe:assignmentDefinition assignee="${esc(io.assignee)}" />` : '',
    ioMapping(io),
  )}</bpmn:userTask>`;

/** A script task: `resultVariable` receives the FEEL `expression`. */
export const scriptTask = (id: string, expression: string, resultVariable: string, io: IoMappings = {}): string =>
  `<bpmn:scriptTask id="${esc(id)}">${extensions(
    `<zeebe:script expression="${esc(expression)}" resultVariable="${esc(resultVariable)}" />`,
    ioMapping(io),
  )}</bpmn:scriptTask>`;

/** An intermediate timer catch event waiting an ISO 8601 duration (`PT1H`) or a FEEL expression. */
export const timerCatch = (id: string, duration: string): string =>
  `<bpmn:intermediateCatchEvent id="${esc(id)}"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${esc(duration)}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;

/** An intermediate message catch event for message `name`, correlated by the FEEL `correlationKey`. */
export const messageCatch = (id: string, name: string, correlationKey: string, io: IoMappings = {}): string => {
  messages.set(name, correlationKey);
  return `<bpmn:intermediateCatchEvent id="${esc(id)}">${extensions(ioMapping(io))}<bpmn:messageEventDefinition messageRef="Msg_${esc(name)}" /></bpmn:intermediateCatchEvent>`;
};

/** A gateway of the given kind, optionally naming its default flow. */
export const gateway = (kind: 'exclusive' | 'parallel' | 'inclusive' | 'eventBased', id: string, defaultFlow?: string): string =>
  `<bpmn:${kind}Gateway id="${esc(id)}"${defaultFlow ? ` default="${esc(defaultFlow)}"` : ''} />`;

/** An embedded subprocess holding `elements` (its own start event, flows, …), with optional mappings. */
export const subProcess = (id: string, elements: string[], io: IoMappings = {}): string =>
  `<bpmn:subProcess id="${esc(id)}">${extensions(ioMapping(io))}${elements.join('')}</bpmn:subProcess>`;

/** A sequence flow `id` from `source` to `target`, with an optional FEEL condition (`=x > 1`). */
export const flow = (id: string, source: string, target: string, condition?: string): string =>
  condition === undefined
    ? `<bpmn:sequenceFlow id="${esc(id)}" sourceRef="${esc(source)}" targetRef="${esc(target)}" />`
    : `<bpmn:sequenceFlow id="${esc(id)}" sourceRef="${esc(source)}" targetRef="${esc(target)}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>`;

/** Unconditional flows along a path of element ids, each named `<source>_<target>` (`chain('Start', 'A', 'End')`). */
export const chain = (...ids: string[]): string[] => ids.slice(1).map((target, i) => flow(`${ids[i]}_${target}`, ids[i], target));
