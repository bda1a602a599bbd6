// Simplified Chinese messages: the reference dictionary, whose keys every other language must match.

/** Every visible string of the app in zh-CN, keyed by a stable dotted id; `{name}` marks a parameter. */
export const zhCN = {
  'app.name': '麻雀 Sparrow',
  'header.language': '界面语言',
  'language.zh-CN': '中文',
  'language.en': 'English',
  'nav.label': '主导航',
  'nav.processes': '流程库',
  'notFound.title': '页面不存在',
  'notFound.back': '返回流程库',
  'session.expired.title': '未登录或登录已过期',
  'session.expired.detail': '请重新登录后刷新本页。',
  'session.expired.reload': '刷新页面',
  'error.network.title': '无法连接服务器',
  'error.network.detail': '请检查网络连接；列表会自动重试。',
  'error.unexpected.title': '服务器返回了意外的响应（HTTP {status}）',
  'library.title': '流程库',
  'library.loadFailed': '无法加载流程列表',
  'library.empty': '还没有已部署的流程。点击「导入 BPMN」部署第一个流程。',
  'library.column.name': '名称',
  'library.column.key': '标识',
  'library.column.version': '最新版本',
  'library.column.deployedBy': '部署人',
  'library.column.deployedAt': '部署时间',
  'library.version': '第 {version} 版',
  'library.none': '—',
  'import.button': '导入 BPMN',
  'import.deployed': '已部署 {key} 第 {version} 版',
  'import.unchanged': '{key} 第 {version} 版内容相同，未创建新版本',
  'import.failed': '导入失败：{title}',
  'import.readFailed': '无法读取文件 {file}',
  'problems.rejected': '流程无法部署：发现 {count} 个问题',
  'problems.warnings': '已部署，但有 {count} 条警告',
  'problems.element': '元素 {id}',
  'problems.close': '关闭',
} as const;

/** The id of one message. */
export type MessageKey = keyof typeof zhCN;
