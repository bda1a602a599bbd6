// The approval presets of a user task (会签 / 或签 / 依次审批 / 按比例): which preset Zeebe XML is, the XML each preset
// writes (which the engine's compiler runs as that multi-instance), and the round trip XML → preset → XML through
// bpmn-moddle with the Zeebe extension.
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { compile } from '../../../engine/compile';
import { approvalOf, formatShare, type LoopSettings, loopFor, parseShare, signerAssignee, signersCollection, signersText, type WritablePreset } from '../../../designer/src/bpmn/approval/presets';
import { assigneeOf, type ElementLike, loopSettingsOf, type ModdleElement, writeCommands } from '../../../designer/src/bpmn/approval/taskLoop';

const taskXml = (inner: string, assignee = '=signer') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="In" sourceRef="Start" targetRef="Sign" />
    <bpmn:userTask id="Sign" name="签核">
      <bpmn:extensionElements><zeebe:assignmentDefinition assignee="${assignee}" /></bpmn:extensionElements>
      ${inner}
    </bpmn:userTask>
    <bpmn:sequenceFlow id="Out" sourceRef="Sign" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

const loopXml = (sequential: boolean, condition?: string, collection = '=["张三", "李四", "王五"]') =>
  `<bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}">
        <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="${collection.replace(/"/g, '&quot;')}" inputElement="signer" /></bpmn:extensionElements>
        ${condition === undefined ? '' : `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${condition.replace(/>/g, '&gt;')}</bpmn:completionCondition>`}
      </bpmn:multiInstanceLoopCharacteristics>`;

/** What the spec calls on bpmn-moddle (its typings leave out create and toXML). */
interface Moddle {
  fromXML(xml: string): Promise<{ rootElement: unknown; elementsById: Record<string, ModdleElement> }>;
  create(type: string, attrs?: Record<string, unknown>): ModdleElement;
  toXML(element: unknown): Promise<{ xml: string }>;
}

/** The user task `Sign` of `xml` as the panel sees it, and the moddle that read it. */
async function read(xml: string) {
  const moddle = new BpmnModdle({ zeebe }) as unknown as Moddle;
  const { rootElement, elementsById } = await moddle.fromXML(xml);
  return { moddle, definitions: rootElement, element: { businessObject: elementsById.Sign } as ElementLike };
}

/** Applies the panel's commands the way bpmn-js's handlers do: set the properties on the element or moddle element. */
function apply(element: ElementLike, commands: ReturnType<typeof writeCommands>) {
  for (const { cmd, context } of commands) {
    const target = (cmd === 'element.updateProperties' ? element.businessObject : context.moddleElement) as Record<string, unknown> & { set(name: string, value: unknown): void };
    for (const [name, value] of Object.entries(context.properties as Record<string, unknown>)) target.set(name, value);
  }
}

describe('approvalOf', () => {
  it.each<[string, string, ReturnType<typeof approvalOf>]>([
    ['all must sign: parallel without a completion condition', loopXml(false), { preset: 'all' }],
    ['any one signs: parallel, one completed instance', loopXml(false, '=numberOfCompletedInstances >= 1'), { preset: 'any' }],
    ['in order: sequential without a completion condition', loopXml(true), { preset: 'sequential' }],
    ['a share: two thirds', loopXml(false, '= numberOfCompletedInstances / numberOfInstances >= 2/3'), { preset: 'share', share: { kind: 'fraction', numerator: 2, denominator: 3 } }],
    ['a share: a count of two', loopXml(false, '=numberOfCompletedInstances >= 2'), { preset: 'share', share: { kind: 'count', count: 2 } }],
    ['one person: no multi-instance', '', { preset: 'single' }],
    ['all must sign before who signs is typed', loopXml(false, undefined, ''), { preset: 'all' }],
  ])('should name %s', async (_name, inner, expected) => {
    // given
    const { element } = await read(taskXml(inner));

    // when
    const approval = approvalOf(loopSettingsOf(element), assigneeOf(element));

    // then
    expect(approval).toEqual(expected);
  });

  it.each([
    ['the assignee does not read the signer', taskXml(loopXml(false), 'zhangsan')],
    ['another completion condition', taskXml(loopXml(false, '=approved = false'))],
    ['a sequential loop with a completion condition', taskXml(loopXml(true, '=numberOfCompletedInstances >= 1'))],
    ['a share above one', taskXml(loopXml(false, '=numberOfCompletedInstances / numberOfInstances >= 4/3'))],
  ])('should call it custom when %s', async (_name, xml) => {
    // given
    const { element } = await read(xml);

    // then
    expect(approvalOf(loopSettingsOf(element), assigneeOf(element)).preset).toBe('custom');
  });
});

describe('a preset written into Zeebe XML', () => {
  it.each<[WritablePreset, boolean, string | undefined]>([
    ['all', false, undefined],
    ['any', false, '=numberOfCompletedInstances >= 1'],
    ['sequential', true, undefined],
    ['share', false, '=numberOfCompletedInstances / numberOfInstances >= 2/3'],
  ])('should write %s as ordinary multi-instance XML and read back as the same preset', async (preset, sequential, condition) => {
    // given: a user task with a fixed assignee and no multi-instance
    const { moddle, definitions, element } = await read(taskXml('', 'zhangsan'));
    const factory = { create: (type: string, attrs?: Record<string, unknown>) => moddle.create(type, attrs) };

    // when: the preset is chosen, then who signs is typed
    const settings = loopFor(preset, loopSettingsOf(element));
    apply(element, writeCommands(element, factory, settings, signerAssignee(settings)));
    apply(element, writeCommands(element, factory, { ...loopSettingsOf(element)!, inputCollection: signersCollection('张三，李四、王五') }));
    const { xml } = await moddle.toXML(definitions);

    // then: the XML holds Zeebe's elements, the assignee reads the signer
    // isSequential="false" is BPMN's default, which moddle leaves out
    expect(xml).toContain(sequential ? '<bpmn:multiInstanceLoopCharacteristics isSequential="true">' : '<bpmn:multiInstanceLoopCharacteristics>');
    expect(xml).toContain('<zeebe:loopCharacteristics inputCollection="=[&#34;张三&#34;, &#34;李四&#34;, &#34;王五&#34;]" inputElement="signer" />');
    expect(xml).toContain('<zeebe:assignmentDefinition assignee="=signer" />');
    if (condition) expect(xml).toContain(`<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${condition.replace(/>/g, '&gt;')}</bpmn:completionCondition>`);
    else expect(xml).not.toContain('completionCondition');
    // and: the engine's compiler runs it as that multi-instance
    const { processes, problems } = await compile(xml);
    expect(problems).toEqual([]);
    expect(processes[0].model.nodes.Sign.multiInstance).toMatchObject({ sequential, inputCollection: { kind: 'feel', source: '["张三", "李四", "王五"]' }, inputElement: 'signer' });
    expect(processes[0].model.nodes.Sign.multiInstance?.completionCondition).toEqual(condition ? { kind: 'feel', source: condition.slice(1) } : undefined);
    // and: reading it again gives the same preset
    const reread = await read(xml);
    expect(approvalOf(loopSettingsOf(reread.element), assigneeOf(reread.element)).preset).toBe(preset);
    expect(signersText(loopSettingsOf(reread.element)?.inputCollection)).toBe('张三, 李四, 王五');
  });

  it('should keep the collection, input element and outputs when switching presets', () => {
    // given
    const current: LoopSettings = { isSequential: false, inputCollection: '=reviewers', inputElement: 'reviewer', outputCollection: 'opinions', outputElement: '=opinion' };

    // when
    const settings = loopFor('sequential', current);

    // then
    expect(settings).toEqual({ ...current, isSequential: true });
    expect(signerAssignee(settings)).toBe('=reviewer');
  });

  it('should write one person back as no multi-instance and clear the assignee that read the signer', async () => {
    // given
    const { moddle, definitions, element } = await read(taskXml(loopXml(false)));
    const factory = { create: (type: string, attrs?: Record<string, unknown>) => moddle.create(type, attrs) };

    // when
    apply(element, writeCommands(element, factory, undefined, null));
    const { xml } = await moddle.toXML(definitions);

    // then
    expect(xml).not.toContain('multiInstanceLoopCharacteristics');
    expect(xml).not.toContain('assignee=');
  });
});

describe('signers and shares as a modeller types them', () => {
  it('should write names as a FEEL list of strings and keep an expression as it is', () => {
    // then
    expect(signersCollection('张三, 李四')).toBe('=["张三", "李四"]');
    expect(signersCollection('say "hi"')).toBe('=["say \\"hi\\""]');
    expect(signersCollection('  =reviewers ')).toBe('=reviewers');
    expect(signersCollection('  ')).toBeUndefined();
    expect(signersText('=reviewers')).toBe('=reviewers');
    expect(signersText('=["say \\"hi\\""]')).toBe('say "hi"');
    expect(signersText('=[a, "b"]')).toBe('=[a, "b"]');
  });

  it('should read 2/3 and 2 as shares and refuse anything else', () => {
    // then
    expect(parseShare(' 2 / 3 ')).toEqual({ kind: 'fraction', numerator: 2, denominator: 3 });
    expect(parseShare('2')).toEqual({ kind: 'count', count: 2 });
    expect(['', '0', '4/3', '1/0', 'x', '1.5'].map(parseShare)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(formatShare({ kind: 'fraction', numerator: 3, denominator: 4 })).toBe('3/4');
  });
});
