// Camunda 8 (zeebe) element templates for Sparrow's job types, so an owner picks "发送通知" by name and fills typed fields.
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
  constraints?: { notEmpty: boolean };
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

function templateOf(job: JobTypeInfo, locale: Locale): ElementTemplate {
  return {
    $schema: SCHEMA,
    id: job.type,
    name: job.title[locale],
    description: job.description[locale],
    version: TEMPLATE_VERSION,
    category: CATEGORY,
    appliesTo: ['bpmn:Task', 'bpmn:ServiceTask', 'bpmn:SendTask'],
    elementType: { value: 'bpmn:ServiceTask' },
    groups: [{ id: 'parameters', label: GROUP_LABEL[locale] }],
    properties: [
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
    ],
  };
}

/** The element templates of every Sparrow job type, labelled in `locale`. */
export function elementTemplatesFor(locale: Locale): ElementTemplate[] {
  return BUILTIN_JOB_TYPES.map((job) => templateOf(job, locale));
}
