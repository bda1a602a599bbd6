// zh-CN names of what issue 12 lets a modeller draw, as the properties panel shows them: the global error, escalation
// and signal references with their name and code, link names, the event-based gateway's header, the timer's and the
// error event's help texts.

/** The properties panel's texts for boundary events, event subprocesses, the event-based gateway and error, escalation, signal and link events. */
export const ZH_CN_EVENTS: Readonly<Record<string, string>> = {
  'Global error reference': '全局错误引用',
  'Global escalation reference': '全局升级引用',
  'Global signal reference': '全局信号引用',
  // the error and the escalation groups name their code so; the group header (错误 / 升级) says whose code it is
  Code: '代码',
  Link: '链接',
  // the panel's header names the gateway without the hyphen
  'Event Based Gateway': '事件网关',
  'Timer documentation': '定时器说明',
  'How to configure a timer': '如何配置定时器',
  'A specific point in time defined as ISO 8601 combined date and time representation.': '以 ISO 8601 日期时间格式表示的某个时间点。',
  'A time duration defined as ISO 8601 durations format.': '以 ISO 8601 时长格式表示的一段时间。',
  'A cycle defined as ISO 8601 repeating intervals format, or a cron expression.': '以 ISO 8601 重复间隔格式或 cron 表达式表示的周期。',
  'UTC time': 'UTC 时间',
  'UTC plus 2 hours zone offset': 'UTC 加 2 小时时区偏移',
  '15 seconds': '15 秒',
  '1 hour and 30 minutes': '1 小时 30 分钟',
  '14 days': '14 天',
  'every 10 seconds, up to 5 times': '每 10 秒一次，最多 5 次',
  'every day, infinitely': '每天一次，无限重复',
  'every hour on the hour from 9-5 p.m. UTC Monday-Friday': '周一至周五 UTC 上午 9 点至下午 5 点每个整点',
  'Define the error to throw. Specify an error code (e.g. ': '定义要抛出的错误。请指定错误代码（例如 ',
  ') to identify the error. ': '）以标识该错误。',
  'Define the error to catch. Specify an error code (e.g. ': '定义要捕获的错误。请指定错误代码（例如 ',
  ') to match a specific error, or leave empty to catch any error. ': '）以匹配特定错误，留空则捕获任何错误。',
  'Error event documentation': '错误事件说明',
  'Configure the message that will trigger this boundary event. ': '配置触发此边界事件的消息。',
  'Message boundary event documentation': '消息边界事件说明',
  'Learn more.': '了解更多。',
};
