// zh-CN names of the process's 发起权限 group (designer/src/bpmn/starters): who may start its cases.

/** The properties panel's starters texts. */
export const ZH_CN_STARTERS: Readonly<Record<string, string>> = {
  'Who may start it': '发起权限',
  'Roles or groups separated by commas; empty: everyone who may start cases': '可发起此流程的角色或组，用逗号分隔；留空：所有可发起案件的人',
};
