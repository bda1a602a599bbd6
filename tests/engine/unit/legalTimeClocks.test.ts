// Statutory clocks in a running case (issue 14), with the fake clock: elements start and stop them as they complete;
// suspending (中止), resuming and extending (延期) one moves the boundary timers and due dates that read it — a timer is
// armed again under a new wait id, paused while its clock is suspended; a calendar update recomputes open deadlines.
import { noticeCalendar } from './legalCalendar';
import { bpmn, chain, endEvent, flow, startEvent } from './bpmn';
import { boundary, timerDef } from './bpmnEvents';
import { clockedTask, clocks, datedUserTask } from './bpmnClocks';
import { harnessFor, type Harness } from './harness';
import { multiInstance } from './bpmnLoops';

const LEGAL = { limits: { legalTime: true }, calendar: noticeCalendar() };
/** 2026-07-03 09:00 in Beijing (a Friday): 90 calendar days end on 10-01, a holiday, so the deadline is 10-08. */
const JULY_3 = '2026-07-03T01:00:00.000Z';
const DEADLINE = '2026-10-08T23:59:59.000+08:00';
/** The same instant as FEEL writes a date and time (a due date is the FEEL value of its expression). */
const feel = (iso: string) => iso.replace('.000+08:00', '+08:00');
const DAY = 86_400_000;

/** 立案 starts the 90-day 办案期限; 调查 (user task, with a boundary timer at the deadline) → 决定 stops it. */
const caseProcess = () =>
  bpmn([
    clocks({ name: '办案期限', duration: 'P90D', approvers: 'legal-review', warnWithin: '10' }),
    startEvent('Start'),
    clockedTask('Register', [['办案期限', 'start']]),
    datedUserTask('Investigate', { dueDate: '=clock("办案期限").deadline', followUpDate: '=add working days(now(), 5)' }),
    boundary('Overdue', 'Investigate', timerDef('date', '=clock("办案期限").deadline')),
    endEvent('Overdue_End'),
    flow('Overdue_F', 'Overdue', 'Overdue_End'),
    clockedTask('Decide', [['办案期限', 'stop']]),
    endEvent('End'),
    ...chain('Start', 'Register', 'Investigate', 'Decide', 'End'),
  ]);

/** What the case's timer waits for (one timer in these processes). */
const timerOf = (h: Harness) => h.waits().find((w) => w.kind === 'timer');

const started = async (): Promise<Harness> => (await harnessFor(caseProcess(), { ...LEGAL, startAt: JULY_3 })).start();

describe('statutory clocks', () => {
  it('should start a clock when its element completes and stop it when another completes, each recorded on that element', async () => {
    // when the case starts (立案 passes at once)
    const h = await started();

    // then 办案期限 runs from 立案 with its deadline on the first working day after National Day
    expect(h.clocks()['办案期限']).toEqual({ name: '办案期限', status: 'running', startedAt: JULY_3, startedBy: 'Register', suspensions: [], extensions: [], deadline: DEADLINE, provisional: false });
    expect(h.audit()).toEqual(expect.arrayContaining([{ kind: 'clock.started', elementId: 'Register' }]));
    expect(h.auditData('clock.started')).toEqual([{ clock: '办案期限', deadline: DEADLINE, provisional: false }]);
    expect(h.auditData('instance.started')[0]).toMatchObject({ calendarVersion: 1 });

    // when 调查 completes and 决定 passes
    h.advance(DAY).completeTask('Investigate');

    // then the clock stopped (recorded before 决定 left) and the case completed
    expect(h.clocks()['办案期限']).toMatchObject({ status: 'stopped', stoppedAt: '2026-07-04T01:00:00.000Z', deadline: DEADLINE });
    const audit = h.stepAudit();
    expect(audit.findIndex((e) => e.kind === 'clock.stopped' && e.elementId === 'Decide')).toBe(audit.findIndex((e) => e.kind === 'element.left' && e.elementId === 'Decide') - 1);
    expect(h.status()).toBe('completed');
  });

  it('should arm the boundary timer and the task due date at the clock deadline, and the follow-up 5 working days from now', async () => {
    // when the case starts
    const h = await started();

    // then the timer is due at the deadline and the task shows it; the follow-up date is the end of the 5th working day
    expect(h.waits()).toEqual([
      { elementId: 'Investigate', kind: 'userTask', holder: null },
      { elementId: 'Overdue', kind: 'timer', dueAt: '2026-10-08T15:59:59.000Z' },
    ]);
    expect(h.taskDates('Investigate')).toEqual({ dueDate: feel(DEADLINE), followUpDate: feel('2026-07-10T23:59:59.000+08:00'), dueProvisional: false });
  });

  it('should move the boundary timer and the due date when the clock is extended, under a new wait id', async () => {
    // given a running case
    const h = await started();

    // when 办案期限 is extended by 10 days
    h.advance(DAY).extendClock('办案期限', 10, '案情复杂，经负责人批准延期', 'chief');

    // then its deadline is 10-11 (a Sunday) rolled to Monday 10-12; the timer is cancelled and armed again, the task's due date moves
    const moved = '2026-10-12T23:59:59.000+08:00';
    expect(h.clocks()['办案期限']).toMatchObject({ deadline: moved, extensions: [{ days: 10, reason: '案情复杂，经负责人批准延期', by: 'chief', at: '2026-07-04T01:00:00.000Z' }] });
    expect(h.commands).toEqual([
      { type: 'cancelTimer', elementId: 'Overdue' },
      { type: 'startTimer', elementId: 'Overdue', dueAt: '2026-10-12T15:59:59.000Z', delayMs: Date.parse('2026-10-12T15:59:59.000Z') - Date.parse('2026-07-04T01:00:00.000Z') },
      { type: 'setTaskDates', elementId: 'Investigate', dueDate: feel(moved), followUpDate: feel('2026-07-10T23:59:59.000+08:00'), dueProvisional: false },
    ]);
    expect(h.stepAudit()).toEqual([{ kind: 'clock.extended' }, { kind: 'timer.rescheduled', elementId: 'Overdue' }, { kind: 'task.rescheduled', elementId: 'Investigate' }]);
    expect(h.auditData('clock.extended')).toEqual([{ clock: '办案期限', days: 10, reason: '案情复杂，经负责人批准延期', from: DEADLINE, to: moved, provisional: false }]);
    const [rescheduled] = h.auditData('timer.rescheduled');
    expect(rescheduled).toMatchObject({ from: '2026-10-08T15:59:59.000Z', to: '2026-10-12T15:59:59.000Z' });
    expect(rescheduled.newWaitId).not.toBe(rescheduled.waitId);
    expect(h.auditData('task.rescheduled')).toEqual([{ taskId: 'case-1/Investigate/e4', from: feel(DEADLINE), to: feel(moved), provisional: false }]);

    // when the moved timer fires, then the boundary interrupts the investigation
    h.fireTimer('Overdue');
    expect(h.completedElements()).toEqual(['Start', 'Register', 'Overdue', 'Overdue_End']);
  });

  it('should pause the boundary timer while the clock is suspended and arm it on resumption with the suspended days skipped', async () => {
    // given a running case
    const h = await started();

    // when 办案期限 is suspended for a hearing on 07-10 (Beijing 09:00)
    h.advance(7 * DAY).suspendClock('办案期限', 'hearing', '当事人申请听证', 'chief');

    // then it has no deadline: the timer is cancelled and waits paused, the task has no due date while it lasts
    expect(h.clocks()['办案期限']).toMatchObject({ status: 'suspended', deadline: null, suspensions: [{ from: '2026-07-10T01:00:00.000Z', ground: 'hearing', reason: '当事人申请听证', by: 'chief' }] });
    expect(h.commands).toEqual([
      { type: 'cancelTimer', elementId: 'Overdue' },
      { type: 'setTaskDates', elementId: 'Investigate', dueDate: null, followUpDate: feel('2026-07-10T23:59:59.000+08:00'), dueProvisional: false },
    ]);
    expect(h.waits()).toEqual([
      { elementId: 'Investigate', kind: 'userTask', holder: null },
      { elementId: 'Overdue', kind: 'timer', dueAt: '2026-10-08T15:59:59.000Z', paused: true },
    ]);
    expect(h.auditData('timer.rescheduled')[0]).toMatchObject({ from: '2026-10-08T15:59:59.000Z', to: null });

    // when it resumes 5 days later (07-15 09:00): the ends of 07-10 … 07-14 were suspended, 5 days do not count
    h.advance(5 * DAY).resumeClock('办案期限', '听证结束', 'chief');

    // then 95 days from 07-03 end on 10-06, inside National Day: the deadline is still 10-08, and the timer is armed for it
    const resumed = h.clocks()['办案期限'];
    expect(resumed).toMatchObject({ status: 'running', suspensions: [{ from: '2026-07-10T01:00:00.000Z', to: '2026-07-15T01:00:00.000Z', resumedBy: 'chief', resumeReason: '听证结束' }] });
    expect(resumed.deadline).toBe(DEADLINE);
    expect(h.commands).toEqual([
      { type: 'setTaskDates', elementId: 'Investigate', dueDate: feel(DEADLINE), followUpDate: feel('2026-07-10T23:59:59.000+08:00'), dueProvisional: false },
      { type: 'startTimer', elementId: 'Overdue', dueAt: '2026-10-08T15:59:59.000Z', delayMs: Date.parse('2026-10-08T15:59:59.000Z') - Date.parse('2026-07-15T01:00:00.000Z') },
    ]);
    expect(timerOf(h)).toEqual({ elementId: 'Overdue', kind: 'timer', dueAt: '2026-10-08T15:59:59.000Z' });
  });

  it('should count suspended days: a 20-day suspension moves the deadline 20 days', async () => {
    // given a running case, suspended on 07-10 for an inspection
    const h = await started();
    h.advance(7 * DAY).suspendClock('办案期限', 'inspection', '委托检测鉴定');

    // when it resumes 20 days later
    h.advance(20 * DAY).resumeClock('办案期限', '鉴定意见已送达');

    // then 110 days from 07-03 end on 10-21 (a Wednesday), and the timer is due then
    expect(h.clocks()['办案期限'].deadline).toBe('2026-10-21T23:59:59.000+08:00');
    expect(timerOf(h)).toEqual({ elementId: 'Overdue', kind: 'timer', dueAt: '2026-10-21T15:59:59.000Z' });
  });

  it('should arm a timer paused when its element activates while the clock it reads is suspended, and arm it on resumption', async () => {
    // given 立案 starts the clock, then a job waits before the review with the boundary timer
    const xml = bpmn([
      clocks({ name: '办案期限', duration: 'P90D' }),
      startEvent('Start'),
      clockedTask('Register', [['办案期限', 'start']]),
      datedUserTask('Accept', {}),
      datedUserTask('Investigate', { dueDate: '=clock("办案期限").deadline' }),
      boundary('Overdue', 'Investigate', timerDef('date', '=clock("办案期限").deadline')),
      endEvent('Overdue_End'),
      flow('Overdue_F', 'Overdue', 'Overdue_End'),
      endEvent('End'),
      ...chain('Start', 'Register', 'Accept', 'Investigate', 'End'),
    ]);
    const h = (await harnessFor(xml, { ...LEGAL, startAt: JULY_3 })).start();
    h.advance(DAY).suspendClock('办案期限', 'party', '当事人下落不明');

    // when 受理 completes while the clock is suspended
    h.completeTask('Accept');

    // then the review opens without a due date and its timer waits paused (no Temporal timer, no incident)
    expect(h.incidents()).toEqual([]);
    expect(h.waits()).toEqual([
      { elementId: 'Investigate', kind: 'userTask', holder: null },
      { elementId: 'Overdue', kind: 'timer', dueAt: '', paused: true },
    ]);
    expect(h.commands.map((c) => c.type)).toEqual(['closeUserTask', 'openUserTask']);
    expect(h.taskDates('Investigate')).toEqual({ dueDate: null, followUpDate: null, dueProvisional: false });

    // when the clock resumes the next day
    h.advance(DAY).resumeClock('办案期限', '已联系到当事人');

    // then one suspended day (07-04) does not count: 10-02, a holiday → 10-08; the timer is armed and the due date set
    expect(timerOf(h)).toEqual({ elementId: 'Overdue', kind: 'timer', dueAt: '2026-10-08T15:59:59.000Z' });
    expect(h.taskDates('Investigate')).toEqual({ dueDate: feel(DEADLINE), followUpDate: null, dueProvisional: false });
  });

  it('should start a clock once for a multi-instance activity: when its body completes, not per inner instance', async () => {
    // given three parallel sign-offs that start 公示期 (20 working days) when all are done
    const xml = bpmn([
      clocks({ name: '公示期', workingDays: '20' }),
      startEvent('Start'),
      multiInstance(datedUserTask('Sign', {}, [['公示期', 'start']]), { inputCollection: '=[1, 2, 3]' }),
      endEvent('End'),
      ...chain('Start', 'Sign', 'End'),
    ]);
    const h = (await harnessFor(xml, { ...LEGAL, startAt: JULY_3 })).start();

    // when two sign, then the clock has not started
    h.completeTask('Sign').completeTask('Sign');
    expect(h.clocks()).toEqual({});

    // when the third signs, then it starts once: 20 working days from Friday 07-03 end four weeks later, on Friday 07-31
    h.completeTask('Sign');
    expect(h.auditData('clock.started')).toEqual([{ clock: '公示期', deadline: '2026-07-31T23:59:59.000+08:00', provisional: false }]);
  });

  it('should refuse a paused timer firing (no Temporal timer may fire it while its clock is suspended)', async () => {
    // given a suspended clock whose timer is paused
    const h = await started();
    h.suspendClock('办案期限', 'announcement', '公告送达');

    // when the paused timer is fired, then the event is refused
    expect(() => h.fireTimer('Overdue')).toThrow(/is paused: a clock it reads is suspended/);
  });
});

describe('a calendar update', () => {
  /** 2026-12-29 09:00 Beijing (a Tuesday): 5 working days run into 2027, which the notices' calendar does not know. */
  const DEC_29 = '2026-12-29T01:00:00.000Z';
  const dueIn5 = () =>
    bpmn([
      startEvent('Start'),
      datedUserTask('Handle', { dueDate: '=add working days(now(), 5)' }),
      boundary('Remind', 'Handle', timerDef('date', '=add working days(now(), 5)')),
      endEvent('Remind_End'),
      flow('Remind_F', 'Remind', 'Remind_End'),
      endEvent('End'),
      ...chain('Start', 'Handle', 'End'),
    ]);

  it('should make a provisional deadline in an unknown year firm and move it when the new calendar knows that year', async () => {
    // given a task due in 5 working days, counted into 2027 on weekdays only: 2027-01-05, provisional
    const h = (await harnessFor(dueIn5(), { ...LEGAL, startAt: DEC_29 })).start();
    expect(h.taskDates('Handle')).toEqual({ dueDate: '2027-01-05T23:59:59+08:00', followUpDate: null, dueProvisional: true });

    // when calendar version 2 knows 2027 and makes New Year's Day (Friday 2027-01-01) a day off, 3 days later
    const next = noticeCalendar(2, { knownThrough: 2027, offDays: [...noticeCalendar().offDays, '2027-01-01'] });
    h.advance(3 * DAY).updateCalendar(next, 'system');

    // then the due date and the timer move one working day, to 2027-01-06, firm ("now" stays when they were set)
    expect(h.taskDates('Handle')).toEqual({ dueDate: '2027-01-06T23:59:59+08:00', followUpDate: null, dueProvisional: false });
    expect(timerOf(h)).toEqual({ elementId: 'Remind', kind: 'timer', dueAt: '2027-01-06T15:59:59.000Z' });
    expect(h.stepAudit()).toEqual([{ kind: 'calendar.updated' }, { kind: 'timer.rescheduled', elementId: 'Remind' }, { kind: 'task.rescheduled', elementId: 'Handle' }]);
    expect(h.auditData('calendar.updated')).toEqual([
      {
        version: 2,
        previous: 1,
        sha256: 'test-2',
        moved: [
          { what: 'timer Remind', from: '2027-01-05T15:59:59.000Z', to: '2027-01-06T15:59:59.000Z' },
          { what: 'task case-1/Handle/e3', from: '2027-01-05T23:59:59+08:00', to: '2027-01-06T23:59:59+08:00' },
        ],
      },
    ]);
  });

  it('should recompute a clock deadline on the new calendar and list it as moved', async () => {
    // given the 90-day clock started 07-03 (deadline 10-08 on version 1)
    const h = await started();

    // when version 2 adds a local day off on 10-08
    h.advance(DAY).updateCalendar(noticeCalendar(2, { offDays: [...noticeCalendar().offDays, '2026-10-08'] }), 'admin');

    // then the deadline is the next working day, 10-09, and the timer and due date follow
    expect(h.clocks()['办案期限'].deadline).toBe('2026-10-09T23:59:59.000+08:00');
    expect(h.auditData('calendar.updated')[0].moved).toEqual([
      { what: 'clock 办案期限', from: DEADLINE, to: '2026-10-09T23:59:59.000+08:00' },
      { what: 'timer Overdue', from: '2026-10-08T15:59:59.000Z', to: '2026-10-09T15:59:59.000Z' },
      { what: 'task case-1/Investigate/e4', from: feel(DEADLINE), to: '2026-10-09T23:59:59+08:00' },
    ]);
  });
});
