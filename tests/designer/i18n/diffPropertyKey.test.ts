// The version diff names element kinds and changed properties in the UI language, never by their BPMN/Zeebe names.
import { diffPropertyKey } from '../../../designer/src/i18n/diffPropertyKey';
import { elementKindKey, kindOfBpmnType } from '../../../designer/src/i18n/elementKindKey';
import { dictionaries } from '../../../designer/src/i18n/locales';

const zh = dictionaries['zh-CN'];

describe('diffPropertyKey', () => {
  it('should name a property path by its innermost known segment, then its outermost, else 其他属性', () => {
    // when / then
    expect(zh[diffPropertyKey('name')]).toBe('名称');
    expect(zh[diffPropertyKey('documentation[0]')]).toBe('说明');
    expect(zh[diffPropertyKey('extensionElements.values[1].candidateGroups')]).toBe('候选组');
    expect(zh[diffPropertyKey('extensionElements.values[0].somethingNew')]).toBe('扩展属性');
    expect(zh[diffPropertyKey('di.bounds')]).toBe('其他属性');
  });
});

describe('kindOfBpmnType', () => {
  it('should name the moddle types the diff lists, the process and flows included', () => {
    // when / then
    expect(['bpmn:Process', 'bpmn:StartEvent', 'bpmn:UserTask', 'bpmn:SequenceFlow', 'bpmn:CallActivity', 'bpmn:Whatever'].map((type) => zh[elementKindKey(kindOfBpmnType(type))])).toEqual([
      '流程',
      '开始',
      '人工任务',
      '连线',
      '调用子流程',
      '环节',
    ]);
  });
});
