import { compileModel, problemsOf, startingAt } from './harness';

/** Start -> call activity `Call` (with `called` as its zeebe:calledElement attributes and `extra` extensions) -> End. */
const withCall = (called: string, extra = '', beside = '') =>
  startingAt(
    'Call',
    `<bpmn:callActivity id="Call"><bpmn:extensionElements>${called ? `<zeebe:calledElement ${called} />` : ''}${extra}</bpmn:extensionElements></bpmn:callActivity>
     <bpmn:sequenceFlow id="Flow_Done" sourceRef="Call" targetRef="End" /><bpmn:endEvent id="End" />${beside}`,
  );

/** A boundary event on `Call` carrying `definition`, flowing to an end event of its own. */
const onCall = (definition: string) =>
  `<bpmn:boundaryEvent id="Boundary" attachedToRef="Call">${definition}</bpmn:boundaryEvent>
   <bpmn:sequenceFlow id="Flow_Boundary" sourceRef="Boundary" targetRef="Boundary_End" /><bpmn:endEvent id="Boundary_End" />`;

describe('call activities', () => {
  it("should compile a call activity with Camunda 8's defaults: latest version, all variables both ways", async () => {
    // given a call activity with a static processId and an input mapping
    const xml = withCall('processId="site-visit"', '<zeebe:ioMapping><zeebe:input source="=site.name" target="siteName" /></zeebe:ioMapping>');

    // when
    const model = await compileModel(xml);

    // then
    expect(model.nodes.Call).toEqual({
      id: 'Call',
      kind: 'callActivity',
      scope: null,
      incoming: ['Flow_Start'],
      outgoing: ['Flow_Done'],
      inputs: [{ source: { kind: 'feel', source: 'site.name' }, target: 'siteName' }],
      calledElement: { processId: { kind: 'static', value: 'site-visit' }, binding: 'latest', propagateAllChildVariables: true, propagateAllParentVariables: true },
    });
  });

  it('should compile a FEEL processId, bindingType deployment and both propagations switched off', async () => {
    // given
    const feel = await compileModel(withCall('processId="=&quot;visit-&quot; + kind" propagateAllChildVariables="false" propagateAllParentVariables="false"'));
    const pinned = await compileModel(withCall('processId="site-visit" bindingType="deployment"'));

    // then
    expect(feel.nodes.Call).toMatchObject({
      calledElement: { processId: { kind: 'feel', source: '"visit-" + kind' }, binding: 'latest', propagateAllChildVariables: false, propagateAllParentVariables: false },
    });
    expect(pinned.nodes.Call).toMatchObject({ calledElement: { binding: 'deployment' } });
  });

  it('should accept timer, message and signal boundary events on a call activity', async () => {
    // given
    const xml = withCall('processId="site-visit"', '', onCall('<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>'));

    // when, then
    expect((await compileModel(xml)).nodes.Call).toMatchObject({ boundaryEvents: ['Boundary'] });
  });

  it.each([
    ['no zeebe:calledElement', '', 'callActivity <Call> names no process to call (zeebe:calledElement processId)'],
    ['an empty processId', 'processId=" "', 'callActivity <Call> names no process to call (zeebe:calledElement processId)'],
    [
      'bindingType versionTag',
      'processId="site-visit" bindingType="versionTag" versionTag="v1"',
      'callActivity <Call>: bindingType "versionTag" is not supported: Sparrow has no version tags (use "latest", or "deployment" to pin the version deployed at the time)',
    ],
    [
      'bindingType deployment with a FEEL processId',
      'processId="=kind" bindingType="deployment"',
      'callActivity <Call>: bindingType "deployment" needs a static processId: Sparrow pins the called version when the calling process is deployed',
    ],
    ['an unknown bindingType', 'processId="site-visit" bindingType="newest"', 'callActivity <Call>: bindingType "newest" is unknown (latest, deployment)'],
  ])('should NOT accept a call activity with %s', async (_what, called, message) => {
    // when
    const problems = await problemsOf(withCall(called));

    // then
    expect(problems).toEqual([{ elementId: 'Call', code: 'call-activity-invalid', message }]);
  });

  it.each([
    ['an error', '<bpmn:errorEventDefinition />'],
    ['an escalation', '<bpmn:escalationEventDefinition />'],
  ])('should NOT accept %s boundary event on a call activity (what the child throws does not reach it)', async (what, definition) => {
    // when
    const problems = await problemsOf(withCall('processId="site-visit"', '', onCall(definition)));

    // then
    expect(problems).toEqual([
      {
        elementId: 'Boundary',
        code: 'boundary-event-invalid',
        message: `boundaryEvent <Boundary> catches ${what} on callActivity <Call>; what a called process throws does not reach its call activity in Sparrow (an uncaught error is an incident of the called case)`,
      },
    ]);
  });
});
