// Working-day arithmetic on the State Council's 2025 and 2026 schedules: spans, make-up days, New Year into an unknown year.
import { addWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween, localDateOf } from '../../../engine/calendar/workCalendar';
import { NOTICES, noticeCalendar } from './legalCalendar';

const cal = noticeCalendar();

describe('working days on the 2025 and 2026 schedules', () => {
  it('every holiday of the notices is a day off and every make-up day a working day', () => {
    for (const date of NOTICES.holidays) expect([date, isWorkingDay(cal, date)]).toEqual([date, false]);
    for (const date of NOTICES.makeUpDays) expect([date, isWorkingDay(cal, date)]).toEqual([date, true]);
  });

  it('ordinary weekdays work and ordinary weekends rest', () => {
    expect(isWorkingDay(cal, '2026-03-04')).toBe(true); // Wednesday
    expect(isWorkingDay(cal, '2026-03-07')).toBe(false); // Saturday
  });

  it('counts across National Day 2026 with its make-up Saturday (the start day never counts)', () => {
    // 9-30 (Wed) + 1: 10-01..07 off, 10-08 Thu is the 1st, 10-09 Fri the 2nd, 10-10 Sat (make-up) the 3rd
    expect(addWorkingDays(cal, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(cal, '2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays(cal, '2026-09-30', 4)).toBe('2026-10-12');
  });

  it('counts across the 2026 Spring Festival (2-15..2-23 off, 2-14 and 2-28 Saturdays worked)', () => {
    // 2-13 Fri + 1 = 2-14 (Sat, make-up); + 2 = 2-24 (Tue)
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(cal, '2026-02-13', 2)).toBe('2026-02-24');
    expect(workingDaysBetween(cal, '2026-02-13', '2026-02-28')).toBe(6); // 2-14, 2-24..2-27, 2-28
  });

  it('counts across the 2025 National Day and Mid-Autumn span (10-01..10-08) with 9-28 and 10-11 worked', () => {
    expect(addWorkingDays(cal, '2025-09-26', 1)).toBe('2025-09-28'); // Friday + 1: Sunday 9-28 is worked
    expect(addWorkingDays(cal, '2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays(cal, '2025-09-30', 3)).toBe('2025-10-11');
    expect(workingDaysBetween(cal, '2025-09-30', '2025-10-12')).toBe(3);
  });

  it('a publication deadline of 20 working days from a decision on 2026-09-18 skips National Day', () => {
    // 9-20 (Sun, make-up) is the 1st; 9-25..27 and 10-01..07 are off; 10-10 (Sat) is worked
    expect(addWorkingDays(cal, '2026-09-18', 20)).toBe('2026-10-22');
  });

  it('n = 0 is the day itself when it works, else the next working day; negative n counts back', () => {
    expect(addWorkingDays(cal, '2026-10-08', 0)).toBe('2026-10-08');
    expect(addWorkingDays(cal, '2026-10-03', 0)).toBe('2026-10-08');
    expect(addWorkingDays(cal, '2026-10-08', -1)).toBe('2026-09-30');
    expect(workingDaysBetween(cal, '2026-10-12', '2026-09-30')).toBe(-4);
  });

  it('next working day is strictly after the date', () => {
    expect(nextWorkingDay(cal, '2026-10-01')).toBe('2026-10-08');
    expect(nextWorkingDay(cal, '2026-10-09')).toBe('2026-10-10');
  });

  it('a deadline that crosses New Year into 2027, whose schedule is not known, is provisional', () => {
    const reads = { provisional: false };
    expect(addWorkingDays(cal, '2026-12-24', 10, reads)).toBe('2027-01-07');
    expect(reads.provisional).toBe(true);
    const inside = { provisional: false };
    addWorkingDays(cal, '2026-12-01', 10, inside);
    expect(inside.provisional).toBe(false);
  });

  it('a local adjustment counts like a statutory day', () => {
    const local = noticeCalendar(2, { offDays: [...cal.offDays, '2026-10-12'] });
    expect(addWorkingDays(local, '2026-09-30', 4)).toBe('2026-10-13');
  });

  it('reads instants in Beijing time', () => {
    expect(localDateOf('2026-09-30T16:30:00Z')).toBe('2026-10-01');
    expect(localDateOf('2026-09-30T15:59:59Z')).toBe('2026-09-30');
  });

  it('refuses what is no date and counts it cannot bound', () => {
    expect(() => addWorkingDays(cal, '2026-02-30', 1)).toThrow('"2026-02-30" is not a date (YYYY-MM-DD)');
    expect(() => addWorkingDays(cal, '2026-02-01', 1.5)).toThrow('must be an integer');
    expect(() => addWorkingDays(cal, '2026-02-01', 100_000)).toThrow('must be an integer from -3660 to 3660');
  });
});
