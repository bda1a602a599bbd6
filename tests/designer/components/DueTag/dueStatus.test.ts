// Overdue and near-due tasks, and the time left as a message.
import { dueStatus, durationMessage, NEAR_DUE_MS } from '../../../../designer/src/components/DueTag/dueStatus';

const now = Date.parse('2026-11-27T08:00:00Z');
const HOUR = 3600_000;

describe('dueStatus', () => {
  it('should say none for a task without (or with an unreadable) due date', () => {
    // given / when / then
    expect(dueStatus(null, now).state).toBe('none');
    expect(dueStatus('not a date', now).state).toBe('none');
  });

  it('should say overdue once the due date has passed, with the negative time left', () => {
    // given / when
    const status = dueStatus('2026-11-27T07:00:00Z', now);

    // then
    expect(status).toEqual({ state: 'overdue', remainingMs: -HOUR });
  });

  it('should say near within a day, and later beyond', () => {
    // given / when / then
    expect(dueStatus(new Date(now + NEAR_DUE_MS).toISOString(), now).state).toBe('near');
    expect(dueStatus(new Date(now + NEAR_DUE_MS + 1).toISOString(), now).state).toBe('later');
    expect(dueStatus(new Date(now).toISOString(), now).state).toBe('near');
  });
});

describe('durationMessage', () => {
  it('should give days and hours for a day or more', () => {
    // given / when / then
    expect(durationMessage(2 * 24 * HOUR + 3 * HOUR + 59 * 60_000)).toEqual({ key: 'duration.days', params: { d: 2, h: 3 } });
  });

  it('should give hours and minutes under a day', () => {
    // given / when / then
    expect(durationMessage(5 * HOUR + 20 * 60_000)).toEqual({ key: 'duration.hours', params: { h: 5, m: 20 } });
  });

  it('should give minutes under an hour, rounding down and ignoring the sign', () => {
    // given / when / then
    expect(durationMessage(-(45 * 60_000 + 59_000))).toEqual({ key: 'duration.minutes', params: { m: 45 } });
    expect(durationMessage(30_000)).toEqual({ key: 'duration.minutes', params: { m: 0 } });
  });
});
