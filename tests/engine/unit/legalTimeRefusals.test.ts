// Legal time refused and switched off (issue 14): clock changes and calendar updates that cannot apply are refused
// with a reason the API passes on, changing nothing; a case without limits.legalTime (started before the patch) runs
// exactly as before — its clock controls, calendar and legal-time functions are ignored.
import { noticeCalendar } from './legalCalendar';
import { bpmn, chain, endEvent, flow, startEvent, task } from './bpmn';
import { boundary, timerDef } from './bpmnEvents';
import { clockedTask, clocks, datedUserTask } from './bpmnClocks';
import { harnessFor, type Harness } from './harness';

const LEGAL = { limits: { legalTime: true }, calendar: noticeCalendar(), startAt: '2026-07-03T01:00:00.000Z' };

/** Register starts 办案期限 (Investigate waits with a 1-hour reminder), Decide stops it; 公示期 is declared but never started. */
const withClocks = (sparrow = true) =>
  bpmn([
    ...(sparrow ? [clocks({ name: '办案期限', duration: 'P90D' }, { name: '公示期', workingDays: '20' })] : []),
    startEvent('Start'),
    sparrow ? clockedTask('Register', [['办案期限', 'start']]) : task('Register'),
    datedUserTask('Investigate', { dueDate: '2026-08-01T17:00:00+08:00' }),
    boundary('Remind', 'Investigate', timerDef('duration', 'PT1H')),
    endEvent('Remind_End'),
    flow('Remind_F', 'Remind', 'Remind_End'),
    sparrow ? clockedTask('Decide', [['办案期限', 'stop']]) : task('Decide'),
    datedUserTask('Archive', {}),
    endEvent('End'),
    ...chain('Start', 'Register', 'Investigate', 'Decide', 'Archive', 'End'),
  ]);

/** Expects the driver to be refused with `reason`, the case's clocks unchanged. */
function expectRefused(h: Harness, drive: (h: Harness) => unknown, reason: string): void {
  const before = h.clocks();
  expect(() => drive(h)).toThrow(reason);
  expect(h.clocks()).toEqual(before);
}

describe('refused clock changes and calendar updates', () => {
  it.each<[string, (h: Harness) => unknown, string]>([
    ['a clock the process does not declare', (h) => h.suspendClock('立案期限', 'hearing', '听证'), 'clock "立案期限" is not declared by process p'],
    ['a clock that has not started', (h) => h.extendClock('公示期', 5, '延长公示'), 'clock "公示期" has not started in this case'],
    ['resuming a running clock', (h) => h.resumeClock('办案期限', '恢复'), 'clock "办案期限" is running, not suspended'],
    ['an unknown ground', (h) => h.suspendClock('办案期限', 'holiday' as never, '放假'), 'the ground of a suspension must be one of hearing, announcement, inspection, party, other, got "holiday"'],
    ['an extension of 0 days', (h) => h.extendClock('办案期限', 0, '延期'), 'an extension must be a whole number of days from 1 to 3650, got 0'],
    ['an extension of 3651 days', (h) => h.extendClock('办案期限', 3651, '延期'), 'an extension must be a whole number of days from 1 to 3650, got 3651'],
    ['an extension of 1.5 days', (h) => h.extendClock('办案期限', 1.5, '延期'), 'an extension must be a whole number of days from 1 to 3650, got 1.5'],
    ['an empty reason', (h) => h.suspendClock('办案期限', 'party', '  '), 'a clock change needs a reason'],
    ['a reason over 500 characters', (h) => h.extendClock('办案期限', 5, '理'.repeat(501)), 'the reason must be at most 500 characters, got 501'],
    ['a calendar that is not newer', (h) => h.updateCalendar(noticeCalendar(1)), 'calendar version 1 is not newer than version 1 the case computes with'],
    ['a malformed calendar', (h) => h.updateCalendar({ ...noticeCalendar(2), offDays: ['10/01/2026'] }), 'the calendar is malformed: offDays and workDays must be lists of dates (YYYY-MM-DD)'],
  ])('should refuse %s and change nothing', async (_what, drive, reason) => {
    // given a case whose 办案期限 runs
    const h = (await harnessFor(withClocks(), LEGAL)).start();

    // when the change is sent, then it is refused with the reason
    expectRefused(h, drive, reason);
  });

  it('should refuse suspending a suspended clock and changing a stopped one', async () => {
    // given a case whose clock is suspended
    const h = (await harnessFor(withClocks(), LEGAL)).start();
    h.suspendClock('办案期限', 'hearing', '听证');

    // then a second suspension is refused
    expectRefused(h, (c) => c.suspendClock('办案期限', 'other', '再次中止'), 'clock "办案期限" is already suspended');

    // when Decide stops it (ending the suspension), then nothing more can change it
    h.completeTask('Investigate');
    expect(h.clocks()['办案期限']).toMatchObject({ status: 'stopped', suspensions: [{ to: '2026-07-03T01:00:00.000Z' }] });
    expectRefused(h, (c) => c.extendClock('办案期限', 5, '延期'), 'clock "办案期限" has stopped');
  });

  it('should refuse a clock change to a case that has ended', async () => {
    // given a case that was cancelled
    const h = (await harnessFor(withClocks(), LEGAL)).start();
    h.cancel('撤案');

    // then its clock can no longer be changed
    expectRefused(h, (c) => c.extendClock('办案期限', 5, '延期'), 'the case is cancelled');
  });
});

describe('a case without legal time', () => {
  it('should run a process with clock controls exactly as the same process without them: same commands, same audit', async () => {
    // given the process with its clocks, run without limits.legalTime (a calendar offered at start), and the plain process
    const old = (await harnessFor(withClocks(), { calendar: noticeCalendar(), startAt: LEGAL.startAt })).start();
    const plain = (await harnessFor(withClocks(false), { startAt: LEGAL.startAt })).start();
    const commands = [[old.commands, plain.commands]];

    // when both go the same way
    for (const h of [old, plain]) h.advance(60_000).completeTask('Investigate');
    commands.push([old.commands, plain.commands]);

    // then they did the same, recorded the same, and the clocked one kept no clocks and no calendar
    for (const [a, b] of commands) expect(a).toEqual(b);
    expect(old.audit()).toEqual(plain.audit());
    expect(old.auditData('instance.started')).toEqual(plain.auditData('instance.started'));
    expect(old.clocks()).toEqual({});
  });

  it('should refuse clock changes and calendar updates, saying the case does not keep legal time', async () => {
    // given a case started without legal time
    const h = (await harnessFor(withClocks(), { startAt: LEGAL.startAt })).start();

    // then every legal-time event is refused
    const reason = 'this case does not keep legal time: it started before statutory clocks and the working-day calendar';
    expectRefused(h, (c) => c.suspendClock('办案期限', 'hearing', '听证'), reason);
    expectRefused(h, (c) => c.updateCalendar(noticeCalendar(2)), reason);
  });

  it('should give FEEL no legal-time functions: a due date calling one is null, as for any unknown function', async () => {
    // given a task due in 5 working days, in a case without legal time
    const xml = bpmn([startEvent('Start'), datedUserTask('Handle', { dueDate: '=add working days(now(), 5)' }), endEvent('End'), ...chain('Start', 'Handle', 'End')]);
    const h = (await harnessFor(xml, { startAt: LEGAL.startAt })).start();

    // then the task opens without a due date (FEEL's null), and nothing of legal time is kept
    expect(h.taskDates('Handle')).toEqual({ dueDate: null, followUpDate: null, dueProvisional: false });
    expect(h.incidents()).toEqual([]);
  });
});
