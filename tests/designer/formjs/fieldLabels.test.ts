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

  it('labels a date field by its date label and keeps true/false options by their text', () => {
    // given: a date field (form-js labels it dateLabel) and a yes/no radio with boolean values
    const form = {
      components: [
        { type: 'datetime', subtype: 'date', key: 'servedOn', dateLabel: '送达日期' },
        { type: 'radio', key: 'violationFound', label: '是否构成违法', values: [{ label: '构成违法', value: true }, { label: '不构成违法', value: false }] },
      ],
    };

    // when
    const labels = fieldLabels([form]);

    // then
    expect(labels.get('servedOn')?.label).toBe('送达日期');
    expect(labels.get('violationFound')?.options.get('false')).toBe('不构成违法');
  });
});
