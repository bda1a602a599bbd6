// The job types Sparrow's worker runs, as the designer shows them: a browser-safe copy of activities/jobs (checked by a test).
import type { Locale } from '../i18n/locales';

/** Text in each UI language. */
export type Localized = Record<Locale, string>;

/** One typed field of a job type, bound to a zeebe task header of the same name. */
export interface JobTypeField {
  /** Header key the handler reads (`headers[name]`). */
  name: string;
  label: Localized;
  description: Localized;
  /** A multi-line text box instead of one line. */
  multiline: boolean;
}

/** A job type a service task may name in `zeebe:taskDefinition type`. */
export interface JobTypeInfo {
  type: string;
  title: Localized;
  description: Localized;
  fields: readonly JobTypeField[];
}

/** Every job type the worker registers (`builtinJobTypes` in activities/jobs), with the fields its handler reads. */
export const JOB_TYPES: readonly JobTypeInfo[] = [
  {
    type: 'sparrow.notify',
    title: { 'zh-CN': '发送通知', en: 'Send notification' },
    description: {
      'zh-CN': '向部门、岗位或人员发送通知（recipients、message）',
      en: 'Notify departments, groups or users (recipients, message)',
    },
    fields: [
      {
        name: 'recipients',
        label: { 'zh-CN': '接收人', en: 'Recipients' },
        description: {
          'zh-CN': '部门、岗位组或用户名，多个用逗号分隔，例如 enforcement,liaison',
          en: 'Departments, groups or usernames, comma-separated, e.g. enforcement,liaison',
        },
        multiline: false,
      },
      {
        name: 'message',
        label: { 'zh-CN': '通知内容', en: 'Message' },
        description: { 'zh-CN': '接收人看到的通知正文', en: 'The text the recipients read' },
        multiline: true,
      },
    ],
  },
];

/** The registered job type names. */
export const KNOWN_JOB_TYPES: ReadonlySet<string> = new Set(JOB_TYPES.map((job) => job.type));
