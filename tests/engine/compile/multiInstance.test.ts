import { compile } from '../../../engine/compile';
import { compileModel, problemsOf, startingAt } from './harness';

/** Start → `element` (id `Element`) → End, where `loop` goes inside the element. */
const withLoop = (loop: string, type = 'userTask', inner = '') =>
  startingAt('Element', `<bpmn:${type} id="Element">${inner}${loop}</bpmn:${type}><bpmn:sequenceFlow id="Flow_Out" sourceRef="Element" targetRef="End" /><bpmn:endEvent id="End" />`);

/** bpmn:multiInstanceLoopCharacteristics with zeebe:loopCharacteristics `attributes` and optional inner XML (completion condition, cardinality). */
const characteristics = (attributes: string, more = '', sequential = false) =>
  `<bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}"><bpmn:extensionElements><zeebe:loopCharacteristics ${attributes} /></bpmn:extensionElements>${more}</bpmn:multiInstanceLoopCharacteristics>`;

const condition = (body: string) => `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${body}</bpmn:completionCondition>`;

const SUB_PROCESS = '<bpmn:startEvent id="In_Start" /><bpmn:sequenceFlow id="Flow_In" sourceRef="In_Start" targetRef="In_End" /><bpmn:endEvent id="In_End" />';

describe('multi-instance', () => {
  it('should compile the loop of a sequential user task with its collections and completion condition', async () => {
    // given
    const xml = withLoop(
      characteristics('inputCollection="=signers" inputElement="signer" outputCollection="decisions" outputElement="=decision"', condition('=numberOfCompletedInstances &gt;= 2'), true),
    );

    // when
    const model = await compileModel(xml);

    // then
    expect(model.nodes.Element.multiInstance).toEqual({
      sequential: true,
      inputCollection: { kind: 'feel', source: 'signers' },
      inputElement: 'signer',
      outputCollection: 'decisions',
      outputElement: { kind: 'feel', source: 'decision' },
      completionCondition: { kind: 'feel', source: 'numberOfCompletedInstances >= 2' },
    });
  });

  it.each([
    ['task', ''],
    ['serviceTask', '<bpmn:extensionElements><zeebe:taskDefinition type="notify" /></bpmn:extensionElements>'],
    ['sendTask', '<bpmn:extensionElements><zeebe:taskDefinition type="notify" /></bpmn:extensionElements>'],
    ['scriptTask', '<bpmn:extensionElements><zeebe:script expression="=1" resultVariable="one" /></bpmn:extensionElements>'],
    ['subProcess', SUB_PROCESS],
  ])('should compile a parallel multi-instance %s with only an input collection', async (type, inner) => {
    // given
    const xml = withLoop(characteristics('inputCollection="=items"'), type, inner);

    // when
    const model = await compileModel(xml);

    // then
    expect(model.nodes.Element.multiInstance).toEqual({ sequential: false, inputCollection: { kind: 'feel', source: 'items' } });
  });

  it('should compile a multi-instance receive task', async () => {
    // given
    const message = '<bpmn:message id="Message_1" name="reply"><bpmn:extensionElements><zeebe:subscription correlationKey="=item" /></bpmn:extensionElements></bpmn:message>';
    const xml = startingAt(
      'Element',
      `<bpmn:receiveTask id="Element" messageRef="Message_1">${characteristics('inputCollection="=items" inputElement="item"')}</bpmn:receiveTask>
       <bpmn:sequenceFlow id="Flow_Out" sourceRef="Element" targetRef="End" /><bpmn:endEvent id="End" />`,
      message,
    );

    // when
    const model = await compileModel(xml);

    // then
    expect(model.nodes.Element.multiInstance?.inputElement).toBe('item');
  });

  it.each([
    ['no zeebe:loopCharacteristics', '<bpmn:multiInstanceLoopCharacteristics />', 'userTask <Element> is multi-instance without a zeebe:loopCharacteristics inputCollection'],
    [
      'a loopCardinality instead of an input collection',
      '<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>',
      'userTask <Element> is multi-instance without a zeebe:loopCharacteristics inputCollection (a loopCardinality is not supported: iterate over "=for i in 1..n return i")',
    ],
    ['a static input collection', characteristics('inputCollection="items"'), 'userTask <Element> has the inputCollection "items", which is not a FEEL expression (starting with "=")'],
    ['an output collection without output element', characteristics('inputCollection="=items" outputCollection="out"'), 'userTask <Element> has an outputCollection without an outputElement'],
    ['an output element without output collection', characteristics('inputCollection="=items" outputElement="=x"'), 'userTask <Element> has an outputElement without an outputCollection'],
    ['an input element that is no variable name', characteristics('inputCollection="=items" inputElement="my item"'), 'userTask <Element> has the inputElement "my item", which is not a variable name'],
    ['an output collection that is reserved', characteristics('inputCollection="=items" outputCollection="__proto__" outputElement="=x"'), 'userTask <Element> has the outputCollection "__proto__", which is not a variable name'],
    ['a completion condition that is not FEEL', characteristics('inputCollection="=items"', condition('done')), 'userTask <Element> has the completionCondition "done", which is not a FEEL expression (starting with "=")'],
  ])('should NOT accept %s', async (_what, loop, message) => {
    // given
    const xml = withLoop(loop);

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ elementId: 'Element', code: 'multi-instance-invalid', message }]);
  });

  it('should NOT accept an invalid FEEL input collection, naming the element', async () => {
    // given
    const xml = withLoop(characteristics('inputCollection="=items["'));

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([expect.objectContaining({ elementId: 'Element', code: 'feel-invalid', message: expect.stringContaining('inputCollection of userTask <Element>') })]);
  });

  it('should NOT accept a multi-instance event subprocess', async () => {
    // given
    const xml = startingAt(
      'End',
      `<bpmn:endEvent id="End" /><bpmn:subProcess id="OnEvent" triggeredByEvent="true">${characteristics('inputCollection="=items"')}
        <bpmn:startEvent id="OnEvent_Start"><bpmn:signalEventDefinition signalRef="Signal_1" /></bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_OnEvent" sourceRef="OnEvent_Start" targetRef="OnEvent_End" /><bpmn:endEvent id="OnEvent_End" /></bpmn:subProcess>`,
      '<bpmn:signal id="Signal_1" name="alarm" />',
    );

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toContainEqual({ elementId: 'OnEvent', code: 'multi-instance-invalid', message: 'subProcess <OnEvent> is an event subprocess, which cannot be multi-instance' });
  });

  it('should warn that a loopCardinality beside an input collection is ignored', async () => {
    // given
    const xml = withLoop(characteristics('inputCollection="=items"', '<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">3</bpmn:loopCardinality>'));

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings).toContainEqual({
      elementId: 'Element',
      code: 'ignored-attribute',
      message: 'userTask <Element>: the loopCardinality is ignored (the inputCollection decides the instances)',
    });
  });
});
