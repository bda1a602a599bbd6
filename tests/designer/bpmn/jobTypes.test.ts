// The designer's element templates: one per built-in job type (contracts/jobTypes.ts), binding the fields its handler reads,
// and the external job template (外部任务).
import { EXTERNAL_JOB_TEMPLATE_ID, elementTemplatesFor } from '../../../designer/src/bpmn/elementTemplates';

describe('element templates', () => {
  it('should offer one service-task template per job type and one for external jobs, named in the UI language', () => {
    // when
    const zh = elementTemplatesFor('zh-CN');
    const en = elementTemplatesFor('en');

    // then
    expect(zh.map((template) => [template.id, template.name, template.elementType.value])).toEqual([
      ['sparrow.notify', '发送通知', 'bpmn:ServiceTask'],
      ['sparrow.http', '调用 HTTP 接口', 'bpmn:ServiceTask'],
      [EXTERNAL_JOB_TEMPLATE_ID, '外部任务', 'bpmn:ServiceTask'],
    ]);
    expect(en.map((template) => template.name)).toEqual(['Send notification', 'Call an HTTP endpoint', 'External job']);
  });

  it('should let the owner type the external job type, refusing an empty or dynamic one', () => {
    // when
    const external = elementTemplatesFor('zh-CN').find((template) => template.id === EXTERNAL_JOB_TEMPLATE_ID);

    // then the only property is the job type, typed by the owner, not empty and not starting with =
    expect(external?.properties).toEqual([expect.objectContaining({ type: 'String', label: '作业类型', binding: { type: 'zeebe:taskDefinition', property: 'type' } })]);
    const pattern = new RegExp(external?.properties[0].constraints?.pattern?.value ?? '');
    expect(pattern.test('demo.external.reverse')).toBe(true);
    expect(pattern.test('=jobType')).toBe(false);
    expect(external?.properties[0].constraints?.notEmpty).toBe(true);
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
