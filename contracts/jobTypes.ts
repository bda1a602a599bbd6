// The job types Sparrow's worker runs and what the designer shows of them: a service task's `zeebe:taskDefinition type`
// must name one of these (the server refuses other types at deployment); activities/jobs has a handler for each.

/** Text in each UI language. */
export type Localized = { 'zh-CN': string; en: string };

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

/** The job types shipped with Sparrow, with the fields their handlers read. */
export const BUILTIN_JOB_TYPES = [
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
] as const satisfies readonly JobTypeInfo[];

/** The name of a built-in job type. */
export type BuiltinJobTypeName = (typeof BUILTIN_JOB_TYPES)[number]['type'];

/** The names of the built-in job types. */
export const BUILTIN_JOB_TYPE_NAMES: ReadonlySet<string> = new Set(BUILTIN_JOB_TYPES.map((job) => job.type));
