// The dayjs locale behind antd's date pickers in each app language: zh-cn names months and weekdays in Chinese and
// starts the week on Monday (its weekStart is 1), as calendars in China do.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from './locales';

/** The dayjs locale of each app language. */
export const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** Makes `locale` dayjs's global locale (what antd's pickers fall back on); call when the language changes. */
export function applyDayjsLocale(locale: Locale): void {
  dayjs.locale(DAYJS_LOCALES[locale]);
}
