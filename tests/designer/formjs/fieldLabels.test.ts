// The labels forms give variables: by key across forms and nested groups, options by value, the first form winning.
import { fieldLabels } from '../../../designer/src/formjs/fieldLabels';

describe('fieldLabels', () => {
  it('labels each keyed field of the forms, with its options, and ignores unlabelled fields', () => {
    // given: a task form with a radio in a group and a start form that labels one key again
    const task = {
      components: [
        { type: 'textfield', key: 'result', label: ' 核查结论 ' },
        { type: 'group', components: [{ type: 'radio', key: 'action', label: '处理方式', values: [{ label: '劝离', value: 'dissuade' }, { label: '立案处罚', value: 'penalize' }] }] },
        { type: 'textfield', key: 'note' },
        { type: 'text', text: '说明' },
      ],
    };
    const start = { components: [{ type: 'textfield', key: 'result', label: '另一个标签' }, { type: 'number', key: 'fine', label: '罚款金额（元）' }] };

    // when
    const labels = fieldLabels([task, undefined, start]);

    // then
    expect([...labels.keys()]).toEqual(['result', 'action', 'fine']);
    expect(labels.get('result')?.label).toBe('核查结论');
    expect(labels.get('action')?.options.get('penalize')).toBe('立案处罚');
    expect(labels.get('fine')?.options.size).toBe(0);
  });
});
