// Audit times to the millisecond, in the UI's language: automated steps happen within the same second.
import { useMemo } from 'react';
import { useLocale } from '../../i18n/LocaleProvider';

/** Returns a formatter of ISO times as date + time with seconds and milliseconds. */
export function useAuditTime(): (iso: string) => string {
  const { locale } = useLocale();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false });
    return (iso: string) => format.format(new Date(iso));
  }, [locale]);
}
