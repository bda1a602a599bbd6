import { compile } from '../../../engine/compile';
import { compileModel, problemsOf, startingAt } from './harness';

/** Start -> user task `Task` -> End, with `body` beside it. */
const withTask = (body: string, rootElements = '') =>
  startingAt('Task', `<bpmn:userTask id="Task" /><bpmn:sequenceFlow id="Flow_Done" sourceRef="Task" targetRef="End" /><bpmn:endEvent id="End" />${body}`, rootElements);

/** A boundary event `id` on `attachedTo` carrying `definition`, flowing to an end event of its own. */
const boundary = (id: string, definition: string, attributes = '', attachedTo = 'Task') =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" ${attributes}>${definition}</bpmn:boundaryEvent>
   <bpmn:sequenceFlow id="Flow_${id}" sourceRef="${id}" targetRef="${id}_End" /><bpmn:endEvent id="${id}_End" />`;

const timer = (field: string, value: string) => `<bpmn:timerEventDefinition><bpmn:${field}>${value}</bpmn:${field}></bpmn:timerEventDefinition>`;
const MESSAGE = (name: string, id = 'Message_1') =>
  `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements></bpmn:message>`;

describe('boundary events', () => {
  it('should compile boundary events, each attached to its activity, which lists them in document order', async () => {
    // given
    const xml = withTask(
      [
        boundary('Deadline', timer('timeDuration', 'PT1H')),
        boundary('Reminder', timer('timeCycle', 'R3/PT10M'), 'cancelActivity="false"'),
        boundary('Withdrawn', '<bpmn:messageEventDefinition messageRef="Message_1" />'),
        boundary('Failed', '<bpmn:errorEventDefinition errorRef="Error_1" />'),
        boundary('AnyError', '<bpmn:errorEventDefinition />'),
        boundary('Alarm', '<bpmn:signalEventDefinition signalRef="Signal_1" />', 'cancelActivity="false"'),
      ].join(''),
      `${MESSAGE('withdrawn')}<bpmn:error id="Error_1" errorCode="REJECTED" /><bpmn:signal id="Signal_1" name="alarm" />`,
    );

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    const { nodes } = result.processes[0].model;
    expect(nodes.Task).toEqual({
      id: 'Task', kind: 'userTask', scope: null, incoming: ['Flow_Start'], outgoing: ['Flow_Done'], userTask: {}, boundaryEvents: ['Deadline', 'Reminder', 'Withdrawn', 'Failed', 'AnyError', 'Alarm'],
    });
    expect(nodes.Deadline).toEqual({
      id: 'Deadline', kind: 'boundaryEvent', scope: null, incoming: [], outgoing: ['Flow_Deadline'], attachedTo: 'Task', cancelActivity: true,
      eventDefinition: { kind: 'timer', timer: { type: 'duration', value: { kind: 'static', value: 'PT1H' } } },
    });
    expect(nodes.Reminder).toMatchObject({ cancelActivity: false, eventDefinition: { kind: 'timer', timer: { type: 'cycle', value: { kind: 'static', value: 'R3/PT10M' } } } });
    expect(nodes.Withdrawn).toMatchObject({ cancelActivity: true, eventDefinition: { kind: 'message', message: { name: 'withdrawn', correlationKey: { kind: 'feel', source: 'caseId' } } } });
    expect(nodes.Failed).toMatchObject({ eventDefinition: { kind: 'error', errorCode: 'REJECTED' } });
    expect(nodes.AnyError).toMatchObject({ eventDefinition: { kind: 'error' } });
    expect(nodes.Alarm).toMatchObject({ cancelActivity: false, eventDefinition: { kind: 'signal', signalName: 'alarm' } });
  });

  it('should compile an escalation boundary event on a subprocess, and a date timer', async () => {
    // given
    const xml = startingAt(
      'Sub',
      `<bpmn:subProcess id="Sub"><bpmn:startEvent id="Sub_Start" /><bpmn:sequenceFlow id="Flow_In" sourceRef="Sub_Start" targetRef="Sub_End" />
         <bpmn:endEvent id="Sub_End"><bpmn:escalationEventDefinition escalationRef="Escalation_1" /></bpmn:endEvent></bpmn:subProcess>
       ${boundary('Late', '<bpmn:escalationEventDefinition escalationRef="Escalation_1" />', 'cancelActivity="false"', 'Sub')}
       ${boundary('Until', timer('timeDate', '2026-03-01T09:00:00+08:00'), '', 'Sub')}`,
      '<bpmn:escalation id="Escalation_1" escalationCode="LATE" />',
    );

    // when
    const model = await compileModel(xml);

    // then
    expect(model.nodes.Sub).toMatchObject({ boundaryEvents: ['Late', 'Until'] });
    expect(model.nodes.Late).toMatchObject({ attachedTo: 'Sub', cancelActivity: false, eventDefinition: { kind: 'escalation', escalationCode: 'LATE' } });
  });

  it.each([
    ['an interrupting timer cycle', boundary('Boundary', timer('timeCycle', 'R3/PT10M')), 'timer-invalid', 'timer of boundaryEvent <Boundary> uses timeCycle; an interrupting event allows only timeDuration or timeDate'],
    [
      'a non-interrupting error event',
      boundary('Boundary', '<bpmn:errorEventDefinition />', 'cancelActivity="false"'),
      'error-invalid',
      'boundaryEvent <Boundary> is a non-interrupting error event; an error event always interrupts (Camunda 8)',
    ],
    [
      'an escalation boundary event on a task',
      boundary('Boundary', '<bpmn:escalationEventDefinition />'),
      'boundary-event-invalid',
      'boundaryEvent <Boundary> catches an escalation on userTask <Task>; an escalation boundary event can only be attached to a subprocess (Camunda 8)',
    ],
    ['a link definition', boundary('Boundary', '<bpmn:linkEventDefinition name="a" />'), 'unsupported-event-definition', 'boundaryEvent <Boundary> with a link event definition is not supported yet'],
    ['no event definition', boundary('Boundary', ''), 'event-definition-missing', 'boundaryEvent <Boundary> has no event definition (expected timer, message, error, escalation, signal or compensation)'],
    [
      'an event attached to no activity',
      '<bpmn:boundaryEvent id="Boundary"><bpmn:errorEventDefinition /></bpmn:boundaryEvent><bpmn:sequenceFlow id="Flow_B" sourceRef="Boundary" targetRef="End" />',
      'boundary-event-invalid',
      'boundaryEvent <Boundary> is attached to no activity (attachedToRef)',
    ],
    [
      'an event attached to an end event',
      boundary('Boundary', '<bpmn:errorEventDefinition />', '', 'End'),
      'boundary-event-invalid',
      'boundaryEvent <Boundary> is attached to <End>, which is not an activity (a task or an embedded subprocess)',
    ],
    [
      'an event with an incoming flow',
      `${boundary('Boundary', '<bpmn:errorEventDefinition />')}<bpmn:sequenceFlow id="Flow_Into" sourceRef="Start" targetRef="Boundary" />`,
      'boundary-event-invalid',
      'boundaryEvent <Boundary> has incoming flows; a boundary event cannot have any',
    ],
    [
      'an event without outgoing flow',
      '<bpmn:boundaryEvent id="Boundary" attachedToRef="Task"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>',
      'boundary-event-invalid',
      'boundaryEvent <Boundary> has no outgoing flow; a boundary event needs at least one',
    ],
  ])('should NOT accept %s', async (_what, body, code, message) => {
    // when
    const problems = await problemsOf(withTask(body));

    // then
    expect(problems).toEqual([{ elementId: 'Boundary', code, message }]);
  });

  it('should NOT accept a boundary event on an event subprocess or on an activity of another scope', async () => {
    // given
    const xml = withTask(`
      <bpmn:subProcess id="Events" triggeredByEvent="true">
        <bpmn:startEvent id="Events_Start"><bpmn:errorEventDefinition /></bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_E" sourceRef="Events_Start" targetRef="Events_End" /><bpmn:endEvent id="Events_End" />
        ${boundary('Inner', '<bpmn:errorEventDefinition />')}
      </bpmn:subProcess>
      ${boundary('OnEvents', '<bpmn:errorEventDefinition />', '', 'Events')}`);

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([
      { elementId: 'Inner', code: 'boundary-event-invalid', message: 'boundaryEvent <Inner> is attached to userTask <Task>, which is in another scope' },
      { elementId: 'OnEvents', code: 'boundary-event-invalid', message: 'boundaryEvent <OnEvents> is attached to event subProcess <Events>; an event subprocess cannot have boundary events' },
    ]);
  });

  it('should NOT accept two boundary events of one activity that catch the same message, or every error', async () => {
    // given
    const xml = withTask(
      [
        boundary('First', '<bpmn:messageEventDefinition messageRef="Message_1" />'),
        boundary('Second', '<bpmn:messageEventDefinition messageRef="Message_2" />', 'cancelActivity="false"'),
        boundary('AnyError', '<bpmn:errorEventDefinition />'),
        boundary('AnyError2', '<bpmn:errorEventDefinition />'),
      ].join(''),
      `${MESSAGE('withdrawn')}${MESSAGE('withdrawn', 'Message_2')}`,
    );

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([
      {
        elementId: 'Task', code: 'catch-event-duplicate',
        message: 'userTask <Task> has more than one catch event for message "withdrawn" (<First>, <Second>); Camunda 8 allows one per scope',
      },
      {
        elementId: 'Task', code: 'catch-event-duplicate',
        message: 'userTask <Task> has more than one catch event for every error (no error code) (<AnyError>, <AnyError2>); Camunda 8 allows one per scope',
      },
    ]);
  });

  it('should NOT report a boundary event on an element already refused a second time', async () => {
    // given
    const xml = startingAt('Call', `<bpmn:transaction id="Call" />${boundary('Boundary', '<bpmn:errorEventDefinition />', '', 'Call')}`);

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems.map((problem) => [problem.code, problem.elementId])).toEqual([['unsupported-element', 'Call']]);
  });
});
