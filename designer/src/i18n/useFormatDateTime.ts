// Formats instants for display in the user's chosen language.
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { DAYJS_LOCALES } from './dayjsLocale';
import type { Locale } from './locales';
import { useLocale } from './LocaleProvider';

/**
 * The medium date and short time of each language, as Intl's dateStyle 'medium' and timeStyle 'short' write them.
 * Formatted by dayjs, which the first page loads anyway: the first Intl.DateTimeFormat of a page costs a phone ~15 ms
 * of loading locale data, one of the task page's long tasks.
 */
const FORMATS: Record<Locale, string> = { 'zh-CN': 'YYYY年M月D日 HH:mm', en: 'MMM D, YYYY, h:mm A' };

/** Returns a formatter from an ISO timestamp to a medium date and short time in the current language. */
export function useFormatDateTime(): (iso: string) => string {
  const { locale } = useLocale();
  return useCallback(
    (iso: string) => {
      const date = dayjs(iso);
      return date.isValid() ? date.locale(DAYJS_LOCALES[locale]).format(FORMATS[locale]) : iso;
    },
    [locale],
  );
}
