// Legal time through the API (issue 14), on the real stack: a case's statutory clocks in GET /api/instances/:id, their
// extension moving the task list's due date to the new deadline (rolled to a working day), a PT15S clock whose boundary
// timer waits while the clock is suspended and fires after it resumes, and who may suspend, resume and extend a clock.
import type { ClockView } from '../../contracts/legalTime';
import { endOfDay, isWorkingDay, localDateOf, nextWorkingDay } from '../../engine/calendar/workCalendar';
import { currentCalendar } from '../../server/services/calendars';
import { caseState } from '../../server/services/cases';
import { auditWhen } from '../support/cases';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { completeTask } from '../support/caseTasks';
import { eventually } from '../support/wait';
import { deployLegalFixtures, legalClockCase, uniqueKey } from './fixtures';

const clockUrl = (id: string, name: string, action: string) => `/api/instances/${enc(id)}/clocks/${enc(name)}/${action}`;

/** The clock `name` of a list of clock views. */
function clockOf(clocks: ClockView[], name: string): ClockView {
  const clock = clocks.find((c) => c.name === name);
  if (!clock) throw new Error(`no clock ${name} in ${JSON.stringify(clocks)}`);
  return clock;
}

/** The date `n` calendar days after the date `date` (YYYY-MM-DD). */
function plusDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

const isSaturday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 6;

describe('legal time through the API', () => {
  let stack: ApiStack;
  let commander: ApiSession;
  beforeAll(async () => {
    stack = await startApiStack();
    await deployLegalFixtures(await stack.as('owner'));
    commander = await stack.as('bajiao-commander');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("should move the task list's due date to a 90-day clock's extended deadline, rolled to a working day", async () => {
    // given a case whose 办案期限 (P90D) started at its start and whose task is due at its deadline
    const { id, taskId } = await legalClockCase(commander);
    const before = clockOf((await commander.get(`/api/instances/${enc(id)}`).expect(200)).body.clocks, '办案期限');
    const listed = async () => ((await commander.get('/api/tasks?definitionKey=legal-clock&size=200').expect(200)).body.items as Array<{ id: string; dueDate: string; dueProvisional: boolean }>).find((t) => t.id === taskId);
    expect(before).toMatchObject({ status: 'running', unit: 'calendarDays', length: 90, extendedDays: 0 });
    expect((await listed())?.dueDate).toBe(new Date(before.deadline as string).toISOString());

    // when it is extended by the days that make its last day a Saturday
    const calendar = await currentCalendar();
    const startDay = localDateOf(before.startedAt);
    const days = [1, 2, 3, 4, 5, 6, 7].find((k) => isSaturday(plusDays(startDay, 90 + k))) as number;
    const lastDay = plusDays(startDay, 90 + days);
    const answer = await commander.post(clockUrl(id, '办案期限', 'extend'), { days, reason: '案情复杂，经负责人批准延期' }).expect(200);

    // then its deadline is the end of the first working day from that Saturday on (民法典 Art. 203), and the task list shows it
    const rolled = isWorkingDay(calendar, lastDay) ? lastDay : nextWorkingDay(calendar, lastDay);
    const after = clockOf(answer.body.clocks, '办案期限');
    expect(after).toMatchObject({ status: 'running', extendedDays: days, deadline: endOfDay(rolled) });
    expect(after.extensions).toEqual([expect.objectContaining({ days, by: 'bajiao-commander' })]);
    const task = await eventually(async () => {
      const row = await listed();
      return row?.dueDate === new Date(endOfDay(rolled)).toISOString() ? row : undefined;
    }, 'the task list showing the moved due date');
    expect(task.dueProvisional).toBe(after.provisional);
    await auditWhen(id, (rows) => ['clock.extended', 'task.rescheduled'].every((kind) => rows.some((r) => r.kind === kind)), 'the extension and the moved task in the audit');
  });

  it("should pause a clock's boundary timer while the clock is suspended, and fire it only once the suspended time is made up", async () => {
    // given a legal-timer case whose 检测时限 (PT15S) starts when 送检 completes, read by 检测's boundary timer
    const staff = await stack.as('bajiao-staff');
    const started = await staff.post('/api/instances', { definitionKey: 'legal-timer', businessKey: uniqueKey('JC'), street: 'bajiao' }).expect(201);
    const id = started.body.id as string;
    // (the task as the task list has it: the case's own state shows it a moment before the list does)
    await completeTask(staff, id, 'Begin', {});

    // when the clock is suspended at once
    const suspended = clockOf((await staff.post(clockUrl(id, '检测时限', 'suspend'), { ground: 'inspection', reason: '样品送检' }).expect(200)).body.clocks, '检测时限');
    expect(suspended).toMatchObject({ status: 'suspended', deadline: null, unit: 'time' });

    // then the boundary timer is paused (its Temporal timer cancelled, no due time) and 检测 still waits
    await auditWhen(id, (rows) => rows.some((r) => r.kind === 'timer.rescheduled' && r.elementId === 'Overdue' && (JSON.parse(r.dataJson ?? '{}') as { to?: unknown }).to === null), 'the paused timer in the audit');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await caseState(stack.client, id)).activeElements.map((a) => a.elementId)).toContain('Inspect');

    // when it resumes
    const resumed = clockOf((await staff.post(clockUrl(id, '检测时限', 'resume'), { reason: '检测完毕' }).expect(200)).body.clocks, '检测时限');

    // then its deadline moved by the suspended interval, and the timer fires at that deadline — after the original one,
    // so the suspended seconds were not counted (a timer left running would have fired 15 s after the start)
    const [suspension] = resumed.suspensions;
    expect(resumed.status).toBe('running');
    const suspendedMs = Date.parse(suspension.to as string) - Date.parse(suspension.from);
    expect(suspendedMs).toBeGreaterThanOrEqual(2000);
    expect(Date.parse(resumed.deadline as string)).toBe(Date.parse(resumed.startedAt) + 15_000 + suspendedMs);
    const ended = await eventually(() => caseState(stack.client, id).then((s) => (s.completed.some((c) => c.elementId === 'TimedOut') ? s : undefined)), 'the boundary timer after the resumption', 60_000);
    const fired = ended.completed.find((c) => c.elementId === 'Overdue');
    expect(Date.parse(fired?.endedAt as string)).toBeGreaterThanOrEqual(Date.parse(resumed.deadline as string));
    await auditWhen(id, (rows) => ['clock.suspended', 'clock.resumed'].every((kind) => rows.some((r) => r.kind === kind)), 'the suspension and the resumption in the audit');
  });

  it("should let only street commanders, admins and the clock's approvers change it, and refuse what its state does not allow", async () => {
    // given a case whose 办案期限 names the group liaison as its approvers
    const { id } = await legalClockCase(commander);
    const staff = await stack.as('bajiao-staff');
    const liaison = await stack.as('bajiao-liaison');

    // then enforcement staff (not among them) are refused, the liaison may suspend, the commander resume
    expect((await staff.post(clockUrl(id, '办案期限', 'suspend'), { ground: 'hearing', reason: '举行听证' }).expect(403)).body.code).toBe('clock-approver-required');
    const suspended = clockOf((await liaison.post(clockUrl(id, '办案期限', 'suspend'), { ground: 'hearing', reason: '举行听证' }).expect(200)).body.clocks, '办案期限');
    expect(suspended.suspensions).toEqual([expect.objectContaining({ ground: 'hearing', reason: '举行听证', by: 'bajiao-liaison' })]);
    expect((await liaison.post(clockUrl(id, '办案期限', 'suspend'), { ground: 'party', reason: '当事人申请' }).expect(409)).body.code).toBe('clock-state-conflict');
    await commander.post(clockUrl(id, '办案期限', 'resume'), { reason: '听证结束' }).expect(200);
    expect((await commander.post(clockUrl(id, '办案期限', 'resume'), { reason: '再次恢复' }).expect(409)).body.code).toBe('clock-state-conflict');

    // and a clock the process does not declare, another street's user, an auditor and a bad body are refused too
    expect((await commander.post(clockUrl(id, '整改期限', 'extend'), { days: 5, reason: '延期' }).expect(404)).body.code).toBe('clock-not-found');
    expect((await (await stack.as('lugu-liaison')).post(clockUrl(id, '办案期限', 'extend'), { days: 5, reason: '延期' }).expect(404)).body.code).toBe('not-found');
    expect((await (await stack.as('bajiao-auditor')).post(clockUrl(id, '办案期限', 'extend'), { days: 5, reason: '延期' }).expect(403)).body.code).toBe('forbidden');
    await commander.post(clockUrl(id, '办案期限', 'extend'), { days: 0, reason: '延期' }).expect(400);
    await commander.post(clockUrl(id, '办案期限', 'suspend'), { ground: 'weather', reason: '天气' }).expect(400);
    const clocks = (await commander.get(`/api/instances/${enc(id)}`).expect(200)).body.clocks as ClockView[];
    expect(clockOf(clocks, '办案期限')).toMatchObject({ status: 'running', extendedDays: 0, approvers: ['liaison'] });
  });
});
