import { compile } from '../../../engine/compile';
import { compileModel, problemsOf, startingAt } from './harness';

/** An event subprocess `id` whose start event `${id}_Start` carries `definition` and flows to an end event. */
const eventSub = (id: string, definition: string, startAttributes = '', inside = '') =>
  `<bpmn:subProcess id="${id}" triggeredByEvent="true">
     <bpmn:startEvent id="${id}_Start" ${startAttributes}>${definition}</bpmn:startEvent>
     <bpmn:sequenceFlow id="Flow_${id}" sourceRef="${id}_Start" targetRef="${id}_End" /><bpmn:endEvent id="${id}_End" />${inside}
   </bpmn:subProcess>`;

/** Start -> End, with `body` beside it. */
const withMain = (body: string, rootElements = '') => startingAt('End', `<bpmn:endEvent id="End" />${body}`, rootElements);

const timer = (field: string, value: string) => `<bpmn:timerEventDefinition><bpmn:${field}>${value}</bpmn:${field}></bpmn:timerEventDefinition>`;
const MESSAGE = (id: string, name: string) =>
  `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements></bpmn:message>`;

describe('event subprocesses', () => {
  it('should compile event subprocesses at process level, listed by the model, with their event start events', async () => {
    // given
    const xml = withMain(
      [
        eventSub('OnWithdrawn', '<bpmn:messageEventDefinition messageRef="Message_1" />', 'isInterrupting="false"'),
        eventSub('OnTimeout', timer('timeDuration', 'P3D')),
        eventSub('OnReminder', timer('timeCycle', 'R/P1D'), 'isInterrupting="false"'),
        eventSub('OnError', '<bpmn:errorEventDefinition />'),
        eventSub('OnLate', '<bpmn:escalationEventDefinition escalationRef="Escalation_1" />', 'isInterrupting="false"'),
        eventSub('OnAlarm', '<bpmn:signalEventDefinition signalRef="Signal_1" />'),
      ].join(''),
      `${MESSAGE('Message_1', 'withdrawn')}<bpmn:escalation id="Escalation_1" escalationCode="LATE" /><bpmn:signal id="Signal_1" name="alarm" />`,
    );

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    const model = result.processes[0].model;
    expect(model.startNodeIds).toEqual(['Start']);
    expect(model.eventSubProcesses).toEqual(['OnWithdrawn', 'OnTimeout', 'OnReminder', 'OnError', 'OnLate', 'OnAlarm']);
    expect(model.nodes.OnWithdrawn).toEqual({
      id: 'OnWithdrawn', kind: 'subProcess', scope: null, incoming: [], outgoing: [], triggeredByEvent: true, startNodeId: 'OnWithdrawn_Start',
    });
    expect(model.nodes.OnWithdrawn_Start).toEqual({
      id: 'OnWithdrawn_Start', kind: 'startEvent', scope: 'OnWithdrawn', incoming: [], outgoing: ['Flow_OnWithdrawn'], interrupting: false,
      eventDefinition: { kind: 'message', message: { name: 'withdrawn', correlationKey: { kind: 'feel', source: 'caseId' } } },
    });
    expect(model.nodes.OnTimeout_Start).not.toHaveProperty('interrupting');
    expect(model.nodes.OnTimeout_Start).toMatchObject({ eventDefinition: { kind: 'timer', timer: { type: 'duration', value: { kind: 'static', value: 'P3D' } } } });
    expect(model.nodes.OnReminder_Start).toMatchObject({ interrupting: false, eventDefinition: { kind: 'timer', timer: { type: 'cycle' } } });
    expect(model.nodes.OnError_Start).toMatchObject({ eventDefinition: { kind: 'error' } });
    expect(model.nodes.OnLate_Start).toMatchObject({ interrupting: false, eventDefinition: { kind: 'escalation', escalationCode: 'LATE' } });
    expect(model.nodes.OnAlarm_Start).toMatchObject({ eventDefinition: { kind: 'signal', signalName: 'alarm' } });
  });

  it('should list an event subprocess of an embedded subprocess on that subprocess, nested ones on theirs', async () => {
    // given
    const xml = startingAt(
      'Sub',
      `<bpmn:subProcess id="Sub"><bpmn:startEvent id="Sub_Start" /><bpmn:sequenceFlow id="Flow_In" sourceRef="Sub_Start" targetRef="Sub_End" /><bpmn:endEvent id="Sub_End" />
         ${eventSub('Inner', '<bpmn:errorEventDefinition errorRef="Error_1" />', '', eventSub('Nested', timer('timeDuration', 'PT1M')))}
       </bpmn:subProcess>`,
      '<bpmn:error id="Error_1" errorCode="BROKEN" />',
    );

    // when
    const model = await compileModel(xml);

    // then
    expect(model.eventSubProcesses).toBeUndefined();
    expect(model.nodes.Sub).toMatchObject({ startNodeId: 'Sub_Start', eventSubProcesses: ['Inner'] });
    expect(model.nodes.Inner).toMatchObject({ scope: 'Sub', triggeredByEvent: true, startNodeId: 'Inner_Start', eventSubProcesses: ['Nested'] });
    expect(model.nodes.Inner_Start).toMatchObject({ scope: 'Inner', eventDefinition: { kind: 'error', errorCode: 'BROKEN' } });
    expect(model.nodes.Nested).toMatchObject({ scope: 'Inner', startNodeId: 'Nested_Start' });
  });

  it.each([
    [
      'a non-interrupting error start event',
      eventSub('Events', '<bpmn:errorEventDefinition />', 'isInterrupting="false"'),
      [
        { elementId: 'Events_Start', code: 'error-invalid', message: 'startEvent <Events_Start> is a non-interrupting error event; an error event always interrupts (Camunda 8)' },
      ],
    ],
    [
      'an interrupting timer cycle',
      eventSub('Events', timer('timeCycle', 'R3/PT1H')),
      [
        { elementId: 'Events_Start', code: 'timer-invalid', message: 'timer of startEvent <Events_Start> uses timeCycle; an interrupting event allows only timeDuration or timeDate' },
      ],
    ],
    [
      'a none start event',
      eventSub('Events', ''),
      [
        { elementId: 'Events_Start', code: 'event-definition-missing', message: 'startEvent <Events_Start> has no event definition (expected timer, message, error, escalation or signal)' },
      ],
    ],
    [
      'two start events',
      eventSub('Events', '<bpmn:errorEventDefinition />', '', '<bpmn:startEvent id="Second"><bpmn:errorEventDefinition /></bpmn:startEvent>'),
      [{ elementId: 'Events', code: 'subprocess-start-invalid', message: 'event subProcess <Events> must contain exactly one start event (timer, message, error, escalation or signal), not 2' }],
    ],
    [
      'an incoming flow',
      `${eventSub('Events', '<bpmn:errorEventDefinition />')}<bpmn:sequenceFlow id="Flow_Into" sourceRef="Start" targetRef="Events" />`,
      [{ elementId: 'Events', code: 'event-subprocess-invalid', message: 'event subProcess <Events> has incoming flows; an event subprocess is started by its event, never by flows' }],
    ],
    [
      'two event subprocesses of one scope that start on every error',
      `${eventSub('Events', '<bpmn:errorEventDefinition />')}${eventSub('Events2', '<bpmn:errorEventDefinition />')}`,
      [
        {
          elementId: 'Process_1', code: 'catch-event-duplicate',
          message: 'process <Process_1> has more than one catch event for every error (no error code) (<Events_Start>, <Events2_Start>); Camunda 8 allows one per scope',
        },
      ],
    ],
  ])('should NOT accept %s', async (_what, body, expected) => {
    // when
    const problems = await problemsOf(withMain(body));

    // then
    expect(problems).toEqual(expected);
  });

  it('should still NOT accept a timer start event in an embedded subprocess', async () => {
    // given
    const xml = startingAt('Sub', `<bpmn:subProcess id="Sub"><bpmn:startEvent id="Sub_Start">${timer('timeDuration', 'PT1M')}</bpmn:startEvent></bpmn:subProcess>`);

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([
      { elementId: 'Sub_Start', code: 'unsupported-event-definition', message: 'startEvent <Sub_Start> with a timer event definition is not supported yet' },
      { elementId: 'Sub', code: 'subprocess-start-invalid', message: 'subProcess <Sub> must contain exactly one none start event, not 0' },
    ]);
  });
});
