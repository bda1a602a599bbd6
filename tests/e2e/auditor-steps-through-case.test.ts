// The auditor's journey in a real browser against the real stack: a 街道吹哨 case (processes/street-whistle.bpmn: user
// tasks, a job, a parallel split with a timer) is run through the API by the street's staff; the auditor finds it,
// steps through it on the diagram (slider, buttons, keys) with people by their display names, verifies chain and replay in
// one click and downloads the export.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../support/paths';
import { DEMO_PASSWORD } from '../../server/seed';
import { type ApiStack, enc } from '../support/api';
import { button, openPage, screenshot, signIn } from './support/browser';
import { completeTask } from '../support/caseTasks';
import { type JourneyStack, startJourneyStack } from './support/journeyStack';

const CASE_KEY = 'AUDIT-E2E-1';
const CASE_ID = `street-whistle:${CASE_KEY}`;

let stack: ApiStack;
let browser: Browser;
let server: JourneyStack['server'];
let journey: JourneyStack;

beforeAll(async () => {
  journey = await startJourneyStack(async (started) => {
    const xml = fs.readFileSync(path.join(ROOT, 'processes/street-whistle.bpmn'), 'utf8');
    await (await started.as('owner')).post('/api/deployments', { xml, note: 'e2e audit' }).expect(201);

    // The 八角 command center blows the whistle, both departments report, the case is handled and rated (the 30-minute
    // arrival timer keeps it running).
    const commander = await started.as('bajiao-commander');
    await commander.post('/api/instances', { definitionKey: 'street-whistle', businessKey: CASE_KEY, variables: { issue: '八角北路占道经营反复', location: '八角北路 12 号' } }).expect(201);
    await commander.post('/api/instances', { definitionKey: 'street-whistle', businessKey: 'OTHER-E2E-2', variables: { issue: '另一件事' } }).expect(201);
    await completeTask(commander, CASE_ID, 'Task_Register', { level: '一级', departments: ['城管执法', '市场监管'] });
    await completeTask(await started.as('bajiao-staff'), CASE_ID, 'Task_ReportChengguan', { arrivedAt: '09:30' });
    await completeTask(await started.as('bajiao-liaison'), CASE_ID, 'Task_ReportShichang', { arrivedAt: '09:40' });
    await completeTask(commander, CASE_ID, 'Task_Handle', { result: '摊位已清理，恢复通行' });
    await completeTask(commander, CASE_ID, 'Task_Rate', { rating: 5 });
  });
  ({ stack, server, browser } = journey);
}, 300_000);

afterAll(() => journey?.stop());

const panel = (page: Page, testId: string) => page.getByTestId(testId).innerText();
/** The token badges on the diagram, as element ids. */
const tokenBadges = (page: Page) => page.locator('.sparrow-token').evaluateAll((badges) => badges.map((b) => (b as HTMLElement).dataset.elementId).sort());

describe('an auditor', () => {
  it('should find a case, step through it on the diagram, verify chain and replay in one click and download its export', async () => {
    // given: the positions of the steps as the timeline has them
    const auditorApi = await stack.as('auditor');
    const { timeline } = (await auditorApi.get(`/api/instances/${enc(CASE_ID)}/history`).expect(200)).body as { timeline: Array<{ elementId: string | null }> };
    const positionOf = (elementId: string) => timeline.findIndex((s) => s.elementId === elementId) + 1;
    const total = timeline.length;
    const chainRows = (await auditorApi.get(`/api/instances/${enc(CASE_ID)}/audit`).expect(200)).body.rows.length as number;

    // when: the auditor signs in and searches by the beginning of the business key
    const { page, pageErrors } = await openPage(browser, server.baseURL);
    await page.goto('/');
    await signIn(page, 'auditor', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '案件审计' }).click();
    await page.getByRole('heading', { name: '案件审计' }).waitFor();
    await page.getByLabel('案件编号').fill('AUDIT-E2E');
    await button(page, '查询').click();

    // then: only that case is listed
    await page.getByText('共 1 个案件').waitFor();
    const row = page.getByRole('row', { name: new RegExp(CASE_KEY) });
    await row.waitFor();
    expect(await row.innerText()).toContain('街道吹哨、部门报到');
    expect(await row.innerText()).toContain('八角街道');
    expect(await page.getByText('OTHER-E2E-2').count()).toBe(0);
    await screenshot(page, '20-audit-search');

    // when: they open it
    await button(row, '审计').click();

    // then: the first step is the case itself, with its start variables and no token yet
    await page.getByRole('heading', { name: `审计：案件 ${CASE_KEY}` }).waitFor();
    await page.getByTestId('step-details').waitFor({ timeout: 60_000 });
    expect(await panel(page, 'step-position')).toBe(`第 1 / ${total} 步`);
    expect(await panel(page, 'step-element')).toBe('案件本身（发起与结束）');
    expect(await panel(page, 'step-actor')).toBe('八角街道指挥中心主任');
    expect(await panel(page, 'step-variables')).toContain('八角北路 12 号');
    expect(await tokenBadges(page)).toEqual([]);
    const startTime = await panel(page, 'step-time');
    await screenshot(page, '21-audit-case-opened');

    // when: they drag the slider (by keyboard on its handle) to 登记吹哨事项
    const slider = page.getByRole('slider', { name: '选择步骤' });
    await slider.focus();
    for (let i = 1; i < positionOf('Task_Register'); i += 1) await page.keyboard.press('ArrowRight');

    // then: the panel shows that step — who completed it, when, and the variables it set — and the token is on it
    await page.getByTestId('step-position').filter({ hasText: `第 ${positionOf('Task_Register')} / ${total} 步` }).waitFor();
    expect(await panel(page, 'step-element')).toBe('登记吹哨事项');
    expect(await panel(page, 'step-actor')).toBe('八角街道指挥中心主任');
    expect(await panel(page, 'step-time')).not.toBe(startTime);
    const registerVariables = await panel(page, 'step-variables');
    expect(registerVariables).toMatch(/level\s*本步修改\s*一级/);
    expect(registerVariables).not.toContain('arrivedAt');
    expect(await tokenBadges(page)).toEqual(['Task_Register']);
    await page.locator('.djs-element.sparrow-case-current[data-element-id="Task_Register"]').waitFor();
    await page.locator('.djs-element.sparrow-case-done[data-element-id="Start_Whistle"]').waitFor();
    await screenshot(page, '22-audit-step-register');

    // when: they press 下一步 until the arrival timer starts
    for (let p = positionOf('Task_Register'); p < positionOf('Timer_Arrival'); p += 1) await page.getByRole('button', { name: /下一步/ }).click();

    // then: three tokens stand at once — both departments' report tasks and the timer — after the notification job (system)
    await page.getByTestId('step-position').filter({ hasText: `第 ${positionOf('Timer_Arrival')} / ${total} 步` }).waitFor();
    expect(await panel(page, 'step-element')).toBe('到场时限 30 分钟');
    expect(await panel(page, 'step-actor')).toBe('系统');
    expect(await tokenBadges(page)).toEqual(['Task_ReportChengguan', 'Task_ReportShichang', 'Timer_Arrival']);
    await page.locator('.djs-element.sparrow-case-done[data-element-id="Task_Call"]').waitFor();
    await screenshot(page, '23-audit-step-parallel-tokens');

    // when: 上一步 goes back one, and the → key forward again
    await page.getByRole('button', { name: /上一步/ }).click();
    await page.getByTestId('step-position').filter({ hasText: `第 ${positionOf('Timer_Arrival') - 1} / ${total} 步` }).waitFor();
    expect(await tokenBadges(page)).toEqual(['Task_ReportChengguan', 'Task_ReportShichang']);
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('step-position').filter({ hasText: `第 ${positionOf('Timer_Arrival')} / ${total} 步` }).waitFor();

    // when: they pick the chain row of the 城管执法报到 completion
    await page.getByRole('row', { name: /任务完成.*城管执法报到/ }).click();

    // then: the step of that task is shown, by its actor, with the variable its output mapping set
    await page.getByTestId('step-element').filter({ hasText: '城管执法报到' }).waitFor();
    expect(await panel(page, 'step-actor')).toBe('八角街道执法队员');
    expect(await panel(page, 'step-variables')).toMatch(/chengguanArrived\s*本步修改\s*是/);

    // when: they verify chain and replay in one click
    await button(page, '校验链与重放').click();

    // then: both badges are green
    await page.getByTestId('chain-badge').waitFor({ timeout: 90_000 });
    expect(await panel(page, 'chain-badge')).toBe('链校验通过');
    expect(await panel(page, 'replay-badge')).toBe('重放校验通过');
    expect(await page.getByTestId('chain-badge').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('replay-badge').getAttribute('data-ok')).toBe('true');
    await page.getByRole('button', { name: '校验详情' }).click();
    await page.getByText('与 Temporal 历史交叉核对').waitFor();
    const details = await page.locator('.ant-popover').innerText();
    expect(details).toContain(`${chainRows} (1…${chainRows})`);
    expect(details).toMatch(/与 Temporal 历史交叉核对\s*[:：]?\s*一致，逐条比对/);
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.ant-popover') as Element).opacity === '1');
    await screenshot(page, '24-audit-verified');

    // when: they download the export
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '下载导出').click()]);

    // then: the file is named after the case and holds the whole chain
    expect(download.suggestedFilename()).toBe('street-whistle_AUDIT-E2E-1.audit.json');
    const exported = JSON.parse(fs.readFileSync((await download.path()) as string, 'utf8'));
    expect(exported).toMatchObject({ format: 'sparrow.case-export', instanceId: CASE_ID, definition: { key: 'street-whistle' } });
    expect(exported.audit.map((r: { seq: number }) => r.seq)).toEqual(Array.from({ length: chainRows }, (_, i) => i + 1));
    expect(exported.hashes.headHash).toBe(exported.audit[chainRows - 1].hash);
    await page.getByText('已下载 street-whistle_AUDIT-E2E-1.audit.json').waitFor();
    await screenshot(page, '25-audit-exported');

    // and: the view offers nothing that writes
    const buttons = (await page.locator('main, .ant-layout-content').first().getByRole('button').allInnerTexts()).map((b) => b.replace(/\s+/g, ''));
    for (const label of buttons) expect(['审计报告', '下载导出', '返回案件查询', '校验链与重放', '校验详情', '←上一步', '下一步→']).toContain(label);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
