// Formats instants for display in the user's chosen language.
import { useMemo } from 'react';
import { useLocale } from './LocaleProvider';

/** Returns a formatter from an ISO timestamp to a medium date and short time in the current language. */
export function useFormatDateTime(): (iso: string) => string {
  const { locale } = useLocale();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
  }, [locale]);
}
