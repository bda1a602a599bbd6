// Camunda 8 (zeebe) element templates for Sparrow's job types, so an owner picks "发送通知" by name and fills typed fields,
// and one for an external job (外部任务), whose type an external job worker serves.
import type { Locale } from '../i18n/locales';
import { BUILTIN_JOB_TYPES, type JobTypeInfo } from '../../../contracts/jobTypes';

const SCHEMA = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

/** One property of an element template (the subset Sparrow's templates use). */
export interface TemplateProperty {
  type: 'Hidden' | 'String' | 'Text';
  value?: string;
  label?: string;
  description?: string;
  group?: string;
  binding: { type: 'zeebe:taskDefinition'; property: 'type' } | { type: 'zeebe:taskHeader'; key: string };
  constraints?: { notEmpty: boolean; pattern?: { value: string; message: string } };
}

/** A zeebe element template as bpmn-js-element-templates reads it. */
export interface ElementTemplate {
  $schema: string;
  id: string;
  name: string;
  description: string;
  version: number;
  category: { id: string; name: string };
  appliesTo: string[];
  elementType: { value: string };
  groups: Array<{ id: string; label: string }>;
  properties: TemplateProperty[];
}

const GROUP_LABEL: Record<Locale, string> = { 'zh-CN': '任务参数', en: 'Task parameters' };
const CATEGORY = { id: 'sparrow', name: 'Sparrow' };

/** Template version: bump when a job type's fields change, so diagrams can be upgraded. */
export const TEMPLATE_VERSION = 1;

/** A service-task template of Sparrow's category with one parameters group: what every template here shares. */
function serviceTaskTemplate(id: string, name: string, description: string, locale: Locale, properties: TemplateProperty[]): ElementTemplate {
  return {
    $schema: SCHEMA,
    id,
    name,
    description,
    version: TEMPLATE_VERSION,
    category: CATEGORY,
    appliesTo: ['bpmn:Task', 'bpmn:ServiceTask', 'bpmn:SendTask'],
    elementType: { value: 'bpmn:ServiceTask' },
    groups: [{ id: 'parameters', label: GROUP_LABEL[locale] }],
    properties,
  };
}

function templateOf(job: JobTypeInfo, locale: Locale): ElementTemplate {
  return serviceTaskTemplate(job.type, job.title[locale], job.description[locale], locale, [
    { type: 'Hidden', value: job.type, binding: { type: 'zeebe:taskDefinition', property: 'type' } },
    ...job.fields.map(
      (field): TemplateProperty => ({
        type: field.multiline ? 'Text' : 'String',
        label: field.label[locale],
        description: field.description[locale],
        group: 'parameters',
        binding: { type: 'zeebe:taskHeader', key: field.name },
        constraints: { notEmpty: true },
      }),
    ),
  ]);
}

/** The id of the external job template. */
export const EXTERNAL_JOB_TEMPLATE_ID = 'sparrow.external-job';

const EXTERNAL_TEXT = {
  'zh-CN': {
    name: '外部任务',
    description: '由外部作业执行器（任意语言的 Temporal 工作者）处理，任务队列 jobs.<作业类型>',
    label: '作业类型',
    help: '外部作业执行器登记的作业类型，例如 demo.external.reverse',
    pattern: '作业类型不能以 = 开头（不支持动态作业类型）',
  },
  en: {
    name: 'External job',
    description: 'Served by an external job worker (a Temporal worker in any language) on task queue jobs.<job type>',
    label: 'Job type',
    help: 'The job type the external job worker serves, e.g. demo.external.reverse',
    pattern: 'A job type cannot start with = (dynamic job types are not supported)',
  },
} satisfies Record<Locale, Record<string, string>>;

/** The template of a service task whose job type an external job worker serves: the owner types the job type. */
function externalJobTemplate(locale: Locale): ElementTemplate {
  const text = EXTERNAL_TEXT[locale];
  return serviceTaskTemplate(EXTERNAL_JOB_TEMPLATE_ID, text.name, text.description, locale, [
    {
      type: 'String',
      label: text.label,
      description: text.help,
      group: 'parameters',
      binding: { type: 'zeebe:taskDefinition', property: 'type' },
      constraints: { notEmpty: true, pattern: { value: '^[^=]', message: text.pattern } },
    },
  ]);
}

/** The element templates of every Sparrow job type, then the external job template, labelled in `locale`. */
export function elementTemplatesFor(locale: Locale): ElementTemplate[] {
  return [...BUILTIN_JOB_TYPES.map((job) => templateOf(job, locale)), externalJobTemplate(locale)];
}
