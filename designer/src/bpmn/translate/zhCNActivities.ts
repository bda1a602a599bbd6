// zh-CN names of what issue 13 lets a modeller draw, as the properties panel shows them: the approval presets of user
// tasks (会签 / 或签 / 依次审批 / 按比例), call activities (the called process, its version binding, variable
// propagation), timer start cycles and compensation.

/** The properties panel's texts for multi-instance, call activities, timer and message starts and compensation. */
export const ZH_CN_ACTIVITIES: Readonly<Record<string, string>> = {
  // approval presets (designer/src/bpmn/approval)
  'Approval mode': '审批方式',
  'Several signers each get their own task': '多人签核时每人各收到一个待办',
  'One person handles it': '单人处理',
  'All must sign (countersign)': '会签（全部同意）',
  'Any one signs': '或签（一人同意即可）',
  'Sign in order': '依次审批',
  'A share must sign': '按比例',
  Custom: '自定义',
  'Who signs': '签核人',
  'Names separated by commas, or an expression starting with = (e.g. =reviewers)': '用逗号分隔的人员，或以 = 开头的表达式（引用流程变量中的人员列表）',
  // a user task's implementation: Camunda's own user task, or a job for a worker
  'Camunda user task': '平台用户任务（任务清单办理）',
  'Job worker': '作业执行器',
  // a Camunda user task's linked form (the job-worker form options are in zhCN.ts)
  'Camunda Form': '表单库表单',
  'How many must sign': '需要同意的人数',
  'A fraction such as 2/3, or a number of people such as 2': '比例如 2/3，或人数如 2',
  'Enter a fraction such as 2/3 or a whole number': '请输入比例（如 2/3）或整数',
  // call activities (the Zeebe provider, and designer/src/bpmn/calledProcess)
  'Called process': '被调用流程',
  'Process from the library': '从流程库选择',
  'Or type a process ID, or an expression starting with =': '也可以直接填写流程标识，或以 = 开头的表达式',
  '{name} (not deployed)': '{name}（未部署）',
  'Expression: {expression}': '表达式：{expression}',
  latest: '最新版本',
  deployment: '部署时版本',
  'version tag': '版本标签',
  'Propagate all child process variables': '传回子流程的全部变量',
  'Propagate all parent process variables': '传入父流程的全部变量',
  'If turned on, all variables from the child process instance will be propagated to the parent process instance.': '开启后，子流程实例的全部变量都会传回父流程实例。',
  'If turned on, all variables from the parent process instance will be propagated to the child process instance.': '开启后，父流程实例的全部变量都会传入子流程实例。',
  'Otherwise, only variables defined via output mappings will be propagated.': '否则只传递输出映射中定义的变量。',
  'Otherwise, only variables defined via input mappings will be propagated.': '否则只传递输入映射中定义的变量。',
  'Business ID': '业务编号',
  'Inherit from parent': '沿用上级案件的业务编号',
  On: '开',
  Off: '关',
  // timer start cycles (designer/src/bpmn/timerStart)
  'Repeats': '重复',
  'Starts a case on a schedule': '按计划自动发起案件',
  'Not repeating': '不重复',
  'Every week (Monday 9:00)': '每周（周一 9:00）',
  'Every month (1st, 9:00)': '每月（1 日 9:00）',
  'Every quarter (1st of Jan, Apr, Jul, Oct, 9:00)': '每季度（1、4、7、10 月 1 日 9:00）',
  'Other cycle': '其他周期',
  'Documentation: Timer events': '说明：定时器事件',
  // compensation; the panel's header names these events after their definition ("Compensate")
  Compensation: '补偿',
  'Compensate Intermediate Throw Event': '补偿中间抛出事件',
  'Compensate End Event': '补偿结束事件',
  'Compensate Boundary Event': '补偿边界事件',
  'Activity reference': '补偿的活动',
  'Wait for completion': '等待补偿完成',
};
