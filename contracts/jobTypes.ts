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
  {
    type: 'sparrow.http',
    title: { 'zh-CN': '调用 HTTP 接口', en: 'Call an HTTP endpoint' },
    description: {
      'zh-CN': '调用管理员允许的 HTTP 接口，把应答存入变量（url、method、headers、body、resultVariable、timeoutSeconds；未填的项取同名变量，可用输入映射以 FEEL 计算）',
      en: 'Calls an HTTP endpoint an admin allowed and stores the answer in a variable (url, method, headers, body, resultVariable, timeoutSeconds; a field left empty is read from the variable of that name, which an input mapping can compute with FEEL)',
    },
    fields: [
      {
        name: 'url',
        label: { 'zh-CN': '地址', en: 'URL' },
        description: { 'zh-CN': 'http 或 https 地址，主机须在管理员允许的主机中，例如 https://api.example.org/permits', en: 'An http or https URL whose host an admin allowed, e.g. https://api.example.org/permits' },
        multiline: false,
      },
      {
        name: 'method',
        label: { 'zh-CN': '请求方法', en: 'Method' },
        description: { 'zh-CN': 'GET、POST、PUT、PATCH、DELETE 或 HEAD，默认 GET', en: 'GET, POST, PUT, PATCH, DELETE or HEAD; GET when empty' },
        multiline: false,
      },
      {
        name: 'headers',
        label: { 'zh-CN': '请求头', en: 'Headers' },
        description: { 'zh-CN': 'JSON 对象，例如 {"Accept": "application/json"}', en: 'A JSON object, e.g. {"Accept": "application/json"}' },
        multiline: true,
      },
      {
        name: 'body',
        label: { 'zh-CN': '请求体', en: 'Body' },
        description: { 'zh-CN': 'JSON 文本；要用流程数据时留空，用输入映射给变量 body 赋值', en: 'JSON text; to send case data leave it empty and set the variable body with an input mapping' },
        multiline: true,
      },
      {
        name: 'resultVariable',
        label: { 'zh-CN': '结果变量', en: 'Result variable' },
        description: { 'zh-CN': '存放应答 {status, headers, body} 的变量名，默认 response；输出映射可从中取值', en: 'The variable that receives the answer {status, headers, body}; response when empty. Output mappings can read from it' },
        multiline: false,
      },
      {
        name: 'timeoutSeconds',
        label: { 'zh-CN': '超时（秒）', en: 'Timeout (seconds)' },
        description: { 'zh-CN': '每次请求最长等待时间，默认 10，最多 60', en: 'How long one attempt may take; 10 when empty, at most 60' },
        multiline: false,
      },
    ],
  },
] as const satisfies readonly JobTypeInfo[];

/** The name of a built-in job type. */
export type BuiltinJobTypeName = (typeof BUILTIN_JOB_TYPES)[number]['type'];

/** The names of the built-in job types. */
export const BUILTIN_JOB_TYPE_NAMES: ReadonlySet<string> = new Set(BUILTIN_JOB_TYPES.map((job) => job.type));
