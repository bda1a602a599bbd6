import { compileModel, problemsOf, startingAt } from './harness';

/** A diagram whose start event flows into the event `Event` (given as XML), which flows on to `End` unless it is an end event. */
const withEvent = (event: string, rootElements = '') =>
  startingAt('Event', `${event}${event.startsWith('<bpmn:endEvent') ? '' : '<bpmn:sequenceFlow id="Flow_On" sourceRef="Event" targetRef="End" /><bpmn:endEvent id="End" />'}`, rootElements);

const ROOTS = `<bpmn:error id="Error_1" errorCode="NOT_FOUND" /><bpmn:escalation id="Escalation_1" escalationCode="LATE" />
  <bpmn:signal id="Signal_1" name="alarm" />`;

const definitionOf = async (event: string) => {
  const model = await compileModel(withEvent(event, ROOTS));
  return (model.nodes.Event as { eventDefinition?: unknown }).eventDefinition;
};

describe('error, escalation, signal and link event definitions', () => {
  describe('accepted', () => {
    it.each([
      ['an error end event', '<bpmn:endEvent id="Event"><bpmn:errorEventDefinition errorRef="Error_1" /></bpmn:endEvent>', { kind: 'error', errorCode: 'NOT_FOUND' }],
      ['an escalation end event', '<bpmn:endEvent id="Event"><bpmn:escalationEventDefinition escalationRef="Escalation_1" /></bpmn:endEvent>', { kind: 'escalation', escalationCode: 'LATE' }],
      [
        'an escalation throw event',
        '<bpmn:intermediateThrowEvent id="Event"><bpmn:escalationEventDefinition escalationRef="Escalation_1" /></bpmn:intermediateThrowEvent>',
        { kind: 'escalation', escalationCode: 'LATE' },
      ],
      ['a signal end event', '<bpmn:endEvent id="Event"><bpmn:signalEventDefinition signalRef="Signal_1" /></bpmn:endEvent>', { kind: 'signal', signalName: 'alarm' }],
      [
        'a signal throw event',
        '<bpmn:intermediateThrowEvent id="Event"><bpmn:signalEventDefinition signalRef="Signal_1" /></bpmn:intermediateThrowEvent>',
        { kind: 'signal', signalName: 'alarm' },
      ],
      [
        'a signal catch event',
        '<bpmn:intermediateCatchEvent id="Event"><bpmn:signalEventDefinition signalRef="Signal_1" /></bpmn:intermediateCatchEvent>',
        { kind: 'signal', signalName: 'alarm' },
      ],
    ])('should compile %s', async (_what, event, expected) => {
      // when
      const definition = await definitionOf(event);

      // then
      expect(definition).toEqual(expected);
    });

    it('should compile a throw event without job: only a message throw runs one', async () => {
      // when
      const model = await compileModel(withEvent('<bpmn:endEvent id="Event"><bpmn:signalEventDefinition signalRef="Signal_1" /></bpmn:endEvent>', ROOTS));

      // then
      expect(model.nodes.Event).toEqual({ id: 'Event', kind: 'endEvent', scope: null, incoming: ['Flow_Start'], outgoing: [], eventDefinition: { kind: 'signal', signalName: 'alarm' } });
    });
  });

  describe('refused', () => {
    it.each([
      [
        'an error end event without errorRef',
        '<bpmn:endEvent id="Event"><bpmn:errorEventDefinition /></bpmn:endEvent>',
        'error-invalid',
        'endEvent <Event> throws no error: its errorEventDefinition refers to no bpmn:error (errorRef)',
      ],
      [
        'an error end event whose error has no code',
        '<bpmn:endEvent id="Event"><bpmn:errorEventDefinition errorRef="Error_NoCode" /></bpmn:endEvent>',
        'error-invalid',
        'endEvent <Event> throws error <Error_NoCode>, which has no errorCode',
      ],
      [
        'an error end event with a dynamic code',
        '<bpmn:endEvent id="Event"><bpmn:errorEventDefinition errorRef="Error_Feel" /></bpmn:endEvent>',
        'error-invalid',
        'endEvent <Event> throws error code "=code": dynamic error codes are not supported (use a static errorCode)',
      ],
      [
        'an escalation throw event without escalationRef',
        '<bpmn:intermediateThrowEvent id="Event"><bpmn:escalationEventDefinition /></bpmn:intermediateThrowEvent>',
        'escalation-invalid',
        'intermediateThrowEvent <Event> throws no escalation: its escalationEventDefinition refers to no bpmn:escalation (escalationRef)',
      ],
      [
        'an escalation end event whose escalation has no code',
        '<bpmn:endEvent id="Event"><bpmn:escalationEventDefinition escalationRef="Escalation_NoCode" /></bpmn:endEvent>',
        'escalation-invalid',
        'endEvent <Event> throws escalation <Escalation_NoCode>, which has no escalationCode',
      ],
      [
        'a signal event without signalRef',
        '<bpmn:intermediateCatchEvent id="Event"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>',
        'signal-invalid',
        'intermediateCatchEvent <Event> refers to no signal (signalRef)',
      ],
      [
        'a signal without name',
        '<bpmn:endEvent id="Event"><bpmn:signalEventDefinition signalRef="Signal_NoName" /></bpmn:endEvent>',
        'signal-invalid',
        'endEvent <Event> refers to signal <Signal_NoName>, which has no name',
      ],
      [
        'a signal with a dynamic name',
        '<bpmn:intermediateThrowEvent id="Event"><bpmn:signalEventDefinition signalRef="Signal_Feel" /></bpmn:intermediateThrowEvent>',
        'signal-invalid',
        'intermediateThrowEvent <Event> uses signal "=alarmName": dynamic signal names are not supported (use a static name)',
      ],
      [
        'a link event without name',
        '<bpmn:intermediateCatchEvent id="Event"><bpmn:linkEventDefinition /></bpmn:intermediateCatchEvent>',
        'link-invalid',
        'intermediateCatchEvent <Event> has a link event definition without name',
      ],
    ])('should NOT accept %s', async (_what, event, code, message) => {
      // given
      const roots = `<bpmn:error id="Error_NoCode" /><bpmn:error id="Error_Feel" errorCode="=code" /><bpmn:escalation id="Escalation_NoCode" />
        <bpmn:signal id="Signal_NoName" /><bpmn:signal id="Signal_Feel" name="=alarmName" />`;

      // when
      const problems = await problemsOf(withEvent(event, roots));

      // then
      expect(problems).toEqual([{ elementId: 'Event', code, message }]);
    });
  });
});
