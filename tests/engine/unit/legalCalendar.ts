// The State Council's published holiday schedules for 2025 (国办发明电〔2024〕12号) and 2026 (国办发明电〔2025〕7号), written
// from the notices (not from the chinese-days package), as the WorkCalendar the engine specs compute with.
import type { WorkCalendar } from '../../../contracts/legalTime';

/** Days off and make-up working days of 2025 and 2026 as the notices list them (weekends inside a span included). */
export const NOTICES = {
  holidays: [
    '2025-01-01',
    ...span('2025-01-28', 8), // 春节 1月28日至2月4日
    ...span('2025-04-04', 3), // 清明 4月4日至6日
    ...span('2025-05-01', 5), // 劳动节 5月1日至5日
    ...span('2025-05-31', 3), // 端午 5月31日至6月2日
    ...span('2025-10-01', 8), // 国庆、中秋 10月1日至8日
    ...span('2026-01-01', 3), // 元旦 1月1日至3日
    ...span('2026-02-15', 9), // 春节 2月15日至23日
    ...span('2026-04-04', 3), // 清明 4月4日至6日
    ...span('2026-05-01', 5), // 劳动节 5月1日至5日
    ...span('2026-06-19', 3), // 端午 6月19日至21日
    ...span('2026-09-25', 3), // 中秋 9月25日至27日
    ...span('2026-10-01', 7), // 国庆 10月1日至7日
  ],
  makeUpDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

/** `count` consecutive dates from `first`. */
function span(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The notices' calendar: knows 2025 and 2026 only (2027's schedule is not published in it). */
export function noticeCalendar(version = 1, extra: Partial<WorkCalendar> = {}): WorkCalendar {
  return {
    version,
    sha256: `test-${version}`,
    source: 'State Council notices 2025, 2026',
    knownFrom: 2025,
    knownThrough: 2026,
    offDays: NOTICES.holidays.filter((d) => weekday(d) !== 0 && weekday(d) !== 6),
    workDays: NOTICES.makeUpDays,
    ...extra,
  };
}
