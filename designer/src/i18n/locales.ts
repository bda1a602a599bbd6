// The languages the app speaks, their dictionaries, and where the user's choice is remembered.
import { en } from './messages/en';
import { zhCN, type MessageKey } from './messages/zh-CN';

/** A language the app can show, as a BCP 47 tag. */
export type Locale = 'zh-CN' | 'en';

/** Supported languages, the default (zh-CN) first. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** The message dictionary of each language. */
export const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

const STORAGE_KEY = 'sparrow.locale';

/** The language the user chose last time, or zh-CN. */
export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return LOCALES.find((locale) => locale === stored) ?? LOCALES[0];
  } catch {
    return LOCALES[0];
  }
}

/** Remembers the user's language; a browser that refuses storage just forgets it. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage disabled (private mode, policy): the choice lasts for this page only.
  }
}
