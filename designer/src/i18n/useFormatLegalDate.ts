// Formats legal deadlines and clock instants in Beijing time (legal days are Beijing days), in the user's language.
import { useMemo } from 'react';
import { LEGAL_TIME_ZONE } from '../../../contracts/legalTime';
import { useLocale } from './LocaleProvider';

/** Formatters of an ISO instant: `date` (the Beijing day, e.g. 2027年3月1日) and `dateTime` (day and time, Beijing). */
export function useFormatLegalDate(): { date: (iso: string) => string; dateTime: (iso: string) => string } {
  const { locale } = useLocale();
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: LEGAL_TIME_ZONE });
    const dayTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: LEGAL_TIME_ZONE });
    const format = (formatter: Intl.DateTimeFormat) => (iso: string) => {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : formatter.format(at);
    };
    return { date: format(day), dateTime: format(dayTime) };
  }, [locale]);
}
