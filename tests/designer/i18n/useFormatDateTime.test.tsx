/** @jest-environment jsdom */
// Dates and times on the pages: the medium date and short time of the user's language, written as Intl writes them
// (the hook formats with dayjs, which the first page loads anyway, instead of paying for Intl's locale data).
import { act, render, screen } from '@testing-library/react';
import { LocaleProvider, useLocale } from '../../../designer/src/i18n/LocaleProvider';
import { useFormatDateTime } from '../../../designer/src/i18n/useFormatDateTime';

const INSTANTS = ['2026-12-05T06:05:00Z', '2026-01-31T23:59:00+08:00', '2026-07-04T00:00:00Z', '2027-03-01T12:30:00.123Z'];

/** Shows each of `instants` formatted, and offers the language switch. */
function Dates({ instants }: { instants: string[] }) {
  const format = useFormatDateTime();
  const { setLocale } = useLocale();
  return (
    <>
      <ul>{instants.map((iso) => <li key={iso}>{format(iso)}</li>)}</ul>
      <button type="button" onClick={() => setLocale('en')}>en</button>
    </>
  );
}

/** What Intl writes for `iso` in `locale` (medium date, short time, the browser's time zone). */
const intl = (locale: string, iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)).replace(/\u202f/g, ' ');

describe('useFormatDateTime', () => {
  afterEach(() => window.localStorage.clear());

  it('should write a medium date and short time as Intl does, in zh-CN and then in English', () => {
    // given the zh-CN app
    render(<LocaleProvider><Dates instants={INSTANTS} /></LocaleProvider>);

    // then each instant reads as Intl's zh-CN (2026年12月5日 14:05 in Beijing)
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(INSTANTS.map((iso) => intl('zh-CN', iso)));

    // when the user switches to English
    act(() => screen.getByRole('button', { name: 'en' }).click());

    // then each reads as Intl's English (Dec 5, 2026, 2:05 PM)
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(INSTANTS.map((iso) => intl('en', iso)));
  });

  it('should show what it was given when that is no instant', () => {
    // when a value that is no ISO instant is formatted
    render(<LocaleProvider><Dates instants={['not a date']} /></LocaleProvider>);

    // then it is shown as it came
    expect(screen.getByRole('listitem').textContent).toBe('not a date');
  });
});
