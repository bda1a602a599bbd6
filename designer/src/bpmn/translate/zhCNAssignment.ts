// zh-CN names of the assignment pickers (designer/src/bpmn/assignment): groups, roles, org units and people by name.

/** The properties panel's assignment picker texts. */
export const ZH_CN_ASSIGNMENT: Readonly<Record<string, string>> = {
  'Pick the assignee': '选择处理人',
  'Pick candidate groups': '选择候选组',
  'Pick candidate users': '选择候选人',
  'An expression below decides; picking here replaces it': '由下方表达式决定；在此选择将替换它',
  'Nobody picked yet': '尚未选择',
  'Remove {name}': '移除 {name}',
  'Add…': '添加…',
  Groups: '组',
  Roles: '角色',
  'Org units': '组织',
  'Search people by name': '按姓名搜索人员',
  'Nobody found': '未找到人员',
};
