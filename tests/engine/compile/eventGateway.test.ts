import { compile } from '../../../engine/compile';
import { problemsOf, startingAt } from './harness';

/** Start -> event-based gateway `Gate` -> each of `targets` (XML with ids), and a flow from each catch event `…_Event` to End. */
const withGateway = (targets: Array<[id: string, xml: string]>, extra = '', rootElements = '') =>
  startingAt(
    'Gate',
    `<bpmn:eventBasedGateway id="Gate" /><bpmn:endEvent id="End" />
     ${targets.map(([id, xml]) => `<bpmn:sequenceFlow id="Flow_${id}" sourceRef="Gate" targetRef="${id}" />${xml}<bpmn:sequenceFlow id="Flow_${id}_End" sourceRef="${id}" targetRef="End" />`).join('')}
     ${extra}`,
    rootElements,
  );

const catchEvent = (id: string, definition: string): [string, string] => [id, `<bpmn:intermediateCatchEvent id="${id}">${definition}</bpmn:intermediateCatchEvent>`];
const TIMER = catchEvent('Wait', '<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>');
const MESSAGE = (id: string, messageId = 'Message_1') => catchEvent(id, `<bpmn:messageEventDefinition messageRef="${messageId}" />`);
const SIGNAL = catchEvent('Alarm', '<bpmn:signalEventDefinition signalRef="Signal_1" />');
const ROOTS = ['Message_1', 'Message_2']
  .map((id) => `<bpmn:message id="${id}" name="answer"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements></bpmn:message>`)
  .join('') + '<bpmn:signal id="Signal_1" name="alarm" />';

describe('event-based gateways', () => {
  it('should compile an event-based gateway leading to timer, message and signal catch events', async () => {
    // given
    const xml = withGateway([TIMER, MESSAGE('Answer'), SIGNAL], '', ROOTS);

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.processes[0].model.nodes.Gate).toEqual({
      id: 'Gate', kind: 'eventBasedGateway', scope: null, incoming: ['Flow_Start'], outgoing: ['Flow_Wait', 'Flow_Answer', 'Flow_Alarm'],
    });
  });

  it('should warn that a condition on a flow leaving the gateway is ignored, and drop it', async () => {
    // given
    const xml = withGateway([TIMER, SIGNAL], '', ROOTS).replace(
      '<bpmn:sequenceFlow id="Flow_Wait" sourceRef="Gate" targetRef="Wait" />',
      '<bpmn:sequenceFlow id="Flow_Wait" sourceRef="Gate" targetRef="Wait"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=late</bpmn:conditionExpression></bpmn:sequenceFlow>',
    );

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([{ elementId: 'Flow_Wait', code: 'condition-ignored', message: 'condition of flow <Flow_Wait> is ignored: it leaves eventBasedGateway <Gate>' }]);
    expect(result.processes[0].model.flows.Flow_Wait).not.toHaveProperty('condition');
  });

  it.each([
    ['a single outgoing flow', withGateway([TIMER]), 'eventBasedGateway <Gate> has 1 outgoing flow(s); an event-based gateway needs at least two'],
    [
      'a receive task target (Camunda 8 allows intermediate catch events only)',
      withGateway([TIMER, ['Receive', '<bpmn:receiveTask id="Receive" messageRef="Message_1" />']], '', ROOTS),
      'eventBasedGateway <Gate> leads by flow <Flow_Receive> to receiveTask <Receive>; it may only lead to timer, message or signal intermediate catch events',
    ],
    [
      'a target that another flow also enters',
      withGateway([TIMER, SIGNAL], '<bpmn:sequenceFlow id="Flow_Back" sourceRef="Start" targetRef="Alarm" />', ROOTS),
      'eventBasedGateway <Gate> leads to intermediateCatchEvent <Alarm>, which other flows also enter (<Flow_Back>); only the gateway may lead to it',
    ],
    [
      'a parallel event-based gateway',
      withGateway([TIMER, SIGNAL], '', ROOTS).replace('<bpmn:eventBasedGateway id="Gate" />', '<bpmn:eventBasedGateway id="Gate" eventGatewayType="Parallel" />'),
      'eventBasedGateway <Gate> is parallel (eventGatewayType="Parallel"), which is not supported',
    ],
  ])('should NOT accept %s', async (_what, xml, message) => {
    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ elementId: 'Gate', code: 'event-gateway-invalid', message }]);
  });

  it('should NOT report a target catch event already refused a second time', async () => {
    // given
    const xml = withGateway([TIMER, MESSAGE('Answer', 'Message_NoKey')], '', `${ROOTS}<bpmn:message id="Message_NoKey" name="answer" />`);

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems.map((problem) => [problem.code, problem.elementId])).toEqual([['message-invalid', 'Answer']]);
  });

  it('should NOT accept two catch events of one gateway for the same message', async () => {
    // given
    const xml = withGateway([MESSAGE('First'), MESSAGE('Second', 'Message_2')], '', ROOTS);

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([
      {
        elementId: 'Gate', code: 'catch-event-duplicate',
        message: 'eventBasedGateway <Gate> has more than one catch event for message "answer" (<First>, <Second>); Camunda 8 allows one per scope',
      },
    ]);
  });
});
