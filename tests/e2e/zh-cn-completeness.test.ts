// The zh-CN completeness walk (issue 17) in a real browser against the real stack: every demo role with a web app
// signs in with a Chinese browser and visits every page of its menu (each tab, each date picker opened) — street
// staff, volunteers and residents also on a 390×844 phone through the ☰ drawer, with the task page — plus case
// pages, a task page, a version-history diff, audit case pages stepped through, audit reports, the modeler with a user
// task and a service task selected (every properties group open), the form editor and a service's order page, on
// seeded data (占道经营巡查 with a start form and a task form in two versions, one case done, one waiting; a 街道吹哨
// case past its job and parallel reports; a resident's service order). The walk fails on text that is Latin only
// outside the allow-list of support/latinText.ts, naming each page and what it showed; date pickers must start on Monday.
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../server/seed';
import { type ApiSession, enc } from '../support/api';
import { ROOT } from '../support/paths';
import { eventually } from '../support/wait';
import { button, openedDialog, openPage, PHONE, signIn } from './support/browser';
import { completeTask } from '../support/caseTasks';
import { type JourneyStack, startJourneyStack } from './support/journeyStack';
import { latinOnlyTexts } from './support/latinText';
import { deployStallPatrol, deployStallPatrolWithStartForm } from './support/stallPatrol';

const DONE_CASE = 'stall-patrol:ZH-WALK-1';
const OPEN_CASE = 'stall-patrol:ZH-WALK-2';
const WHISTLE_CASE = 'street-whistle:ZH-WALK-3';
const ORDER_CASE = 'volunteer-service-order:ZH-WALK-4';

let browser: Browser;
let server: JourneyStack['server'];
let journey: JourneyStack;
let openTaskId: string;

/** The open task of case `caseId`, once it is there. */
function openTask(session: ApiSession, caseId: string): Promise<string> {
  return eventually(async () => {
    const res = await session.get(`/api/tasks?instanceId=${enc(caseId)}&status=open,claimed&size=50`).expect(200);
    return (res.body.items as Array<{ id: string }>)[0]?.id;
  }, `the open task of ${caseId}`);
}

beforeAll(async () => {
  journey = await startJourneyStack(async (started) => {
    // Two versions of 占道经营巡查 (the second with a start form, a description and starters) and 街道吹哨 (a job,
    // gateways, a timer) for the modeler.
    const owner = await started.as('owner');
    await deployStallPatrol(owner);
    await deployStallPatrolWithStartForm(owner);
    for (const form of ['sw-register', 'sw-handle', 'sw-rate', 'vs-order', 'vs-service', 'vs-rating']) {
      const schema = JSON.parse(fs.readFileSync(path.join(ROOT, `processes/forms/${form}.form.json`), 'utf8')) as Record<string, unknown>;
      const saved = await owner.put(`/api/forms/${form}`, { schema });
      if (saved.status !== 201 && saved.status !== 200) throw new Error(`saving form ${form} answered ${saved.status}`);
    }
    for (const [template, note] of [['street-whistle', '街道吹哨'], ['volunteer-service-order', '志愿服务工单']]) {
      const xml = fs.readFileSync(path.join(ROOT, `processes/${template}.bpmn`), 'utf8');
      await owner.post('/api/deployments', { xml, note }).expect(201);
    }

    // One case done (start form filled, task completed), one waiting at its task.
    const staff = await started.as('bajiao-staff');
    const startForm = { address: '模式口大街 12 号', priority: 60, fine: 200, dueAt: new Date(Date.now() + 5 * 3600_000).toISOString() };
    await staff.post('/api/instances', { definitionKey: 'stall-patrol', businessKey: 'ZH-WALK-1', variables: startForm }).expect(201);
    await staff.post('/api/instances', { definitionKey: 'stall-patrol', businessKey: 'ZH-WALK-2', variables: { ...startForm, address: '鲁谷路 3 号' } }).expect(201);
    const doneTask = await openTask(staff, DONE_CASE);
    await staff.post(`/api/tasks/${enc(doneTask)}/claim`, {}).expect(200);
    await staff.post(`/api/tasks/${enc(doneTask)}/complete`, { variables: { result: '摊主已撤离', action: 'rectify', fine: 0 } }).expect(200);
    openTaskId = await openTask(staff, OPEN_CASE);

    // A 街道吹哨 case past its job, its parallel reports and its timer start: steps by the system, gateways, a timer.
    const commander = await started.as('bajiao-commander');
    await commander.post('/api/instances', { definitionKey: 'street-whistle', businessKey: 'ZH-WALK-3', variables: {} }).expect(201);
    await completeTask(commander, WHISTLE_CASE, 'Task_Register', { issue: '八角北路占道经营反复', location: '八角北路 12 号', level: '一级', departments: ['城管执法', '市场监管'] });
    await completeTask(staff, WHISTLE_CASE, 'Task_ReportChengguan', {});
    await completeTask(await started.as('bajiao-liaison'), WHISTLE_CASE, 'Task_ReportShichang', {});
    await completeTask(commander, WHISTLE_CASE, 'Task_Handle', { result: '摊位已清理，恢复通行' });

    // A resident's service order waiting for a volunteer (服务大厅, 我的工单, 可接单 have content).
    const resident = await started.as('bajiao-resident');
    await resident.post('/api/instances', { definitionKey: 'volunteer-service-order', businessKey: 'ZH-WALK-4', variables: { serviceType: 'repair', address: '八角北路 3 号楼 2 单元', description: '厨房水龙头漏水', phone: '13800000000' } }).expect(201);
  });
  ({ server, browser } = journey);
}, 300_000);

afterAll(() => journey?.stop());

/** What the walk found: page name → Latin-only texts; and date pickers whose week does not start on Monday. */
const offenders: Record<string, string[]> = {};
const sundayPickers: string[] = [];

/**
 * Waits until the page has loaded what it asks for: no spinner, no skeleton, after the network went quiet (a page that
 * polls may never be quiet for long: the spinners decide). It keeps scrolling to the bottom meanwhile, as a reader
 * would: a part below the fold loads once it is in view (the task page's case progress on a phone, below the form).
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  await page.waitForFunction(
    () => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-table-placeholder .ant-spin');
    },
    undefined,
    { timeout: 30_000, polling: 200 },
  );
}

/** Records what `page` shows now as page `name`. */
async function record(page: Page, name: string): Promise<void> {
  const found = await latinOnlyTexts(page);
  if (found.length > 0) offenders[name] = [...new Set([...(offenders[name] ?? []), ...found])];
}

/** Looks at the page as `name`: as it is, with each of its tabs, and with each date picker open. */
async function look(page: Page, name: string): Promise<void> {
  await settle(page);
  await record(page, name);
  const tabs = page.locator('.ant-tabs-tab:not(.ant-tabs-tab-active):not(.ant-tabs-tab-disabled)');
  for (const label of await tabs.allInnerTexts()) {
    await page.locator('.ant-tabs-tab', { hasText: label }).first().click();
    await settle(page);
    await record(page, `${name} › ${label}`);
  }
  const pickers = page.locator('.ant-picker:not(.ant-picker-disabled)');
  for (let i = 0; i < (await pickers.count()); i += 1) {
    await pickers.nth(i).locator('input').first().click();
    const calendar = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    await calendar.waitFor();
    await record(page, `${name} › 日期选择`);
    const firstDay = (await calendar.locator('.ant-picker-content thead th').first().innerText()).trim();
    if (firstDay !== '一') sundayPickers.push(`${name}: ${firstDay}`);
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'hidden' });
  }
}

/** Opens `path` and looks at it as `name`. */
async function visit(page: Page, urlPath: string, name: string): Promise<void> {
  await page.goto(urlPath);
  await page.getByTestId('current-user').waitFor();
  await look(page, name);
}

/** Clicks every page of the side menu and looks at it. */
async function walkMenu(page: Page, user: string): Promise<void> {
  const items = page.getByRole('navigation').locator('.ant-menu-item');
  const labels = await items.allInnerTexts();
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) {
    await page.getByRole('navigation').locator('.ant-menu-item', { hasText: label }).first().click();
    await look(page, `${user} ${label}`);
  }
}

/** Selects diagram element `elementId` in the modeler, opens every group of the properties panel and looks. */
async function lookAtElement(page: Page, elementId: string, name: string): Promise<void> {
  await page.locator(`.djs-element[data-element-id="${elementId}"]`).first().click();
  const closed = page.locator('.bio-properties-panel-group-header:not(.open)');
  for (let guard = 0; guard < 30 && (await closed.count()) > 0; guard += 1) await closed.first().click();
  await look(page, name);
}

/** Opens every page of the ☰ drawer (a phone's menu) and looks at it, and at the drawer itself once. */
async function walkDrawer(page: Page, user: string): Promise<void> {
  const menu = page.getByRole('button', { name: '打开菜单' });
  await menu.tap();
  const drawer = await openedDialog(page);
  await drawer.getByRole('menuitem').first().waitFor();
  await record(page, `${user} 手机 菜单`);
  const labels = await drawer.getByRole('menuitem').allInnerTexts();
  expect(labels.length).toBeGreaterThan(0);
  for (const [index, label] of labels.entries()) {
    if (index > 0) await menu.tap();
    await (await openedDialog(page)).getByRole('menuitem', { name: label }).tap();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await look(page, `${user} 手机 ${label}`);
  }
}

/** Signs `user` in on a fresh page at `/` (1366×768, or a 390×844 phone with touch). */
async function signedIn(user: string, phone = false): Promise<{ page: Page; pageErrors: string[] }> {
  const opened = await openPage(browser, server.baseURL, phone ? PHONE : undefined);
  await opened.page.goto('/');
  await signIn(opened.page, user, DEMO_PASSWORD);
  return opened;
}

describe('the zh-CN walk', () => {
  it.each([
    ['admin', 'admin'],
    ['process-owner', 'owner'],
    ['street commander', 'bajiao-commander'],
    ['enforcement staff', 'bajiao-staff'],
    ['auditor', 'auditor'],
    ['volunteer', 'bajiao-volunteer'],
    ['resident', 'bajiao-resident'],
  ])('should show a %s every page of the menu in Chinese (%s)', async (_role, user) => {
    const { page, pageErrors } = await signedIn(user);
    await walkMenu(page, user);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it.each([
    ['enforcement staff', 'bajiao-staff'],
    ['volunteer', 'bajiao-volunteer'],
    ['resident', 'bajiao-resident'],
  ])('should show a %s on a 390×844 phone every page of the ☰ menu in Chinese (%s)', async (_role, user) => {
    const { page, pageErrors } = await signedIn(user, true);
    await walkDrawer(page, user);
    if (user === 'bajiao-staff') await visit(page, `/tasks/${enc(openTaskId)}`, 'bajiao-staff 手机 任务页');
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it("should show a resident the order page of a service and their order's case in Chinese", async () => {
    const { page, pageErrors } = await signedIn('bajiao-resident');
    await visit(page, '/services/volunteer-service-order', 'bajiao-resident 下单页');
    await visit(page, `/cases/${enc(ORDER_CASE)}`, 'bajiao-resident 案件页（工单）');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('should show enforcement staff the task page and the case pages in Chinese', async () => {
    const { page, pageErrors } = await signedIn('bajiao-staff');
    await visit(page, `/tasks/${enc(openTaskId)}`, 'bajiao-staff 任务页');
    await button(page, '认领').click();
    await page.getByLabel('核查结论').waitFor();
    await look(page, 'bajiao-staff 任务页（已认领）');
    await visit(page, `/cases/${enc(OPEN_CASE)}`, 'bajiao-staff 案件页（办理中）');
    await visit(page, `/cases/${enc(DONE_CASE)}`, 'bajiao-staff 案件页（已办结）');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('should show a street commander the case pages and the audit of a case in Chinese', async () => {
    const { page, pageErrors } = await signedIn('bajiao-commander');
    await visit(page, `/cases/${enc(DONE_CASE)}`, 'bajiao-commander 案件页');
    await visit(page, `/audit/${enc(DONE_CASE)}`, 'bajiao-commander 案件审计');
    await visit(page, `/cases/${enc(WHISTLE_CASE)}`, 'bajiao-commander 案件页（街道吹哨）');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('should show an auditor every step of an audited case and a version diff in Chinese', async () => {
    const { page, pageErrors } = await signedIn('auditor');
    await visit(page, `/audit/${enc(DONE_CASE)}`, 'auditor 案件审计');
    await page.getByTestId('step-details').waitFor({ timeout: 60_000 });
    const next = page.getByRole('button', { name: /下一步/ });
    for (let step = 2; await next.isEnabled(); step += 1) {
      await next.click();
      await page.getByTestId('step-position').filter({ hasText: `第 ${step} /` }).waitFor();
      await look(page, `auditor 案件审计 第 ${step} 步`);
    }
    await visit(page, `/audit/${enc(WHISTLE_CASE)}`, 'auditor 案件审计（街道吹哨）');
    await page.getByTestId('step-details').waitFor({ timeout: 60_000 });
    for (let step = 2; await next.isEnabled(); step += 1) {
      await next.click();
      await page.getByTestId('step-position').filter({ hasText: `第 ${step} /` }).waitFor();
      await look(page, `auditor 案件审计（街道吹哨） 第 ${step} 步`);
    }
    await visit(page, `/audit/${enc(DONE_CASE)}/report`, 'auditor 审计报告');
    await visit(page, `/audit/${enc(WHISTLE_CASE)}/report`, 'auditor 审计报告（街道吹哨）');
    await visit(page, '/processes/stall-patrol/versions', 'auditor 版本历史');
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('should show a process owner the modeler, the version diff, the form editor and a case in Chinese', async () => {
    const { page, pageErrors } = await signedIn('owner');
    await visit(page, '/processes/stall-patrol/versions', 'owner 版本历史');
    await visit(page, '/forms/patrol-report', 'owner 表单编辑器');
    await page.goto('/processes/stall-patrol');
    await page.locator('.djs-element[data-element-id="Task_Check"]').waitFor();
    await lookAtElement(page, 'Task_Check', 'owner 建模器 › 用户任务');
    await lookAtElement(page, 'Start_Report', 'owner 建模器 › 开始事件');
    await page.goto('/processes/street-whistle');
    await page.locator('.djs-element[data-element-id="Task_Call"]').waitFor();
    await lookAtElement(page, 'Task_Call', 'owner 建模器 › 服务任务');
    await visit(page, `/cases/${enc(DONE_CASE)}`, 'owner 案件页');
    await visit(page, `/cases/${enc(WHISTLE_CASE)}`, 'owner 案件页（街道吹哨）');
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it("should show an admin a case's engine views in Chinese (engine words allowed, English not)", async () => {
    const { page, pageErrors } = await signedIn('admin');
    await visit(page, `/cases/${enc(WHISTLE_CASE)}`, 'admin 案件页（街道吹哨）');
    await visit(page, `/audit/${enc(WHISTLE_CASE)}`, 'admin 案件审计（街道吹哨）');
    await visit(page, '/processes/street-whistle/versions', 'admin 版本历史（街道吹哨）');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('should have found no Latin-only text and only Monday-first date pickers', () => {
    expect(offenders).toEqual({});
    expect(sundayPickers).toEqual([]);
  });
});
