import { compile } from '../../../engine/compile';
import { compileModel, problemsOf, startingAt } from './harness';

const COMPENSATE = (attributes = '') => `<bpmn:compensateEventDefinition ${attributes} />`;
const JOB = (type: string) => `<bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>`;

/** A service task `id` with a compensation boundary event `<id>_Undo` associated with its handler `Undo_<id>`. */
const compensable = (id: string, handler = `<bpmn:serviceTask id="Undo_${id}" isForCompensation="true">${JOB(`undo-${id}`)}</bpmn:serviceTask>`) =>
  `<bpmn:serviceTask id="${id}">${JOB(id)}</bpmn:serviceTask>
   <bpmn:boundaryEvent id="${id}_Undo" attachedToRef="${id}">${COMPENSATE()}</bpmn:boundaryEvent>
   ${handler}<bpmn:association id="Assoc_${id}" associationDirection="One" sourceRef="${id}_Undo" targetRef="Undo_${id}" />`;

/** Start -> Book -> `thrower` (id Throw) -> End, Book being compensable. */
const booking = (thrower: string, extra = '') =>
  startingAt(
    'Book',
    `${compensable('Book')}<bpmn:sequenceFlow id="Flow_Booked" sourceRef="Book" targetRef="Throw" />${thrower}
     <bpmn:sequenceFlow id="Flow_Thrown" sourceRef="Throw" targetRef="End" /><bpmn:endEvent id="End" />${extra}`,
  );

describe('compensation', () => {
  it('should join a compensable activity to its handler and compile a throw event with and without activityRef', async () => {
    // given
    const xml = booking(`<bpmn:intermediateThrowEvent id="Throw">${COMPENSATE('activityRef="Book"')}</bpmn:intermediateThrowEvent>`);

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    const { nodes } = result.processes[0].model;
    expect(nodes.Book).toMatchObject({ boundaryEvents: ['Book_Undo'], compensationHandler: 'Undo_Book' });
    expect(nodes.Book_Undo).toMatchObject({ kind: 'boundaryEvent', attachedTo: 'Book', eventDefinition: { kind: 'compensation' }, outgoing: [] });
    expect(nodes.Undo_Book).toMatchObject({ kind: 'serviceTask', isForCompensation: true, incoming: [], outgoing: [], taskDefinition: { type: 'undo-Book' } });
    expect(nodes.Throw).toMatchObject({ kind: 'intermediateThrowEvent', eventDefinition: { kind: 'compensation', activityRef: 'Book' } });
    const all = await compileModel(booking(`<bpmn:intermediateThrowEvent id="Throw">${COMPENSATE('waitForCompletion="true"')}</bpmn:intermediateThrowEvent>`));
    expect(all.nodes.Throw).toMatchObject({ eventDefinition: { kind: 'compensation' } });
  });

  it('should compile a compensation end event, a subprocess handler and compensation inside a subprocess', async () => {
    // given
    const xml = startingAt(
      'Trip',
      `<bpmn:subProcess id="Trip"><bpmn:startEvent id="Trip_Start" /><bpmn:sequenceFlow id="Flow_Trip" sourceRef="Trip_Start" targetRef="Book" />
         ${compensable('Book', '<bpmn:subProcess id="Undo_Book" isForCompensation="true"><bpmn:startEvent id="Undo_Start" /><bpmn:sequenceFlow id="Flow_Undo" sourceRef="Undo_Start" targetRef="Undo_End" /><bpmn:endEvent id="Undo_End" /></bpmn:subProcess>')}
         <bpmn:sequenceFlow id="Flow_Booked" sourceRef="Book" targetRef="Trip_End" /><bpmn:endEvent id="Trip_End" /></bpmn:subProcess>
       <bpmn:sequenceFlow id="Flow_Done" sourceRef="Trip" targetRef="Cancel" /><bpmn:endEvent id="Cancel">${COMPENSATE('activityRef="Trip"')}</bpmn:endEvent>`,
    );

    // when
    const model = await compileModel(xml);

    // then
    expect(model.nodes.Book).toMatchObject({ scope: 'Trip', compensationHandler: 'Undo_Book' });
    expect(model.nodes.Undo_Book).toMatchObject({ kind: 'subProcess', isForCompensation: true, startNodeId: 'Undo_Start' });
    expect(model.nodes.Cancel).toMatchObject({ kind: 'endEvent', eventDefinition: { kind: 'compensation', activityRef: 'Trip' } });
  });

  it('should let a throw event in an event subprocess name an activity of the scope around it', async () => {
    // given
    const xml = booking(
      '<bpmn:userTask id="Throw" />',
      `<bpmn:subProcess id="OnError" triggeredByEvent="true"><bpmn:startEvent id="OnError_Start"><bpmn:errorEventDefinition /></bpmn:startEvent>
         <bpmn:sequenceFlow id="Flow_OnError" sourceRef="OnError_Start" targetRef="Revert" /><bpmn:endEvent id="Revert">${COMPENSATE('activityRef="Book"')}</bpmn:endEvent></bpmn:subProcess>`,
    );

    // when
    const model = await compileModel(xml);

    // then
    expect(model.nodes.Revert).toMatchObject({ eventDefinition: { kind: 'compensation', activityRef: 'Book' } });
  });

  it.each([
    ['a throw event that does not wait', `<bpmn:intermediateThrowEvent id="Throw">${COMPENSATE('waitForCompletion="false"')}</bpmn:intermediateThrowEvent>`, 'Throw', 'waitForCompletion="false"'],
    ['an activityRef to an activity without compensation', `<bpmn:intermediateThrowEvent id="Throw">${COMPENSATE('activityRef="Other"')}</bpmn:intermediateThrowEvent>`, 'Throw', 'no compensation boundary event and is no subprocess'],
    ['an activityRef to nothing', `<bpmn:intermediateThrowEvent id="Throw">${COMPENSATE('activityRef="Missing"')}</bpmn:intermediateThrowEvent>`, 'Throw', '<Missing>'],
  ])('should refuse %s', async (_what, thrower, elementId, fragment) => {
    // given
    const xml = booking(thrower, '<bpmn:task id="Other" />');

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toContainEqual(expect.objectContaining({ code: 'compensation-invalid', elementId, message: expect.stringContaining(fragment) }));
  });

  it('should refuse an activityRef to an activity of another scope, naming the throw event', async () => {
    // given
    const xml = booking(
      `<bpmn:subProcess id="Throw"><bpmn:startEvent id="Inner_Start" /><bpmn:sequenceFlow id="Flow_Inner" sourceRef="Inner_Start" targetRef="Inner_Throw" />
         <bpmn:endEvent id="Inner_Throw">${COMPENSATE('activityRef="Book"')}</bpmn:endEvent></bpmn:subProcess>`,
    );

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'compensation-invalid', elementId: 'Inner_Throw', message: expect.stringContaining('another scope') })]);
  });

  it('should refuse a handler with sequence flows or boundary events, and a boundary event with flows or no handler', async () => {
    // given
    const xml = startingAt(
      'Book',
      `<bpmn:serviceTask id="Book">${JOB('book')}</bpmn:serviceTask><bpmn:sequenceFlow id="Flow_Booked" sourceRef="Book" targetRef="Undo_Book" />
       <bpmn:serviceTask id="Undo_Book" isForCompensation="true">${JOB('undo')}</bpmn:serviceTask><bpmn:sequenceFlow id="Flow_Undone" sourceRef="Undo_Book" targetRef="End" />
       <bpmn:boundaryEvent id="Late" attachedToRef="Undo_Book"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
       <bpmn:sequenceFlow id="Flow_Late" sourceRef="Late" targetRef="End" /><bpmn:endEvent id="End" />
       <bpmn:boundaryEvent id="Book_Undo" attachedToRef="Book">${COMPENSATE()}</bpmn:boundaryEvent><bpmn:sequenceFlow id="Flow_Undo" sourceRef="Book_Undo" targetRef="End" />`,
    );

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems.map((p) => [p.elementId, p.message.replace(/^.*?> /, '')])).toEqual([
      ['Undo_Book', 'is a compensation handler and has incoming sequence flows; a handler is started only by compensation (Camunda 8)'],
      ['Undo_Book', 'is a compensation handler and has outgoing sequence flows; a handler ends where it completes (Camunda 8)'],
      ['Undo_Book', 'is a compensation handler and has boundary events, which a handler cannot have (Camunda 8)'],
      ['Book_Undo', 'has outgoing sequence flows; a compensation boundary event is joined to its handler by an association, not by flows (Camunda 8)'],
      ['Book_Undo', 'has no association to a compensation handler (an activity marked isForCompensation="true")'],
    ]);
  });

  it('should refuse an association to an activity that is no handler, two compensation boundary events on one activity and a compensation event subprocess', async () => {
    // given
    const notHandler = booking(
      `<bpmn:intermediateThrowEvent id="Throw">${COMPENSATE()}</bpmn:intermediateThrowEvent>`,
      `<bpmn:task id="Plain" /><bpmn:boundaryEvent id="Second" attachedToRef="Book">${COMPENSATE()}</bpmn:boundaryEvent>
       <bpmn:association id="Assoc_Second" sourceRef="Second" targetRef="Plain" />`,
    );
    const eventSubProcess = booking(
      '<bpmn:task id="Throw" />',
      `<bpmn:subProcess id="OnCompensate" triggeredByEvent="true"><bpmn:startEvent id="OnCompensate_Start">${COMPENSATE()}</bpmn:startEvent>
         <bpmn:sequenceFlow id="Flow_OnCompensate" sourceRef="OnCompensate_Start" targetRef="OnCompensate_End" /><bpmn:endEvent id="OnCompensate_End" /></bpmn:subProcess>`,
    );

    // when
    const problems = await problemsOf(notHandler);
    const esp = await problemsOf(eventSubProcess);

    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'catch-event-duplicate', elementId: 'Book' }),
      expect.objectContaining({ code: 'compensation-invalid', elementId: 'Second', message: expect.stringContaining('<Plain>, which is not a compensation handler') }),
    ]);
    expect(esp).toContainEqual(expect.objectContaining({ code: 'unsupported-event-definition', elementId: 'OnCompensate_Start' }));
  });

  it('should warn about a handler no compensation boundary event is associated with', async () => {
    // given
    const xml = booking(`<bpmn:intermediateThrowEvent id="Throw">${COMPENSATE()}</bpmn:intermediateThrowEvent>`, `<bpmn:task id="Lonely" isForCompensation="true" />`);

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'unreachable', elementId: 'Lonely' })]);
  });
});
