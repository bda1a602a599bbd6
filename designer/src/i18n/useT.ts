// The translation hook: looks a message up in the current language and fills in its parameters.
import { useCallback } from 'react';
import { dictionaries } from './locales';
import { useLocale } from './LocaleProvider';
import type { MessageKey } from './messages/zh-CN';

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** Translates a message id into the current language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Returns `t(key, params)` for the current language; a placeholder without a value stays visible. */
export function useT(): Translate {
  const { locale } = useLocale();
  return useCallback(
    (key, params) =>
      dictionaries[locale][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
        params && name in params ? String(params[name]) : placeholder,
      ),
    [locale],
  );
}
