// zh-CN names of what issue 14 lets a modeller draw (designer/src/bpmn/legalTime and the sparrow/clocks lint rule): a
// process's statutory clocks (法定时限), a flow node's clock controls (计时控制), and the deadline presets of due dates
// and timers (截止于时限 / N 个工作日后).
import { SPARROW_LINT_MESSAGES } from '../lint/messages';

/** The properties panel's and the lint rule's legal-time texts. */
export const ZH_CN_LEGAL_TIME: Readonly<Record<string, string>> = {
  // the process's 法定时限 group
  'Legal time limits': '法定时限',
  'Time limit': '时限',
  'Due dates and timers may end at its deadline': '任务截止时间和定时器可选“截止于时限”引用它',
  'A clock needs a name': '请填写时限名称',
  'Counts in': '计时方式',
  'Calendar days': '自然日',
  'Working days': '工作日',
  'Other duration': '其他时长',
  Length: '时长',
  'Days; the start day does not count': '天数，起算当日不计入',
  'An ISO 8601 duration such as P3M or PT4H': 'ISO 8601 时长，如 P3M（3 个月）或 PT4H（4 小时）',
  'Enter an ISO 8601 duration': '请输入 ISO 8601 时长',
  'Enter a whole number of days from 1 to 3650': '请输入 1 至 3650 之间的整数天数',
  Approvers: '审批人',
  'Roles or groups separated by commas; they may suspend, resume and extend the clock': '用逗号分隔的角色或用户组，可中止、恢复和延长该时限',
  'Warn within (days)': '预警天数',
  'Enter a whole number of days, or leave it empty': '请输入整数天数，或留空',
  'Shown as near its deadline when this many days or fewer remain; empty: 3': '剩余天数不多于此值时提示临近截止；留空为 3 天',
  // a flow node's 计时控制 group
  'Clock control': '计时控制',
  Clock: '时限',
  'When this element completes': '本环节完成时',
  'Start the clock': '开始计时',
  'Stop the clock': '停止计时',
  '{name} (not declared)': '{name}（流程未声明）',
  // the deadline presets of due dates and timers
  'Due date preset': '截止时间预设',
  'Fires at': '触发时间预设',
  'Deadlines of working days end at 23:59 Beijing time': '按工作日计算的期限截至北京时间当日 23:59',
  'Enter below': '在下方填写',
  'At the deadline of {name}': '截止于时限「{name}」',
  'N working days later': 'N 个工作日后',
  'N calendar days later': 'N 个自然日后',
  'N hours later': 'N 小时后',
  'Number of calendar days': '自然日数',
  'Number of hours': '小时数',
  'Counted from when the element is reached, weekends and holidays included': '自流程到达本环节时起算，含周末和节假日',
  'Counted from when the element is reached, around the clock': '自流程到达本环节时起算，按钟点连续计算',
  'Enter a whole number from 1 to {max}': '请输入 1 到 {max} 之间的整数',
  'Number of working days': '工作日数',
  'Counted from when the element is reached; holidays and make-up working days follow the work calendar': '自流程到达本环节时起算，节假日和调休按工作日历计算',
  // the add button of the panel's lists
  Create: '新建',
  // sparrow/clocks
  [SPARROW_LINT_MESSAGES.clockWithoutName]: '声明的时限没有名称',
  [SPARROW_LINT_MESSAGES.clockNameDuplicate]: '两个声明的时限同名',
  [SPARROW_LINT_MESSAGES.clockWithoutLength]: '声明的时限需要时长或工作日数',
  [SPARROW_LINT_MESSAGES.clockBothLengths]: '声明的时限同时有时长和工作日数，只能保留一个',
  [SPARROW_LINT_MESSAGES.clockUndeclared]: '计时控制引用了流程未声明的时限',
  [SPARROW_LINT_MESSAGES.clockActionInvalid]: '计时控制只能开始或停止时限',
};
