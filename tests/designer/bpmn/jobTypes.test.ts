// The designer's element templates: one per built-in job type (contracts/jobTypes.ts), binding the fields its handler reads.
import { elementTemplatesFor } from '../../../designer/src/bpmn/elementTemplates';

describe('element templates', () => {
  it('should offer one service-task template per job type, named in the UI language', () => {
    // when
    const zh = elementTemplatesFor('zh-CN');
    const en = elementTemplatesFor('en');

    // then
    expect(zh.map((template) => [template.id, template.name, template.elementType.value])).toEqual([['sparrow.notify', '发送通知', 'bpmn:ServiceTask']]);
    expect(en.map((template) => template.name)).toEqual(['Send notification']);
  });

  it('should fix the job type and bind each field to a task header the handler reads', () => {
    // when
    const [notify] = elementTemplatesFor('zh-CN');

    // then
    expect(notify.properties.map((property) => [property.type, property.binding])).toEqual([
      ['Hidden', { type: 'zeebe:taskDefinition', property: 'type' }],
      ['String', { type: 'zeebe:taskHeader', key: 'recipients' }],
      ['Text', { type: 'zeebe:taskHeader', key: 'message' }],
    ]);
    expect(notify.properties[0].value).toBe('sparrow.notify');
  });
});
