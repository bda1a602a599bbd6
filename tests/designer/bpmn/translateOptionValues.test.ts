// The properties panel's option values in zh-CN (issue 17): implementation types, form types and binding types read
// in Chinese, without the English or the Camunda product name.
import { bpmnTranslator } from '../../../designer/src/bpmn/translate';

describe('the modeler option values in zh-CN', () => {
  it('should translate the implementation, form and binding types into Chinese with no Latin word', () => {
    // given
    const translate = bpmnTranslator('zh-CN');
    const options = ['Camunda user task', 'Job worker', 'Camunda Form', 'Camunda Form (linked)', 'Camunda Form (embedded)', 'Custom form key', 'latest', 'deployment', 'version tag', '<none>'];

    // when
    const translated = options.map((option) => translate(option));

    // then
    expect(translated.filter((text) => /[A-Za-z]{2,}/.test(text) || !/[\u4e00-\u9fff]/.test(text))).toEqual([]);
  });
});
