import { compileModel, diagram, fixture, problemsOf } from './harness';

/** A start event `Start` and an end event `End` joined by one flow with the given condition. */
const withCondition = (condition: string) =>
  diagram(`<bpmn:startEvent id="Start" /><bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`);

describe('flows', () => {
  it('should read a flow with its name and FEEL condition', async () => {
    // given
    const xml = fixture('gateways.bpmn');

    // when
    const model = await compileModel(xml);

    // then
    expect(model.flows.Flow_Severe).toEqual({ id: 'Flow_Severe', name: 'severe', source: 'Decide', target: 'Fork', condition: { kind: 'feel', source: 'severity >= 3' } });
    expect(model.flows.Flow_Always.condition).toEqual({ kind: 'static', value: 'true' });
    expect(model.flows.Flow_Minor).toEqual({ id: 'Flow_Minor', source: 'Decide', target: 'Notify' });
  });

  it('should treat an empty condition as no condition', async () => {
    // given
    const xml = withCondition('  ');

    // when
    const model = await compileModel(xml);

    // then
    expect(model.flows.Flow_1.condition).toBeUndefined();
  });

  it.each(['${amount > 100}', 'amount > 100'])('should NOT accept the condition %s, which is not FEEL', async (condition) => {
    // given
    const xml = withCondition(condition);

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([
      { elementId: 'Flow_1', code: 'condition-not-feel', message: `condition of flow <Flow_1> is not a FEEL expression (start it with "="): ${condition}` },
    ]);
  });

  it('should NOT accept a condition with invalid FEEL, saying where', async () => {
    // given
    const xml = withCondition('=amount &gt;');

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([
      { elementId: 'Flow_1', code: 'feel-invalid', message: 'condition of flow <Flow_1> has an invalid FEEL expression "=amount >": incomplete comparison at column 10' },
    ]);
  });

  it('should NOT accept flows with missing, unknown, non-node or cross-scope ends', async () => {
    // given
    const xml = fixture('broken-flows.bpmn');

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([
      { elementId: 'Flow_NoSource', code: 'flow-reference-invalid', message: 'sequence flow <Flow_NoSource> has no sourceRef or refers to an unknown element' },
      { elementId: 'Flow_Unknown', code: 'flow-reference-invalid', message: 'sequence flow <Flow_Unknown> has no targetRef or refers to an unknown element' },
      { elementId: 'Flow_ToData', code: 'flow-reference-invalid', message: 'sequence flow <Flow_ToData> has targetRef dataObjectReference <Data_Ref>, which is not a flow node' },
      { elementId: 'Flow_IntoSub', code: 'flow-reference-invalid', message: 'sequence flow <Flow_IntoSub> has targetRef <Inner_Task>, which is in another scope (flows cannot cross a subprocess boundary)' },
    ]);
  });
});
