// Statutory clocks' deadlines and views: calendar-day and working-day periods, suspensions, extensions, exact time.
import type { ClockDeclaration, ClockState } from '../../../contracts/legalTime';
import { clockDeadline, clockView } from '../../../engine/calendar/clocks';
import { noticeCalendar } from './legalCalendar';

const cal = noticeCalendar();
const ninetyDays: ClockDeclaration = { name: '办案期限', duration: 'P90D', approvers: [], warnWithin: 10 };
const twentyWorkingDays: ClockDeclaration = { name: '公示期', workingDays: 20, approvers: [], warnWithin: 3 };

const started = (at: string, more: Partial<ClockState> = {}): ClockState => ({
  name: 'c',
  status: 'running',
  startedAt: at,
  startedBy: 'file',
  suspensions: [],
  extensions: [],
  deadline: null,
  provisional: false,
  ...more,
});

describe('clock deadlines', () => {
  it('a 90-day period from 立案 on 2026-09-01 ends at the end of 2026-11-30, Beijing time', () => {
    expect(clockDeadline(ninetyDays, started('2026-09-01T02:00:00Z'), cal)).toEqual({ deadline: '2026-11-30T23:59:59.000+08:00', provisional: false });
  });

  it('a calendar-day period whose last day is a holiday ends on the next working day (民法典 Art. 203)', () => {
    // 2026-07-03 + 90 days = 2026-10-01, National Day: the period ends on 2026-10-08
    expect(clockDeadline(ninetyDays, started('2026-07-03T02:00:00Z'), cal).deadline).toBe('2026-10-08T23:59:59.000+08:00');
  });

  it('days the clock was suspended at their end do not count', () => {
    // suspended 9-10 09:00 to 9-15 15:00: 9-10..9-14 do not count, so 11-30 + 5 = 12-05 (Sat) → Monday 12-07
    const clock = started('2026-09-01T02:00:00Z', {
      suspensions: [{ from: '2026-09-10T01:00:00Z', to: '2026-09-15T07:00:00Z', ground: 'hearing', reason: '听证', by: 'chief' }],
    });
    expect(clockDeadline(ninetyDays, clock, cal).deadline).toBe('2026-12-07T23:59:59.000+08:00');
  });

  it('has no deadline while suspended', () => {
    const clock = started('2026-09-01T02:00:00Z', { status: 'suspended', suspensions: [{ from: '2026-09-10T01:00:00Z', ground: 'inspection', reason: '鉴定', by: 'chief' }] });
    expect(clockDeadline(ninetyDays, clock, cal)).toEqual({ deadline: null, provisional: false });
  });

  it('an extension adds days; one that reaches a year whose schedule is unknown is provisional', () => {
    const extension = (days: number) => ({ days, reason: '案情复杂', by: 'chief', at: '2026-11-20T02:00:00Z' });
    expect(clockDeadline(ninetyDays, started('2026-09-01T02:00:00Z', { extensions: [extension(30)] }), cal)).toEqual({ deadline: '2026-12-30T23:59:59.000+08:00', provisional: false });
    expect(clockDeadline(ninetyDays, started('2026-09-01T02:00:00Z', { extensions: [extension(35)] }), cal)).toEqual({ deadline: '2027-01-04T23:59:59.000+08:00', provisional: true });
  });

  it('a working-day period counts working days only', () => {
    expect(clockDeadline(twentyWorkingDays, started('2026-09-18T03:00:00Z'), cal).deadline).toBe('2026-10-22T23:59:59.000+08:00');
  });

  it('a clock of exact time adds its suspended time and extensions exactly', () => {
    const fourSeconds: ClockDeclaration = { name: 't', duration: 'PT4S', approvers: [], warnWithin: 0 };
    const clock = started('2026-09-01T00:00:00.000Z', { suspensions: [{ from: '2026-09-01T00:00:01.000Z', to: '2026-09-01T00:00:06.000Z', ground: 'party', reason: 'x', by: 'chief' }] });
    expect(clockDeadline(fourSeconds, clock, cal).deadline).toBe('2026-09-01T00:00:09.000Z');
  });
});

describe('clock views', () => {
  it('counts elapsed days through today and remaining days after it', () => {
    const view = clockView(ninetyDays, started('2026-09-01T02:00:00Z'), cal, '2026-09-11T04:00:00Z');
    expect(view).toMatchObject({ unit: 'calendarDays', length: 90, elapsed: 10, remaining: 80, urgency: 'normal', extendedDays: 0 });
  });

  it('is near its deadline within warnWithin and overdue after it', () => {
    expect(clockView(ninetyDays, started('2026-09-01T02:00:00Z'), cal, '2026-11-25T04:00:00Z')).toMatchObject({ remaining: 5, urgency: 'near' });
    expect(clockView(ninetyDays, started('2026-09-01T02:00:00Z'), cal, '2026-12-01T04:00:00Z')).toMatchObject({ remaining: -1, urgency: 'overdue' });
  });

  it('counts working days for a working-day clock', () => {
    // working days in (9-18, 9-30]: 9-20 (make-up), 9-21..9-24, 9-28..9-30 = 8; then 12 to 10-22
    expect(clockView(twentyWorkingDays, started('2026-09-18T03:00:00Z'), cal, '2026-09-30T04:00:00Z')).toMatchObject({ unit: 'workingDays', elapsed: 8, remaining: 12 });
  });

  it('shows no remaining days while suspended, and a stopped clock is never near or overdue', () => {
    const suspended = started('2026-09-01T02:00:00Z', { status: 'suspended', suspensions: [{ from: '2026-09-10T01:00:00Z', ground: 'announcement', reason: '公告', by: 'chief' }] });
    expect(clockView(ninetyDays, suspended, cal, '2026-09-20T04:00:00Z')).toMatchObject({ remaining: null, elapsed: 8, urgency: 'normal' });
    const stopped = started('2026-09-01T02:00:00Z', { status: 'stopped', stoppedAt: '2026-11-29T02:00:00Z' });
    expect(clockView(ninetyDays, stopped, cal, '2026-12-20T04:00:00Z')).toMatchObject({ remaining: 1, urgency: 'normal' });
  });
});
