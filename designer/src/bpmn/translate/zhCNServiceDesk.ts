// zh-CN names of the process's 服务大厅 group (designer/src/bpmn/serviceDesk): its icon and the starter variable.
import { ICON_BADGES } from '../../components/ProcessIcon/badges';

const ICON_NAMES: Readonly<Record<string, string>> = {
  [ICON_BADGES.volunteer.label]: '志愿服务',
  [ICON_BADGES.repair.label]: '维修',
  [ICON_BADGES.elderly.label]: '助老',
  [ICON_BADGES.cleaning.label]: '保洁',
  [ICON_BADGES.complaint.label]: '投诉',
  [ICON_BADGES.deliberation.label]: '议事',
  [ICON_BADGES.whistle.label]: '吹哨',
  [ICON_BADGES.enforcement.label]: '执法',
};

/** The properties panel's service-desk texts and the icons' names. */
export const ZH_CN_SERVICE_DESK: Readonly<Record<string, string>> = {
  'Service desk': '服务大厅',
  Icon: '图标',
  'Shown on the process card in the service desk': '显示在服务大厅的流程卡片上',
  'No icon (first character of the name)': '不设图标（显示名称的第一个字）',
  'Unknown icon {name}': '未知图标 {name}',
  'Starter variable': '发起人变量',
  "Stores the starter's username in this variable when a case starts, e.g. to assign the rating step to the starter": '发起时把发起人的用户名存入此变量，例如评价环节指派给发起人',
  'Enter a variable name: letters, digits or _, not starting with a digit': '请输入变量名：字母、数字或 _，不能以数字开头',
  ...ICON_NAMES,
};
