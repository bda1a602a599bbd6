// What Sparrow claims for each row and cell of Camunda 8's "BPMN coverage" page (8.8), each with the minimal diagram
// that proves it: coverage.test.ts compiles them, and docs/bpmn-coverage.md and README.md show these claims.
import type { ProblemCode, WarningCode } from '../../../engine/compile';
import { diagram, startingAt } from './harness';

/** Sparrow's status of one element: runs, refused by the compiler (with the code), or ignored with a warning. */
export type Status = { status: 'supported' } | { status: 'refused'; code: ProblemCode } | { status: 'ignored'; code: WarningCode };

/** One element of the page: whether Camunda 8 executes it (green there), Sparrow's status, and the diagram proving it. */
export interface Claim {
  camunda8: boolean;
  sparrow: Status;
  /** The element a refusal or warning must name; every problem of `xml` must name it. */
  elementId: string;
  xml: string;
  note?: string;
}

/** A row of the page outside the events table. */
export interface ElementClaim extends Claim {
  group: string;
  element: string;
}

/** The columns of the page's events table. */
export const EVENT_COLUMNS = {
  start: 'start',
  eventSubProcess: 'event subprocess',
  eventSubProcessNonInterrupting: 'event subprocess non-interrupting',
  catch: 'intermediate catch',
  boundary: 'boundary',
  boundaryNonInterrupting: 'boundary non-interrupting',
  throw: 'intermediate throw',
  end: 'end',
} as const;
/** One column of the events table. */
export type EventColumn = keyof typeof EVENT_COLUMNS;

/** A row of the events table; a column without a claim is a blank cell on the page (no such BPMN event). */
export interface EventRow {
  type: string;
  cells: Partial<Record<EventColumn, Claim>>;
  note?: string;
}

const SUPPORTED: Status = { status: 'supported' };
const refused = (code: ProblemCode): Status => ({ status: 'refused', code });
const IGNORED: Status = { status: 'ignored', code: 'ignored-element' };

const ROOTS = `<bpmn:message id="Message_1" name="withdrawn"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements></bpmn:message>
  <bpmn:error id="Error_1" errorCode="REJECTED" /><bpmn:escalation id="Escalation_1" escalationCode="LATE" /><bpmn:signal id="Signal_1" name="alarm" />`;
const JOB = '<bpmn:extensionElements><zeebe:taskDefinition type="notify" /></bpmn:extensionElements>';

/** Start -> `Element` -> End, where `element` is the XML of `Element` (an activity or event in the flow). */
const inFlow = (element: string) =>
  startingAt('Element', `${element}<bpmn:sequenceFlow id="Flow_Out" sourceRef="Element" targetRef="End" /><bpmn:endEvent id="End" />`, ROOTS);

/** Start -> subprocess `Holder` (start -> user task -> end) -> End, with `body` beside it (boundary events attach to any activity; escalation only to a subprocess). */
const besideHolder = (body: string) =>
  startingAt(
    'Holder',
    `<bpmn:subProcess id="Holder"><bpmn:startEvent id="Holder_Start" /><bpmn:sequenceFlow id="Flow_Holder_In" sourceRef="Holder_Start" targetRef="Task" /><bpmn:userTask id="Task" />
       <bpmn:sequenceFlow id="Flow_Holder_Out" sourceRef="Task" targetRef="Holder_End" /><bpmn:endEvent id="Holder_End" /></bpmn:subProcess>
     <bpmn:sequenceFlow id="Flow_Done" sourceRef="Holder" targetRef="End" /><bpmn:endEvent id="End" />${body}`,
    ROOTS,
  );

/** `besideHolder` with a compensation boundary event `eventId` on Holder, associated with its handler task `handlerId`. */
const compensable = (eventId: string, handlerId: string) =>
  besideHolder(`<bpmn:boundaryEvent id="${eventId}" attachedToRef="Holder"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
    <bpmn:task id="${handlerId}" isForCompensation="true" /><bpmn:association id="Association_Undo" sourceRef="${eventId}" targetRef="${handlerId}" />`);

/** Start -> End, with artifacts or lanes `body` beside them. */
const beside = (body: string) => startingAt('End', `<bpmn:endEvent id="End" />${body}`, ROOTS);

const claim = (camunda8: boolean, sparrow: Status, elementId: string, xml: string, note?: string): Claim => ({ camunda8, sparrow, elementId, xml, ...(note ? { note } : {}) });

const row = (group: string, element: string, camunda8: boolean, sparrow: Status, elementId: string, xml: string, note?: string): ElementClaim => ({
  group,
  element,
  ...claim(camunda8, sparrow, elementId, xml, note),
});

const TIMER = '<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>';
const CYCLE = '<bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>';
const CONDITION = '<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=overdue</bpmn:condition></bpmn:conditionalEventDefinition>';
const MULTIPLE = `<bpmn:messageEventDefinition messageRef="Message_1" /><bpmn:signalEventDefinition signalRef="Signal_1" />`;

/** The rows of the page outside the events table, in its order. */
export const ELEMENT_CLAIMS: readonly ElementClaim[] = [
  row('Participants', 'pool (participant)', true, SUPPORTED, 'Pool', diagramInPool(), 'its process runs; message flows between pools carry nothing'),
  row('Participants', 'lane', true, SUPPORTED, 'Lane', beside('<bpmn:laneSet id="Lanes"><bpmn:lane id="Lane"><bpmn:flowNodeRef>Start</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>'), 'no runtime meaning, as in Camunda 8'),
  row('Subprocesses', 'embedded subprocess', true, SUPPORTED, 'Element', inFlow(subProcess('subProcess', 'Element'))),
  row('Subprocesses', 'call activity', true, SUPPORTED, 'Element', inFlow('<bpmn:callActivity id="Element"><bpmn:extensionElements><zeebe:calledElement processId="other" /></bpmn:extensionElements></bpmn:callActivity>'), 'a child case (child workflow); bindingType latest or deployment (pinned at deploy), versionTag refused; error and escalation boundary events refused'),
  row('Subprocesses', 'event subprocess', true, SUPPORTED, 'OnEvent', beside(eventSubProcess(TIMER)), 'starts: see the events table'),
  row('Subprocesses', 'transaction subprocess', false, refused('unsupported-element'), 'Element', inFlow(subProcess('transaction', 'Element'))),
  row('Subprocesses', 'ad-hoc subprocess', true, refused('unsupported-element'), 'Element', inFlow(subProcess('adHocSubProcess', 'Element'))),
  row('Tasks', 'service task', true, SUPPORTED, 'Element', inFlow(`<bpmn:serviceTask id="Element">${JOB}</bpmn:serviceTask>`), 'a job of a worker-registered type'),
  row('Tasks', 'user task', true, SUPPORTED, 'Element', inFlow('<bpmn:userTask id="Element" />')),
  row('Tasks', 'receive task', true, SUPPORTED, 'Element', inFlow('<bpmn:receiveTask id="Element" messageRef="Message_1" />')),
  row('Tasks', 'send task', true, SUPPORTED, 'Element', inFlow(`<bpmn:sendTask id="Element">${JOB}</bpmn:sendTask>`), 'a job, as in Camunda 8'),
  row('Tasks', 'business rule task', true, SUPPORTED, 'Element', inFlow(`<bpmn:businessRuleTask id="Element">${JOB}</bpmn:businessRuleTask>`), 'as a job; one calling a DMN decision (zeebe:calledDecision) is refused (`unsupported-element`)'),
  row('Tasks', 'script task', true, SUPPORTED, 'Element', inFlow('<bpmn:scriptTask id="Element"><bpmn:extensionElements><zeebe:script expression="=1 + 1" resultVariable="two" /></bpmn:extensionElements></bpmn:scriptTask>'), 'a FEEL zeebe:script, or a job'),
  row('Tasks', 'manual task', true, SUPPORTED, 'Element', inFlow('<bpmn:manualTask id="Element" />'), 'passes through, as in Camunda 8'),
  row('Tasks', 'receive task (instantiated)', false, refused('unsupported-element'), 'Element', diagram('<bpmn:receiveTask id="Element" messageRef="Message_1" instantiate="true" /><bpmn:sequenceFlow id="Flow_Out" sourceRef="Element" targetRef="End" /><bpmn:endEvent id="End" /><bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="Flow_Start" sourceRef="Start" targetRef="End" />', ROOTS)),
  row('Tasks', 'undefined task', true, SUPPORTED, 'Element', inFlow('<bpmn:task id="Element" />'), 'passes through'),
  row('Gateways', 'exclusive gateway', true, SUPPORTED, 'Element', inFlow('<bpmn:exclusiveGateway id="Element" />')),
  row('Gateways', 'parallel gateway', true, SUPPORTED, 'Element', inFlow('<bpmn:parallelGateway id="Element" />')),
  row('Gateways', 'event-based gateway', true, SUPPORTED, 'Element', eventGateway(), 'leads only to timer, message or signal intermediate catch events (receive tasks refused), as Camunda 8 requires'),
  row('Gateways', 'inclusive gateway', true, SUPPORTED, 'Element', inFlow('<bpmn:inclusiveGateway id="Element" />')),
  row('Gateways', 'complex gateway', false, refused('unsupported-element'), 'Element', inFlow('<bpmn:complexGateway id="Element" />')),
  row('Markers', 'multi-instance parallel', true, SUPPORTED, 'Element', inFlow(multiInstance(false)), 'zeebe:loopCharacteristics; at most 1,000 inner instances of a parallel body at once (a larger collection is an incident), except a call activity: over more than 500 items its child cases run in batch workflows of 500 (a 10,000-site campaign)'),
  row('Markers', 'multi-instance sequential', true, SUPPORTED, 'Element', inFlow(multiInstance(true)), 'zeebe:loopCharacteristics; a loopCardinality without inputCollection is refused (`multi-instance-invalid`), as in Camunda 8'),
  row('Markers', 'loop', false, refused('unsupported-loop'), 'Element', inFlow('<bpmn:task id="Element"><bpmn:standardLoopCharacteristics /></bpmn:task>')),
  row(
    'Markers',
    'compensation',
    true,
    SUPPORTED,
    'Element',
    compensable('Holder_Undo', 'Element'),
    'a compensation handler (isForCompensation): a task or embedded subprocess joined to a compensation boundary event by an association, without sequence flows or boundary events, as Camunda 8 requires',
  ),
  row('Markers', 'ad-hoc', true, refused('unsupported-element'), 'Element', inFlow(subProcess('adHocSubProcess', 'Element'))),
  row('Data', 'data object', true, IGNORED, 'Object', beside('<bpmn:dataObject id="Object" />'), 'Camunda 8 too: modeling only; its references are ignored alike'),
  row('Data', 'data store', true, IGNORED, 'Store', beside('<bpmn:dataStoreReference id="Store" />'), 'Camunda 8 too: modeling only'),
  row('Artifacts', 'text annotation', true, IGNORED, 'Note', beside('<bpmn:textAnnotation id="Note"><bpmn:text>why</bpmn:text></bpmn:textAnnotation>')),
  row('Artifacts', 'group', true, IGNORED, 'Group', beside('<bpmn:group id="Group" />')),
];

/** The events table of the page: its rows in its order, each cell the page shows. */
export const EVENT_ROWS: readonly EventRow[] = [
  {
    type: 'None',
    cells: {
      start: claim(true, SUPPORTED, 'Start', startingAt('End', '<bpmn:endEvent id="End" />')),
      throw: claim(true, SUPPORTED, 'Element', inFlow('<bpmn:intermediateThrowEvent id="Element" />')),
      end: claim(true, SUPPORTED, 'End', startingAt('End', '<bpmn:endEvent id="End" />')),
    },
  },
  {
    type: 'Message',
    note: 'a message throw or end event is a job (zeebe:taskDefinition), as in Camunda 8; a process message start event is started by `POST /api/messages` when no case waits for the message, one case per correlation key at a time',
    cells: allOf(
      '<bpmn:messageEventDefinition messageRef="Message_1" />',
      { start: true, eventSubProcess: true, eventSubProcessNonInterrupting: true, catch: true, boundary: true, boundaryNonInterrupting: true, throw: true, end: true },
      true,
    ),
  },
  {
    type: 'Timer',
    note: 'duration or date; a cycle only on a non-interrupting boundary event or event subprocess start (a boundary `R3/PT1H` fires three times while the task stays open); a process timer start event (static timeDate or timeCycle: ISO 8601 or 6-field Spring cron without L, W, #) is a Temporal Schedule',
    cells: {
      start: claim(true, SUPPORTED, ...eventDiagram('start', CYCLE, '')),
      ...allOf(TIMER, { eventSubProcess: true, eventSubProcessNonInterrupting: true, catch: true, boundary: true, boundaryNonInterrupting: true }, true, CYCLE),
    },
  },
  {
    type: 'Error',
    note: 'by error code or catch-all; an uncaught error is an incident on the throwing element, as in Camunda 8',
    cells: allOf('<bpmn:errorEventDefinition errorRef="Error_1" />', { eventSubProcess: true, boundary: true, end: true }, true),
  },
  {
    type: 'Signal',
    note: 'Camunda 8 broadcasts a signal cluster-wide; Sparrow broadcasts a thrown signal to every waiting element of the same case, and `POST /api/signals` to the cases of the caller\'s streets; no process signal start',
    cells: allOf('<bpmn:signalEventDefinition signalRef="Signal_1" />', { start: false, eventSubProcess: true, eventSubProcessNonInterrupting: true, catch: true, boundary: true, boundaryNonInterrupting: true, throw: true, end: true }, true),
  },
  {
    type: 'Conditional',
    cells: allOf(CONDITION, { start: false, eventSubProcess: false, eventSubProcessNonInterrupting: false, catch: false, boundary: false, boundaryNonInterrupting: false }, false),
  },
  {
    type: 'Escalation',
    note: 'by escalation code or catch-all; uncaught, the case goes on without an incident, as in Camunda 8; an escalation boundary event attaches only to a subprocess (call activities are refused)',
    cells: allOf('<bpmn:escalationEventDefinition escalationRef="Escalation_1" />', { eventSubProcess: true, eventSubProcessNonInterrupting: true, boundary: true, boundaryNonInterrupting: true, throw: true, end: true }, true),
  },
  {
    type: 'Compensation',
    note: 'a throw or end event compensates the completed compensable activities of its scope (inside completed subprocesses too), or the one its activityRef names, and waits for their handlers (waitForCompletion="false" is refused, as in Camunda 8); no compensation event subprocess, as in Camunda 8',
    cells: {
      ...allOf('<bpmn:compensateEventDefinition />', { eventSubProcess: false, throw: true, end: true }, { eventSubProcess: false, throw: true, end: true }),
      boundary: claim(true, SUPPORTED, 'Element', compensable('Element', 'Undo')),
    },
  },
  {
    type: 'Cancel',
    note: 'a cancel event belongs to a transaction subprocess, which is refused too',
    cells: allOf('<bpmn:cancelEventDefinition />', { boundary: false, end: false }, false),
  },
  {
    type: 'Terminate',
    cells: allOf('<bpmn:terminateEventDefinition />', { end: true }, true),
  },
  {
    type: 'Link',
    note: 'a link throw jumps to the link catch of its name in the same scope',
    cells: { catch: claim(true, SUPPORTED, 'Element', linkPair('Element', 'Throw')), throw: claim(true, SUPPORTED, 'Element', linkPair('Catch', 'Element')) },
  },
  {
    type: 'Multiple',
    note: 'an event with several event definitions',
    cells: allOf(MULTIPLE, { start: false, eventSubProcess: false, eventSubProcessNonInterrupting: false, catch: false, boundary: false, boundaryNonInterrupting: false, throw: false, end: false }, false),
  },
  {
    type: 'Multiple parallel',
    note: 'parallelMultiple="true" with several event definitions',
    cells: allOf(MULTIPLE, { start: false, eventSubProcess: false, eventSubProcessNonInterrupting: false, catch: false, boundary: false, boundaryNonInterrupting: false }, false, undefined, 'parallelMultiple="true"'),
  },
];

/**
 * The cells of one event type: `sparrow` says per column whether Sparrow runs the event (else the compiler refuses it with
 * `unsupported-event-definition`), `camunda8` whether Camunda 8 does (for all columns, or per column).
 */
function allOf(
  definition: string,
  sparrow: Partial<Record<EventColumn, boolean>>,
  camunda8: boolean | Partial<Record<EventColumn, boolean>>,
  repeatingDefinition = definition,
  attributes = '',
): Partial<Record<EventColumn, Claim>> {
  const cells: Partial<Record<EventColumn, Claim>> = {};
  for (const [column, runs] of Object.entries(sparrow) as Array<[EventColumn, boolean]>) {
    const inCamunda8 = typeof camunda8 === 'boolean' ? camunda8 : camunda8[column] === true;
    const nonInterrupting = column === 'boundaryNonInterrupting' || column === 'eventSubProcessNonInterrupting';
    const [elementId, xml] = eventDiagram(column, nonInterrupting ? repeatingDefinition : definition, attributes);
    cells[column] = claim(inCamunda8, runs ? SUPPORTED : refused('unsupported-event-definition'), elementId, xml);
  }
  return cells;
}

/** The minimal diagram of an event of `definition` in `column`, and the id of that event. */
function eventDiagram(column: EventColumn, definition: string, attributes: string): [string, string] {
  const job = definition.includes('messageEventDefinition') && !definition.includes('signalEventDefinition') ? JOB : '';
  switch (column) {
    case 'start':
      return ['Element', beside(`<bpmn:startEvent id="Element" ${attributes}>${definition}</bpmn:startEvent><bpmn:sequenceFlow id="Flow_Out" sourceRef="Element" targetRef="End" />`)];
    case 'eventSubProcess':
      return ['OnEvent_Start', beside(eventSubProcess(definition, attributes))];
    case 'eventSubProcessNonInterrupting':
      return ['OnEvent_Start', beside(eventSubProcess(definition, `isInterrupting="false" ${attributes}`))];
    case 'catch':
      return ['Element', inFlow(`<bpmn:intermediateCatchEvent id="Element" ${attributes}>${definition}</bpmn:intermediateCatchEvent>`)];
    case 'boundary':
    case 'boundaryNonInterrupting': {
      const cancel = column === 'boundary' ? '' : 'cancelActivity="false"';
      return [
        'Element',
        besideHolder(`<bpmn:boundaryEvent id="Element" attachedToRef="Holder" ${cancel} ${attributes}>${definition}</bpmn:boundaryEvent>
          <bpmn:sequenceFlow id="Flow_Caught" sourceRef="Element" targetRef="Caught" /><bpmn:endEvent id="Caught" />`),
      ];
    }
    case 'throw':
      return ['Element', inFlow(`<bpmn:intermediateThrowEvent id="Element">${job}${definition}</bpmn:intermediateThrowEvent>`)];
    case 'end':
      return ['Element', startingAt('Element', `<bpmn:endEvent id="Element">${job}${definition}</bpmn:endEvent>`, ROOTS)];
  }
}

/** An event subprocess `OnEvent` whose start event `OnEvent_Start` carries `definition`. */
function eventSubProcess(definition: string, startAttributes = ''): string {
  return `<bpmn:subProcess id="OnEvent" triggeredByEvent="true"><bpmn:startEvent id="OnEvent_Start" ${startAttributes}>${definition}</bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_OnEvent" sourceRef="OnEvent_Start" targetRef="OnEvent_End" /><bpmn:endEvent id="OnEvent_End" /></bpmn:subProcess>`;
}

/** A subprocess-like element `id` of `type` holding start -> end. */
function subProcess(type: string, id: string): string {
  return `<bpmn:${type} id="${id}"><bpmn:startEvent id="${id}_Start" /><bpmn:sequenceFlow id="Flow_${id}" sourceRef="${id}_Start" targetRef="${id}_End" />
    <bpmn:endEvent id="${id}_End" /></bpmn:${type}>`;
}

/** A user task `Element` with multi-instance characteristics over a static collection. */
function multiInstance(sequential: boolean): string {
  return `<bpmn:userTask id="Element"><bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}"><bpmn:extensionElements>
    <zeebe:loopCharacteristics inputCollection="=[1, 2]" inputElement="item" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>`;
}

/** Start -> link throw `throwId` ("next"); link catch `catchId` ("next") -> End. */
function linkPair(catchId: string, throwId: string): string {
  return startingAt(
    throwId,
    `<bpmn:intermediateThrowEvent id="${throwId}"><bpmn:linkEventDefinition name="next" /></bpmn:intermediateThrowEvent>
     <bpmn:intermediateCatchEvent id="${catchId}"><bpmn:linkEventDefinition name="next" /></bpmn:intermediateCatchEvent>
     <bpmn:sequenceFlow id="Flow_Linked" sourceRef="${catchId}" targetRef="End" /><bpmn:endEvent id="End" />`,
  );
}

/** Start -> event-based gateway `Element` -> a message catch and a timer catch -> End. */
function eventGateway(): string {
  return startingAt(
    'Element',
    `<bpmn:eventBasedGateway id="Element" />
     <bpmn:sequenceFlow id="Flow_ToMessage" sourceRef="Element" targetRef="Withdrawn" /><bpmn:sequenceFlow id="Flow_ToTimer" sourceRef="Element" targetRef="Late" />
     <bpmn:intermediateCatchEvent id="Withdrawn"><bpmn:messageEventDefinition messageRef="Message_1" /></bpmn:intermediateCatchEvent>
     <bpmn:intermediateCatchEvent id="Late">${TIMER}</bpmn:intermediateCatchEvent>
     <bpmn:sequenceFlow id="Flow_Withdrawn" sourceRef="Withdrawn" targetRef="End" /><bpmn:sequenceFlow id="Flow_Late" sourceRef="Late" targetRef="End" />
     <bpmn:endEvent id="End" />`,
    ROOTS,
  );
}

/** A collaboration whose pool `Pool` holds the process `Process_1` (start -> end). */
function diagramInPool(): string {
  return startingAt('End', '<bpmn:endEvent id="End" />', '<bpmn:collaboration id="Collaboration_1"><bpmn:participant id="Pool" processRef="Process_1" /></bpmn:collaboration>');
}
