// The working-day calendar through the API (issue 14), on the real stack: version 1 from the chinese-days package
// checked day by day against the State Council's notices for 2025 and 2026, a year not yet published, local
// adjustments (each a hash-linked version), who may change and read what, a package upgrade, and the rollout of a new
// version to a running case and past closed and unversioned ones.
import fs from 'node:fs';
import path from 'node:path';
import packageData from 'chinese-days/dist/chinese-days.json';
import type { WorkCalendar } from '../../contracts/legalTime';
import { addWorkingDays, endOfDay, localDateOf } from '../../engine/calendar/workCalendar';
import { jsonSha256 } from '../../engine/hash';
import { CalendarRollout, CalendarVersion, type CalendarVersionDoc, Instance } from '../../store/models';
import { readBaseSchedule } from '../../server/services/calendarBase';
import { ROLLOUT_PAGE_SIZE, rollOutCalendar } from '../../server/services/calendarRollout';
import { currentCalendar, recordSha256Of, syncCalendarWithPackage } from '../../server/services/calendars';
import { caseState } from '../../server/services/cases';
import { type ApiSession, type ApiStack, startApiStack } from '../support/api';
import { auditWhen } from '../support/cases';
import { eventually } from '../support/wait';
import { uniqueKey } from './fixtures';

/** A process whose clock 公示期 (20 working days) starts at its start; task `Publish` is due at its deadline. */
const calendarClockXml = fs.readFileSync(path.join(__dirname, 'fixtures', 'calendar-clock.bpmn'), 'utf8');

/** The dates from `from` through `to` (YYYY-MM-DD). */
function dates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

const isWeekendDate = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）: the holiday periods (放假) and the weekend days
 * worked (上班), as the notice states them.
 */
const NOTICE_2026 = {
  off: [
    ...dates('2026-01-01', '2026-01-03'), // 元旦
    ...dates('2026-02-15', '2026-02-23'), // 春节
    ...dates('2026-04-04', '2026-04-06'), // 清明节
    ...dates('2026-05-01', '2026-05-05'), // 劳动节
    ...dates('2026-06-19', '2026-06-21'), // 端午节
    ...dates('2026-09-25', '2026-09-27'), // 中秋节
    ...dates('2026-10-01', '2026-10-07'), // 国庆节
  ],
  worked: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

/** 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）. */
const NOTICE_2025 = {
  off: [
    '2025-01-01', // 元旦
    ...dates('2025-01-28', '2025-02-04'), // 春节
    ...dates('2025-04-04', '2025-04-06'), // 清明节
    ...dates('2025-05-01', '2025-05-05'), // 劳动节
    ...dates('2025-05-31', '2025-06-02'), // 端午节
    ...dates('2025-10-01', '2025-10-08'), // 国庆节、中秋节
  ],
  worked: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

type Day = { date: string; working: boolean; kind: string; holiday?: string; adjustment?: { note: string; by: string; at: string } };

/** Each day of a year as a notice makes it: off in a holiday period, worked on a make-up day, else by weekday. */
function expectedYear(year: number, notice: { off: string[]; worked: string[] }) {
  return dates(`${year}-01-01`, `${year}-12-31`).map((date) => {
    if (notice.off.includes(date)) return { date, working: false, kind: 'holiday' };
    if (notice.worked.includes(date)) return { date, working: true, kind: 'makeup' };
    return isWeekendDate(date) ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'workday' };
  });
}

/** The current Beijing year. */
const thisYear = () => Number(localDateOf(new Date().toISOString()).slice(0, 4));

describe('the working-day calendar', () => {
  let stack: ApiStack;
  let admin: ApiSession;
  let staff: ApiSession;
  beforeAll(async () => {
    stack = await startApiStack();
    admin = await stack.as('admin');
    staff = await stack.as('bajiao-staff');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Every stored version, oldest first. */
  const versions = async () => (await CalendarVersion.find().sort({ _id: 1 }).lean()) as CalendarVersionDoc[];

  it("should make version 1 from the chinese-days package, with 2026's statutory days as the State Council's notice sets them", async () => {
    // when a staff member reads 2026 (the first read makes version 1)
    const res = await staff.get('/api/calendar?year=2026').expect(200);

    // then it is version 1 from the package, known 2024..2026 (two years before this one through the package's last year)
    expect(res.body).toMatchObject({ version: 1, source: 'chinese-days@1.5.7', knownFrom: Math.min(thisYear() - 2, 2026), knownThrough: 2026, year: 2026, known: true });
    const [v1] = await versions();
    expect(v1).toMatchObject({ _id: 1, basePackage: 'chinese-days@1.5.7', createdBy: 'system', change: { kind: 'package' }, prevSha256: null, adjustments: [] });

    // and every day of 2026 is as the notice says: holiday periods off, the named weekend days worked, else by weekday
    expect((res.body.days as Day[]).map(({ date, working, kind }) => ({ date, working, kind }))).toEqual(expectedYear(2026, NOTICE_2026));
    const day = (date: string) => (res.body.days as Day[]).find((d) => d.date === date);
    expect(day('2026-02-16')).toMatchObject({ working: false, kind: 'holiday', holiday: '春节' });
    expect(day('2026-10-10')).toMatchObject({ working: true, kind: 'makeup', holiday: '国庆节' });
    expect(day('2026-03-02')).toEqual({ date: '2026-03-02', working: true, kind: 'workday' });
  });

  it("should know 2025's statutory days as its notice sets them, and say that 2027 is not known yet", async () => {
    // when a resident reads 2025 and 2027
    const resident = await stack.as('bajiao-resident');
    const y2025 = await resident.get('/api/calendar?year=2025').expect(200);
    const y2027 = await resident.get('/api/calendar?year=2027').expect(200);

    // then 2025 is as its notice says
    expect(y2025.body).toMatchObject({ year: 2025, known: true });
    expect((y2025.body.days as Day[]).map(({ date, working, kind }) => ({ date, working, kind }))).toEqual(expectedYear(2025, NOTICE_2025));

    // and 2027 is not known: only weekends count (its holidays are not published in this package version)
    expect(y2027.body).toMatchObject({ year: 2027, known: false, knownThrough: 2026 });
    expect((y2027.body.days as Day[]).map(({ date, working, kind }) => ({ date, working, kind }))).toEqual(expectedYear(2027, { off: [], worked: [] }));
    expect((y2027.body.days as Day[]).find((d) => d.date === '2027-01-01')).toEqual({ date: '2027-01-01', working: true, kind: 'workday' });
  });

  it('should refuse a year outside 2000–2100 or not a number (400)', async () => {
    for (const year of ['1999', '2101', 'next', '']) {
      expect((await staff.get(`/api/calendar?year=${year}`).expect(400)).body.code).toBe('validation-failed');
    }
  });

  it('should make version 2, hash-linked to 1, for a local day off, listed with who, when and why', async () => {
    // given version 1
    const [v1] = await versions();

    // when the admin makes Thursday 2026-12-31 a local day off
    const made = await admin.post('/api/calendar/adjustments', { date: '2026-12-31', working: false, note: '区政府通知：年末盘点' }).expect(201);

    // then version 2 names version 1's record and the change; the calendar lists the day off
    expect(made.body).toMatchObject({
      version: 2,
      source: 'chinese-days@1.5.7 + 1 local adjustment',
      prevSha256: v1.recordSha256,
      change: { kind: 'adjustment.added', date: '2026-12-31', working: false, note: '区政府通知：年末盘点' },
      createdBy: 'admin',
      adjustments: [{ date: '2026-12-31', working: false, note: '区政府通知：年末盘点', by: 'admin', at: made.body.createdAt }],
    });
    const calendar = await currentCalendar();
    expect(calendar).toMatchObject({ version: 2, sha256: made.body.sha256 });
    expect(calendar.offDays).toContain('2026-12-31');
    const y2026 = await staff.get('/api/calendar?year=2026').expect(200);
    expect((y2026.body.days as Day[]).find((d) => d.date === '2026-12-31')).toEqual({
      date: '2026-12-31',
      working: false,
      kind: 'holiday',
      adjustment: { note: '区政府通知：年末盘点', by: 'admin', at: made.body.createdAt },
    });

    // and the auditor's versions list shows both, newest first, with who made each, when and why
    const listed = await (await stack.as('bajiao-auditor')).get('/api/calendar/versions').expect(200);
    expect(listed.body.items.map((v: { version: number; createdBy: string; change: { kind: string } }) => [v.version, v.createdBy, v.change.kind])).toEqual([
      [2, 'admin', 'adjustment.added'],
      [1, 'system', 'package'],
    ]);
    expect(listed.body.items[0]).toEqual(made.body);
  });

  it('should answer 409 calendar-unchanged for a day that already is so, and make no version', async () => {
    // when the admin makes 2026-12-31 a day off again, and an ordinary Monday a working day
    const again = await admin.post('/api/calendar/adjustments', { date: '2026-12-31', working: false, note: '重复' }).expect(409);
    const monday = await admin.post('/api/calendar/adjustments', { date: '2026-03-02', working: true, note: '本来就上班' }).expect(409);

    // then both are refused and no version was made
    expect([again.body.code, monday.body.code]).toEqual(['calendar-unchanged', 'calendar-unchanged']);
    expect((await versions()).length).toBe(2);
  });

  it('should refuse adjustments by anyone but an admin (403), and the versions and rollout to non-admins and non-auditors', async () => {
    // when a commander, a staff member and an auditor try to change days, and a staff member reads versions and rollout
    const commander = await stack.as('bajiao-commander');
    const auditor = await stack.as('bajiao-auditor');
    const refused = [
      await commander.post('/api/calendar/adjustments', { date: '2026-12-30', working: false, note: '不可以' }),
      await staff.post('/api/calendar/adjustments', { date: '2026-12-30', working: false, note: '不可以' }),
      await auditor.post('/api/calendar/adjustments', { date: '2026-12-30', working: false, note: '不可以' }),
      await commander.delete('/api/calendar/adjustments/2026-12-31'),
      await staff.get('/api/calendar/versions'),
      await auditor.get('/api/calendar/rollout'),
    ];

    // then each is a 403 and nothing changed
    expect(refused.map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(refused.length).fill('403 forbidden'));
    expect((await versions()).length).toBe(2);
  });

  it('should refuse a bad date or note (400) and make no version', async () => {
    const bad = [
      { date: '2026-02-30', working: false, note: '没有这一天' },
      { date: '2026/12/30', working: false, note: '格式不对' },
      { date: '1999-12-30', working: false, note: '太早' },
      { date: '2026-12-30', working: false, note: '   ' },
      { date: '2026-12-30', working: false, note: '长'.repeat(201) },
      { date: '2026-12-30', working: 'no', note: '不是布尔值' },
      { date: '2026-12-30', working: false },
    ];
    for (const body of bad) {
      const res = await admin.post('/api/calendar/adjustments', body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'validation-failed' });
    }
    expect((await admin.delete('/api/calendar/adjustments/2026-13-01').expect(400)).body.code).toBe('validation-failed');
    expect((await versions()).length).toBe(2);
  });

  it('should remove an adjustment as a new version, and answer 404 for a day without one', async () => {
    // given a local make-up Saturday added as well
    await admin.post('/api/calendar/adjustments', { date: '2026-12-26', working: true, note: '集中办公' }).expect(201);

    // when the admin removes the day off of 2026-12-31
    const removed = await admin.delete('/api/calendar/adjustments/2026-12-31').expect(200);

    // then version 4 records the removal and keeps the Saturday; the day is a working day again
    expect(removed.body).toMatchObject({
      version: 4,
      source: 'chinese-days@1.5.7 + 1 local adjustment',
      change: { kind: 'adjustment.removed', date: '2026-12-31', working: false, note: '区政府通知：年末盘点' },
      createdBy: 'admin',
      adjustments: [{ date: '2026-12-26', working: true, note: '集中办公', by: 'admin' }],
    });
    const days = (await staff.get('/api/calendar?year=2026').expect(200)).body.days as Day[];
    expect(days.find((d) => d.date === '2026-12-31')).toEqual({ date: '2026-12-31', working: true, kind: 'workday' });
    expect(days.find((d) => d.date === '2026-12-26')).toMatchObject({ working: true, kind: 'makeup', adjustment: { note: '集中办公', by: 'admin' } });

    // and removing it again, or a day never adjusted, is a 404
    expect((await admin.delete('/api/calendar/adjustments/2026-12-31').expect(404)).body.code).toBe('adjustment-not-found');
    expect((await admin.delete('/api/calendar/adjustments/2026-06-01').expect(404)).body.code).toBe('adjustment-not-found');
  });

  it("should make a system version when the package's schedule changes (next year published), keeping the local adjustments", async () => {
    // given the package data with 2027's New Year's Day added (what an upgrade publishing 2027 brings)
    const upgraded = readBaseSchedule({ holidays: { ...packageData.holidays, '2027-01-01': "New Year's Day,元旦,1" }, workdays: packageData.workdays }, 'chinese-days@9.9.9');
    const before = (await versions()).length;

    // when the server starts with it (twice: the second start finds nothing new)
    const made = await syncCalendarWithPackage(upgraded);
    await syncCalendarWithPackage(upgraded);

    // then one version by system knows 2027 and still holds the local Saturday
    expect((await versions()).length).toBe(before + 1);
    expect(made).toMatchObject({ _id: before + 1, createdBy: 'system', change: { kind: 'package' }, basePackage: 'chinese-days@9.9.9', calendar: { knownThrough: 2027 } });
    expect(made.calendar.offDays).toContain('2027-01-01');
    expect(made.calendar.workDays).toContain('2026-12-26');
    expect((await staff.get('/api/calendar?year=2027').expect(200)).body).toMatchObject({ known: true, knownThrough: 2027 });

    // and going back to the installed package is one more version
    expect(await syncCalendarWithPackage()).toMatchObject({ _id: before + 2, basePackage: 'chinese-days@1.5.7', calendar: { knownThrough: 2026 } });
  });

  it('should keep every version immutable and hash-linked: each record hashes to its recordSha256, names the one before, and its calendar hashes to its sha256', async () => {
    const rows = await versions();
    rows.forEach((row, i) => {
      const calendar = JSON.parse(row.calendarJson) as WorkCalendar;
      const { sha256, ...unhashed } = calendar;
      expect({ version: row._id, calendarVersion: calendar.version, sha256: jsonSha256(unhashed), record: recordSha256Of(row), prev: row.prevSha256 }).toEqual({
        version: i + 1,
        calendarVersion: i + 1,
        sha256,
        record: row.recordSha256,
        prev: i === 0 ? null : rows[i - 1].recordSha256,
      });
      expect(row.sha256).toBe(sha256);
    });
  });

  it('should roll a new version out to a running case on an older one: its calendar and clock deadline move', async () => {
    // given a running case with a 20-working-day clock, on the current version
    const owner = await stack.as('owner');
    await owner.post('/api/deployments', { xml: calendarClockXml }).expect(201);
    const commander = await stack.as('bajiao-commander');
    const started = await commander.post('/api/instances', { definitionKey: 'calendar-clock', businessKey: uniqueKey('GS'), street: 'bajiao' }).expect(201);
    const id = started.body.id as string;
    const before = await currentCalendar();
    await eventually(() => Instance.findById(id).lean().then((r) => (r?.calendarVersion === before.version ? r : undefined)), 'the case on the current calendar version');
    const clock = (await caseState(stack.client, id)).clocks?.find((c) => c.name === '公示期');
    const startDay = localDateOf(clock?.startedAt as string);
    expect(clock?.deadline).toBe(endOfDay(addWorkingDays(before, startDay, 20)));

    // when the admin makes the second working day after its start a local day off
    const dayOff = addWorkingDays(before, startDay, 2);
    const made = await admin.post('/api/calendar/adjustments', { date: dayOff, working: false, note: '临时停电' }).expect(201);

    // then the rollout reaches it: the case computes with the new version and its deadline is one working day later
    const rollout = await eventually(async () => {
      const status = (await admin.get('/api/calendar/rollout').expect(200)).body;
      return status.version === made.body.version && !status.running ? status : undefined;
    }, 'the rollout finished', 30_000);
    expect(rollout).toEqual({ version: made.body.version, total: 1, updated: 1, failed: 0, skipped: 0, running: false });
    const after = await caseState(stack.client, id);
    expect(after.calendarVersion).toBe(made.body.version);
    const calendar = await currentCalendar();
    expect(after.clocks?.find((c) => c.name === '公示期')?.deadline).toBe(endOfDay(addWorkingDays(calendar, startDay, 20)));
    const audit = await auditWhen(id, (rows) => rows.some((r) => r.kind === 'calendar.updated'), 'the calendar.updated entry');
    expect(audit.find((r) => r.kind === 'calendar.updated')).toMatchObject({ actor: 'admin' });
  });

  it('should page through the stale running cases by id, skip those that closed, and leave closed and unversioned cases alone', async () => {
    // given more stale running cases than a page holds (summary rows whose workflows are gone: they closed meanwhile),
    // besides completed and cancelled cases on an old version, a case without legal time and one started on the new version
    const version = (await currentCalendar()).version;
    const row = (n: number, status: string, calendarVersion: number | null) => ({
      _id: `calendar-rollout-${String(n).padStart(4, '0')}`,
      definitionKey: 'calendar-clock',
      definitionVersion: 1,
      businessKey: `R-${n}`,
      street: 'bajiao',
      status,
      startedAt: new Date(),
      calendarVersion,
    });
    const stale = Array.from({ length: 2 * ROLLOUT_PAGE_SIZE + 17 }, (_, i) => row(i, i % 10 === 0 ? 'incident' : 'running', 1 + (i % (version - 1))));
    await Instance.insertMany([...stale, row(9001, 'completed', 1), row(9002, 'cancelled', 1), row(9003, 'running', null), row(9004, 'running', version + 1)]);

    // when a new version is made and rolled out
    const made = await admin.post('/api/calendar/adjustments', { date: '2026-12-24', working: false, note: '年末盘点' }).expect(201);
    await rollOutCalendar(stack.client, { warn: () => undefined });

    // then the stale running ones (and the case of the test before, on the previous version) were each tried once, in pages by id
    const progress = await eventually(() => CalendarRollout.findById(made.body.version).lean().then((r) => (r?.finishedAt ? r : undefined)), 'the rollout row finished');
    expect(progress).toMatchObject({ total: stale.length + 1, updated: 1, skipped: stale.length, failed: 0, lastId: stale[stale.length - 1]._id, supersededBy: null });
    expect((await admin.get('/api/calendar/rollout').expect(200)).body).toEqual({ version: made.body.version, total: stale.length + 1, updated: 1, failed: 0, skipped: stale.length, running: false });
  });

  it('should report a version whose rollout has not begun as running while stale running cases wait for it', async () => {
    // given the newest version with no rollout row yet (the server begins it in the background) and a stale running case
    // (besides the summary rows the test before left on older versions)
    const version = (await currentCalendar()).version;
    await CalendarRollout.deleteOne({ _id: version });
    await Instance.create({ _id: 'calendar-rollout-due', definitionKey: 'calendar-clock', definitionVersion: 1, businessKey: 'R-due', street: 'bajiao', status: 'running', startedAt: new Date(), calendarVersion: version - 1 });

    // when an admin reads the rollout
    const status = (await admin.get('/api/calendar/rollout').expect(200)).body;

    // then it is due, not finished (a poll that waited for "not running" used to stop before the rollout began)
    expect(status).toEqual({ version, total: expect.any(Number), updated: 0, failed: 0, skipped: 0, running: true });
    expect(status.total).toBeGreaterThanOrEqual(1);
    await Instance.deleteOne({ _id: 'calendar-rollout-due' });
  });
});
