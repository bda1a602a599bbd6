// The called-process picker of a call activity: deployed processes by name, and what the activity names when it is
// not one of them.
import { calledProcessOptions } from '../../../designer/src/bpmn/calledProcess/calledProcessOptions';
import { bpmnTranslator } from '../../../designer/src/bpmn/translate';

const translate = bpmnTranslator('zh-CN');
const processes = [
  { key: 'site-visit', name: '现场核查' },
  { key: 'approval', name: '审批' },
  { key: 'approval-2', name: '审批' },
  { key: 'unnamed', name: null },
];

describe('calledProcessOptions', () => {
  it('should offer the deployed processes by name in pinyin order, telling apart two of one name by their ids', () => {
    // when
    const options = calledProcessOptions(processes, 'site-visit', translate);

    // then
    expect(options).toEqual([
      { value: '', label: '<无>' },
      { value: 'approval', label: '审批 (approval)' },
      { value: 'approval-2', label: '审批 (approval-2)' },
      { value: 'site-visit', label: '现场核查' },
      { value: 'unnamed', label: 'unnamed' },
    ]);
  });

  it('should add an expression or a process not deployed as the current choice, in Chinese', () => {
    // then
    expect(calledProcessOptions(processes, '=childProcess', translate).at(-1)).toEqual({ value: '=childProcess', label: '表达式：childProcess' });
    expect(calledProcessOptions(processes, 'draft-only', translate).at(-1)).toEqual({ value: 'draft-only', label: 'draft-only（未部署）' });
  });
});
