// Timer start events read into schedules (engine/timerStarts.ts): dates, ISO 8601 cycles with and without a start, and
// Spring cron as Temporal's 7 numeric fields.
import { StartScheduleError, startScheduleOf } from '../../../engine/timerStarts';

const DEPLOYED = new Date('2026-03-10T02:30:15.500Z');
const ZONE = 'Asia/Shanghai';

describe('timer start schedules', () => {
  it('should fire a date once, at that instant', () => {
    expect(startScheduleOf('date', '2026-12-01T09:00:00+08:00', DEPLOYED, ZONE)).toEqual({ kind: 'once', at: '2026-12-01T01:00:00Z' });
  });

  it('should repeat a fixed cycle from the deployment when it has no start, as Camunda 8', () => {
    expect(startScheduleOf('cycle', 'R/PT1H', DEPLOYED, ZONE)).toEqual({ kind: 'interval', everySeconds: 3600, firstAt: '2026-03-10T03:30:15Z', repetitions: null });
  });

  it('should repeat a fixed cycle from its start, as often as it says', () => {
    expect(startScheduleOf('cycle', 'R3/2026-04-01T08:00:00Z/P1D', DEPLOYED, ZONE)).toEqual({ kind: 'interval', everySeconds: 86_400, firstAt: '2026-04-01T08:00:00Z', repetitions: 3 });
  });

  it('should repeat a monthly cycle on its start day and clock time in its offset\'s zone', () => {
    expect(startScheduleOf('cycle', 'R5/2026-01-01T09:00:00+08:00/P1M', DEPLOYED, ZONE)).toEqual({ kind: 'months', step: 1, firstAt: '2026-01-01T01:00:00Z', zone: 'Etc/GMT-8', repetitions: 5 });
    expect(startScheduleOf('cycle', 'R/2026-01-15T10:00:00+08:00[Asia/Shanghai]/P3M', DEPLOYED, ZONE)).toMatchObject({ kind: 'months', step: 3, zone: 'Asia/Shanghai' });
  });

  it('should repeat a monthly cycle without a start from a month after the deployment, on day 28 at the latest', () => {
    expect(startScheduleOf('cycle', 'R/P1M', new Date('2026-01-30T01:00:00Z'), ZONE)).toEqual({ kind: 'months', step: 1, firstAt: '2026-02-28T01:00:00Z', zone: ZONE, repetitions: null });
  });

  it.each([
    ['0 0 9 1 * ?', '0 0 9 1 * * *'],
    ['0 30 8 ? * MON-FRI', '0 30 8 * * 1-5 *'],
    ['0 0/15 * * * *', '0 0-59/15 * * * * *'],
    ['0 0 12 ? JAN,JUL SUN', '0 0 12 * 1,7 0 *'],
    ['0 0 18 * * 5-7', '0 0 18 * * 0,5,6 *'],
    ['@monthly', '0 0 0 1 * * *'],
  ])('should read Spring cron %s as Temporal fields %s in the district\'s zone', (cron, fields) => {
    expect(startScheduleOf('cycle', cron, DEPLOYED, ZONE)).toEqual({ kind: 'cron', fields, zone: ZONE });
  });

  it.each(['0 0 9 LW * ?', '0 0 9 ? * 5#2', '0 0 9 * *', '0 61 9 * * *', '0 0 9 5-1 * *', 'R/P1M2D', 'R0/PT1H', 'R/2026-01-30T09:00:00Z/P1M', 'R/P5M'])('should refuse %s', (value) => {
    expect(() => startScheduleOf('cycle', value, DEPLOYED, ZONE)).toThrow(StartScheduleError);
  });
});
