// The FEEL functions of legal time: working-day arithmetic, clocks, and now() at the step's instant.
import type { ClockDeclaration, ClockState } from '../../../contracts/legalTime';
import { legalTimeFunctions, type LegalTimeReads } from '../../../engine/calendar/feelFunctions';
import { DEFAULT_FEEL_LIMITS, evaluateFeel } from '../../../engine/feel';
import { noticeCalendar } from './legalCalendar';

const declarations: Record<string, ClockDeclaration> = { 办案期限: { name: '办案期限', duration: 'P90D', approvers: [], warnWithin: 10 } };
const clocks: Record<string, ClockState> = {
  办案期限: { name: '办案期限', status: 'running', startedAt: '2026-09-01T02:00:00Z', startedBy: 'file', suspensions: [], extensions: [], deadline: '2026-11-30T23:59:59.000+08:00', provisional: false },
};

/** Evaluates `source` at `at` on the notices' calendar; answers the value and what it read. */
function feel(source: string, at = '2026-09-30T02:00:00Z', variables: Record<string, unknown> = {}) {
  const reads: LegalTimeReads = { calendar: false, clocks: [], provisional: false };
  const extra = legalTimeFunctions({ at, calendar: noticeCalendar(), clocks, declarations }, reads);
  return { value: evaluateFeel(source, variables, DEFAULT_FEEL_LIMITS, extra), reads };
}

describe('legal-time FEEL functions', () => {
  it('add working days: a date gives a date, a date-time the end of the last working day in Beijing', () => {
    expect(feel('add working days(date("2026-09-30"), 3)').value).toBe('2026-10-10');
    expect(feel('add working days(now(), 3)').value).toBe('2026-10-10T23:59:59+08:00');
    expect(feel('加工作日(now(), 3)').value).toBe('2026-10-10T23:59:59+08:00');
    expect(feel('add working days("2026-09-30", 1)').value).toBe('2026-10-08');
  });

  it('working days between, is working day, next working day and their zh-CN names', () => {
    expect(feel('working days between(date("2026-09-30"), date("2026-10-12"))').value).toBe(4);
    expect(feel('工作日间隔(date("2026-09-30"), date("2026-10-12"))').value).toBe(4);
    expect(feel('is working day(date("2026-10-10"))').value).toBe(true);
    expect(feel('是工作日(date("2026-10-01"))').value).toBe(false);
    expect(feel('next working day(date("2026-10-01"))').value).toBe('2026-10-08');
    expect(feel('下一工作日(date("2026-10-01"))').value).toBe('2026-10-08');
  });

  it('now() and today() are the step instant, so a replay gives the same value', () => {
    expect(feel('now()', '2026-09-30T17:00:00Z').value).toBe('2026-09-30T17:00:00Z');
    expect(feel('today()', '2026-09-30T17:00:00Z').value).toBe('2026-10-01');
  });

  it('records what an evaluation read: the calendar, clocks, and days of an unknown year', () => {
    expect(feel('add working days(now(), 5)').reads).toEqual({ calendar: true, clocks: [], provisional: false });
    expect(feel('add working days(now(), 5)', '2026-12-28T02:00:00Z').reads.provisional).toBe(true);
    expect(feel('now() + duration("P1D")').reads).toEqual({ calendar: false, clocks: [], provisional: false });
  });

  it('clock(name) gives the clock as a context; its deadline is a date-time', () => {
    const { value, reads } = feel('clock("办案期限")');
    expect(value).toMatchObject({ name: '办案期限', status: 'running', deadline: '2026-11-30T23:59:59+08:00', elapsed: 29, remaining: 61, suspended: false, extendedDays: 0 });
    expect(reads.clocks).toEqual(['办案期限']);
    expect(feel('时限("办案期限").deadline > now()').value).toBe(true);
  });

  it('a clock the process does not declare, or a bad argument, fails the evaluation with a clear message', () => {
    expect(() => feel('clock("公示期")')).toThrow('clock "公示期" is not declared by this process');
    expect(() => feel('add working days(date("2026-09-30"), "three")')).toThrow('the number of days must be a number');
    expect(() => feel('add working days(42, 1)')).toThrow('must be a date or date and time, got 42');
  });

  it('gives null for a null date, as FEEL functions do', () => {
    expect(feel('add working days(missing, 3)').value).toBeNull();
  });

  it('variables shadow the functions, as they shadow builtins', () => {
    expect(feel('now', undefined, { now: 'a variable' }).value).toBe('a variable');
  });
});
