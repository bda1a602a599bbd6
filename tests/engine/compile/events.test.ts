import { diagram, problemsOf, startingAt } from './harness';

/** A diagram whose start event flows into the event `Event` given as XML. */
const withEvent = (event: string, rootElements = '') => startingAt('Event', event, rootElements);

const ACK = (subscription: string, name = 'ack') =>
  `<bpmn:message id="Message_Ack" name="${name}"><bpmn:extensionElements>${subscription}</bpmn:extensionElements></bpmn:message>`;

describe('events', () => {
  describe('event definitions', () => {
    it.each([
      ['error', 'intermediateCatchEvent', '<bpmn:intermediateCatchEvent id="Event"><bpmn:errorEventDefinition /></bpmn:intermediateCatchEvent>'],
      ['conditional', 'intermediateCatchEvent', '<bpmn:intermediateCatchEvent id="Event"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>'],
      ['escalation', 'intermediateCatchEvent', '<bpmn:intermediateCatchEvent id="Event"><bpmn:escalationEventDefinition /></bpmn:intermediateCatchEvent>'],
      ['link', 'endEvent', '<bpmn:endEvent id="Event"><bpmn:linkEventDefinition name="a" /></bpmn:endEvent>'],
      ['error', 'intermediateThrowEvent', '<bpmn:intermediateThrowEvent id="Event"><bpmn:errorEventDefinition /></bpmn:intermediateThrowEvent>'],
      ['cancel', 'endEvent', '<bpmn:endEvent id="Event"><bpmn:cancelEventDefinition /></bpmn:endEvent>'],
      ['compensate', 'intermediateCatchEvent', '<bpmn:intermediateCatchEvent id="Event"><bpmn:compensateEventDefinition /></bpmn:intermediateCatchEvent>'],
      ['timer', 'endEvent', '<bpmn:endEvent id="Event"><bpmn:timerEventDefinition /></bpmn:endEvent>'],
      ['terminate', 'intermediateThrowEvent', '<bpmn:intermediateThrowEvent id="Event"><bpmn:terminateEventDefinition /></bpmn:intermediateThrowEvent>'],
    ])('should NOT accept event definition "%s" on %s', async (kind, type, event) => {
      // given
      const xml = withEvent(event);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Event', code: 'unsupported-event-definition', message: `${type} <Event> with a ${kind} event definition is not supported yet` },
      ]);
    });

    it('should NOT accept a timer start event without a timer', async () => {
      // given
      const xml = diagram('<bpmn:startEvent id="Timer_Start"><bpmn:timerEventDefinition /></bpmn:startEvent>');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([{ elementId: 'Timer_Start', code: 'timer-invalid', message: 'timer of startEvent <Timer_Start> has no timeDate or timeCycle' }]);
    });

    it('should NOT accept an event with several event definitions', async () => {
      // given
      const xml = withEvent('<bpmn:endEvent id="Event"><bpmn:terminateEventDefinition /><bpmn:terminateEventDefinition /></bpmn:endEvent>');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Event', code: 'unsupported-event-definition', message: 'endEvent <Event> has several event definitions, which is not supported yet' },
      ]);
    });

    it('should NOT accept an intermediate catch event without event definition', async () => {
      // given
      const xml = withEvent('<bpmn:intermediateCatchEvent id="Event" />');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Event', code: 'event-definition-missing', message: 'intermediateCatchEvent <Event> has no event definition (expected timer, message, signal or link)' },
      ]);
    });
  });

  describe('messages', () => {
    it.each([
      ['without messageRef', '', '', 'intermediateCatchEvent <Event> refers to no message (messageRef)'],
      ['of a message without name', ' messageRef="Message_Ack"', ACK('<zeebe:subscription correlationKey="=caseId" />', ''), 'intermediateCatchEvent <Event> waits for message <Message_Ack>, which has no name'],
      ['of a message with a dynamic name', ' messageRef="Message_Ack"', ACK('<zeebe:subscription correlationKey="=caseId" />', '=name'), 'intermediateCatchEvent <Event> waits for message "=name": dynamic message names are not supported yet'],
      ['of a message without correlationKey', ' messageRef="Message_Ack"', ACK(''), 'intermediateCatchEvent <Event> waits for message "ack", which has no zeebe:subscription correlationKey'],
    ])('should NOT accept a message catch event %s', async (_, reference, rootElements, message) => {
      // given
      const xml = withEvent(`<bpmn:intermediateCatchEvent id="Event"><bpmn:messageEventDefinition${reference} /></bpmn:intermediateCatchEvent>`, rootElements);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([{ elementId: 'Event', code: 'message-invalid', message }]);
    });

    it('should NOT accept a receive task whose message has no correlationKey', async () => {
      // given
      const xml = withEvent('<bpmn:receiveTask id="Event" messageRef="Message_Ack" />', ACK(''));

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Event', code: 'message-invalid', message: 'receiveTask <Event> waits for message "ack", which has no zeebe:subscription correlationKey' },
      ]);
    });

    it('should NOT accept a correlationKey with invalid FEEL', async () => {
      // given
      const xml = withEvent('<bpmn:receiveTask id="Event" messageRef="Message_Ack" />', ACK('<zeebe:subscription correlationKey="=case.(" />'));

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([expect.objectContaining({ elementId: 'Event', code: 'feel-invalid', message: expect.stringContaining('correlationKey of message "ack"') })]);
    });

    it('should NOT accept a thrown message with a dynamic name', async () => {
      // given
      const xml = withEvent(
        `<bpmn:endEvent id="Event"><bpmn:extensionElements><zeebe:taskDefinition type="publish" /></bpmn:extensionElements>
          <bpmn:messageEventDefinition messageRef="Message_Ack" /></bpmn:endEvent>`,
        ACK('', '=name'),
      );

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Event', code: 'message-invalid', message: 'endEvent <Event> throws message "=name": dynamic message names are not supported yet' },
      ]);
    });
  });
});
