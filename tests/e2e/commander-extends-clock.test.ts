// The case page's 法定时限 panel in a real browser against the real stack: a case of a process with the clock 办案期限
// (90 days, started when 核查线索 completes) is opened by a street commander, who extends the clock through the 延期
// form; the panel then shows the new deadline (and the clock's extension), as the API does. The page also reads well
// on a phone (390 px wide). The panel's screenshot (test-results/e2e/case-clocks-panel.png) is docs/images/case-clocks.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { ClockView } from '../../contracts/legalTime';
import { DEMO_PASSWORD } from '../../server/seed';
import { type ApiStack, enc } from '../support/api';
import { completeTask } from '../support/caseTasks';
import { eventually } from '../support/wait';
import { button, openedDialog, openPage, SCREENSHOT_DIR, screenshot, signIn } from './support/browser';
import { type JourneyStack, startJourneyStack } from './support/journeyStack';

const CASE_CLOCK_BPMN = path.join(__dirname, 'fixtures/case-clock.bpmn');

let stack: ApiStack;
let browser: Browser;
let server: JourneyStack['server'];
let journey: JourneyStack;

beforeAll(async () => {
  journey = await startJourneyStack(async (started) => {
    await (await started.as('owner')).post('/api/deployments', { xml: fs.readFileSync(CASE_CLOCK_BPMN, 'utf8'), note: 'e2e' }).expect(201);
  });
  ({ stack, server, browser } = journey);
}, 300_000);

afterAll(() => journey?.stop());

/** A Beijing day as the zh-CN panel shows it (2027年3月1日). */
const zhDate = (iso: string) => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(new Date(iso));

/** 办案期限 of case `id` as the API shows it to `session`. */
async function caseClock(session: Awaited<ReturnType<ApiStack['as']>>, id: string): Promise<ClockView> {
  const clocks = (await session.get(`/api/instances/${enc(id)}`).expect(200)).body.clocks as ClockView[];
  const clock = clocks.find((c) => c.name === '办案期限');
  if (!clock) throw new Error(`no 办案期限 in ${JSON.stringify(clocks)}`);
  return clock;
}

describe('a street commander', () => {
  it("should extend a case's 办案期限 through the 法定时限 panel and see the new deadline", async () => {
    // given: a case whose 核查线索 has been completed, which started 办案期限
    const staff = await stack.as('bajiao-staff');
    const started = await staff.post('/api/instances', { definitionKey: 'case-clock', businessKey: 'ZF-E2E-001', street: 'bajiao', variables: {} }).expect(201);
    const id = started.body.id as string;
    // (the task as the task list has it: the case's own state shows it a moment before the list does)
    await completeTask(staff, id, 'Register', {});
    const commander = await stack.as('bajiao-commander');
    const before = await eventually(async () => (await caseClock(commander, id).catch(() => undefined)), '办案期限 started');
    expect(before).toMatchObject({ status: 'running', unit: 'calendarDays', length: 90, extendedDays: 0 });

    // when: the commander opens the case page
    const { page, pageErrors } = await openPage(browser, server.baseURL);
    await page.goto(`/cases/${enc(id)}`);
    await signIn(page, 'bajiao-commander', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '案件 ZF-E2E-001' }).waitFor();

    // then: the panel shows the running clock with its deadline
    const clock = page.getByRole('listitem', { name: '办案期限' });
    await clock.waitFor();
    expect(await clock.getByTestId('clock-status').innerText()).toBe('计时中');
    expect(await clock.getByTestId('clock-deadline').innerText()).toBe(zhDate(before.deadline as string));

    // when: they extend it by 30 days through the form
    await button(clock, '延期').click();
    const dialog = await openedDialog(page);
    await dialog.getByText('延长「办案期限」').waitFor();
    await dialog.getByLabel('延长天数（自然日）').fill('30');
    await dialog.getByLabel('理由').fill('案情复杂，需补充调查，经负责人批准延期');
    await button(dialog, '延期').click();
    await dialog.waitFor({ state: 'hidden' });

    // then: the API has the new deadline, and the panel shows it, with the extension and who approved it
    const after = await eventually(async () => {
      const now = await caseClock(commander, id);
      return now.extendedDays === 30 ? now : undefined;
    }, 'the extension');
    expect(after.deadline).not.toBe(before.deadline);
    expect(Date.parse(after.deadline as string)).toBeGreaterThan(Date.parse(before.deadline as string));
    await clock.getByTestId('clock-deadline').filter({ hasText: zhDate(after.deadline as string) }).waitFor();
    const text = await clock.innerText();
    expect(text).toContain('（已延期 30 天）');
    expect(text).toContain('延期 30 天');
    expect(text).toContain('批准人：bajiao-commander');
    expect(text).toContain('理由：案情复杂，需补充调查，经负责人批准延期');
    await screenshot(page, 'case-clocks');
    await page.locator('.ant-card', { has: page.getByRole('list', { name: '法定时限' }) }).screenshot({ path: path.join(SCREENSHOT_DIR, 'case-clocks-panel.png') });

    // and: on a phone the page fits its width
    await page.setViewportSize({ width: 390, height: 844 });
    await clock.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await clock.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'case-clocks-phone');
    expect(pageErrors).toEqual([]);
  }, 180_000);
});

describe('an admin', () => {
  it('should read the 工作日历 with 2026\'s holidays, make a day a local day off and see the new version', async () => {
    // given: the admin on the calendar page at 2026 (the national schedule of 2026 is published)
    const { page, pageErrors } = await openPage(browser, server.baseURL);
    await page.goto('/calendar?year=2026');
    await signIn(page, 'admin', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '工作日历' }).waitFor();

    // then: twelve months; 国庆节 is 休, its make-up Sunday (2026-09-20) 班
    await page.getByRole('grid', { name: '十月' }).waitFor();
    expect(await page.getByRole('grid').count()).toBe(12);
    expect(await page.locator('[data-date="2026-10-01"]').getAttribute('data-marker')).toBe('off');
    expect(await page.locator('[data-date="2026-09-20"]').getAttribute('data-marker')).toBe('work');

    // when: a working day is made a local day off
    await page.locator('[data-date="2026-12-31"]').click();
    const dialog = await openedDialog(page);
    await dialog.getByText('调整 2026-12-31').waitFor();
    await dialog.getByLabel('说明').fill('区政府通知：年末集中休息');
    await button(dialog, '设为休息日').click();
    await dialog.waitFor({ state: 'hidden' });

    // then: the day is 休 and outlined, the versions table lists the change first, the rollout says how far it got
    await page.locator('[data-date="2026-12-31"][data-adjusted="true"][data-marker="off"]').waitFor();
    const versions = page.locator('.ant-card', { hasText: '版本记录' });
    await versions.getByText('2026-12-31 设为休息日：区政府通知：年末集中休息').waitFor();
    await page.getByTestId('calendar-rollout').waitFor();
    expect(await page.getByTestId('calendar-rollout').innerText()).toMatch(/第 \d+ 版：已更新 \d+ \/ \d+ 个在办案件/);
    await screenshot(page, 'work-calendar');

    // when: the adjustment is removed again
    await page.locator('[data-date="2026-12-31"]').click();
    const removeDialog = await openedDialog(page);
    await removeDialog.getByText('调整 2026-12-31').waitFor();
    const removal = page.waitForResponse((res) => res.request().method() === 'DELETE' && res.url().endsWith('/api/calendar/adjustments/2026-12-31'));
    await button(removeDialog, '撤销本地调整').click();

    // then: the server made the version, the dialog closed, the day is no longer adjusted
    expect(`${(await removal).status()} ${await (await removal).text()}`).toMatch(/^200 /);
    await removeDialog.waitFor({ state: 'hidden' });
    await page.locator('[data-date="2026-12-31"]:not([data-adjusted])').waitFor();
    await versions.getByText('撤销 2026-12-31 的本地调整').waitFor();

    // when: a year not yet published is picked
    await page.getByRole('button', { name: '下一年' }).click();

    // then
    await page.getByTestId('calendar-unknown-year').filter({ hasText: '2027 年的节假日安排尚未公布' }).waitFor();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
