// Formats instants for display in the user's chosen language.
import { useCallback } from 'react';
import type { Locale } from './locales';
import { useLocale } from './LocaleProvider';

const formatters = new Map<Locale, Intl.DateTimeFormat>();

/** The medium date and short time formatter of `locale`, made on first use and kept (the first costs a phone ~15 ms). */
function formatterOf(locale: Locale): Intl.DateTimeFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(locale, formatter);
  }
  return formatter;
}

/** Returns a formatter from an ISO timestamp to a medium date and short time in the current language. */
export function useFormatDateTime(): (iso: string) => string {
  const { locale } = useLocale();
  return useCallback(
    (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : formatterOf(locale).format(date);
    },
    [locale],
  );
}
