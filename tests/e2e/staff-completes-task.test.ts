// Journey 2 in a real browser against the real stack: an enforcement officer starts a case, finds its task in
// 我组的任务, claims it, completes its form (checked in the browser and by the server) and sees the case closed.
import mongoose from 'mongoose';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/seed';
import type { ApiStack } from '../support/api';
import { button, openPage, popupsOpened, screenshot, signIn } from './support/browser';
import { type JourneyStack, startJourneyStack } from './support/journeyStack';
import { deployStallPatrolWithStartForm } from './support/stallPatrol';

let stack: ApiStack;
let browser: Browser;
let server: JourneyStack['server'];
let journey: JourneyStack;

beforeAll(async () => {
  journey = await startJourneyStack(async (started) => {
    await deployStallPatrolWithStartForm(await started.as('owner'));
  });
  ({ stack, server, browser } = journey);
}, 300_000);

afterAll(() => journey?.stop());

/** The task list's row of the case with business key `key`. */
const taskRow = (page: Page, key: string) => page.getByRole('row', { name: new RegExp(`案件 ${key}`) });

describe('an enforcement officer', () => {
  it('should start a case, claim its task in 我组的任务, complete the form and see the case closed', async () => {
    // given: bajiao-staff signed in; the app opens on the task list for them
    const { page, pageErrors } = await openPage(browser, server.baseURL);
    await page.goto('/');
    await signIn(page, 'bajiao-staff', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '任务列表' }).waitFor();
    const header = await page.getByRole('group', { name: '当前用户' }).innerText();
    expect(header).toContain('八角街道执法队员');
    expect(header).toContain('执法队员');
    expect(header).toContain('八角街道');

    // when: they start a case due in five hours, with high priority and a proposed fine, through its start form
    await page.getByRole('menuitem', { name: '发起案件' }).click();
    await page.getByRole('heading', { name: '发起案件' }).waitFor();
    await page.getByLabel('流程').click();
    const option = page.locator('.ant-select-item-option', { hasText: '占道经营巡查' });
    await option.waitFor();
    await popupsOpened(page);
    await option.click();
    await page.getByLabel('案件编号').fill('E2E-0001');
    await page.getByLabel('地点').fill('八角北路 12 号');
    await page.getByLabel('优先级（0–100）').fill('80');
    await page.getByLabel('拟罚款金额（元）').fill('200');
    const dueAt = new Date(Date.now() + 5 * 3600_000).toISOString();
    await page.getByLabel('办结时限（ISO 时间）').fill(dueAt);
    await screenshot(page, '03-start-case');
    await button(page, '发起').click();

    // then: the case page shows it running at 现场核查, highlighted on the diagram, with what the start form held
    await page.getByRole('heading', { name: '案件 E2E-0001' }).waitFor();
    const started = await (await stack.as('bajiao-staff')).get(`/api/instances/${encodeURIComponent('stall-patrol:E2E-0001')}`).expect(200);
    expect(started.body.state.variables).toMatchObject({ address: '八角北路 12 号', priority: 80, fine: 200, dueAt });
    await page.locator('.djs-element.sparrow-case-current[data-element-id="Task_Check"]').waitFor();
    expect(await page.getByRole('list', { name: '待办任务' }).innerText()).toContain('现场核查');
    await screenshot(page, '04-case-running');

    // when: they look at their groups' tasks
    await page.getByRole('menuitem', { name: '任务列表' }).click();
    await page.getByRole('tab', { name: /我组的任务/ }).click();

    // then: the task is there, near due (orange) and critical
    const row = taskRow(page, 'E2E-0001');
    await row.waitFor();
    expect(await row.innerText()).toContain('现场核查');
    expect(await row.innerText()).toContain('紧急');
    expect(await row.locator('[data-due-state]').getAttribute('data-due-state')).toBe('near');
    expect(await page.getByRole('tab', { name: /我组的任务/ }).innerText()).toContain('1');

    // when: another case is started elsewhere while the list is open
    const staff = await stack.as('bajiao-staff');
    await staff.post('/api/instances', { definitionKey: 'stall-patrol', businessKey: 'E2E-0002', variables: { address: '八角南路 3 号' } }).expect(201);

    // then: its task appears without a reload
    await taskRow(page, 'E2E-0002').waitFor({ timeout: 20_000 });
    await screenshot(page, '05-task-list-my-groups');

    // when: they claim the first task
    await button(taskRow(page, 'E2E-0001'), '认领').click();

    // then: its page opens with the form, editable and prefilled from the case's variables, the diagram and the timeline
    await page.getByRole('heading', { name: '现场核查' }).waitFor();
    await page.getByLabel('核查结论').waitFor();
    expect(await page.getByLabel('罚款金额（元）').inputValue()).toBe('200');
    expect(await page.getByTestId('task-status').innerText()).toBe('办理中');
    await page.locator('.djs-element.sparrow-case-current[data-element-id="Task_Check"]').waitFor();
    expect(await page.getByRole('region', { name: '办理时间线' }).innerText()).toContain('收到占道经营上报');
    await screenshot(page, '06-task-claimed');

    // when: they complete it without filling the required fields
    await button(page, '完成任务').click();

    // then: the browser refuses, in Chinese, on the fields
    await page.getByText('此项为必填项').first().waitFor();
    await screenshot(page, '07-task-form-invalid');

    // when: they fill the form, but the request reaching the server lacks 处理方式 (as from an outdated page)
    await page.getByLabel('核查结论').fill('摊主已自行撤离，现场恢复通行');
    // Leaving the field clears its error and moves the fields below up: let that happen before clicking one of them.
    await page.getByLabel('核查结论').blur();
    await page.getByLabel('责令整改').check();
    await page.getByLabel('罚款金额（元）').fill('0');
    await page.route('**/api/tasks/*/complete', async (route) => {
      const body = route.request().postDataJSON() as { variables: Record<string, unknown> };
      delete body.variables.action;
      await route.continue({ postData: JSON.stringify(body) });
    });
    await button(page, '完成任务').click();

    // then: the server's 422 is shown on that field
    await page.getByText('服务器校验未通过，请按提示修改').first().waitFor();
    const actionField = page.locator('.fjs-form-field', { hasText: '处理方式' });
    expect(await actionField.innerText()).toContain('此项为必填项');
    await screenshot(page, '08-task-server-invalid');

    // when: they submit again (the page's request intact)
    await page.unroute('**/api/tasks/*/complete');
    await button(page, '完成任务').click();

    // then: the task is completed and the case closed
    await page.getByTestId('task-completed').waitFor();
    expect(await page.getByTestId('task-completed').innerText()).toContain('任务已完成，案件已办结');
    await page.getByTestId('case-status').filter({ hasText: '已办结' }).first().waitFor();
    await screenshot(page, '09-task-completed');

    // when: they open the case
    await page.getByRole('button', { name: '查看案件' }).click();

    // then: it is closed, every step finished, the form's data in the case
    await page.getByRole('heading', { name: '案件 E2E-0001' }).waitFor();
    expect(await page.getByTestId('case-status').first().innerText()).toBe('已办结');
    const timeline = await page.getByRole('region', { name: '办理时间线' }).innerText();
    expect(timeline).toContain('收到占道经营上报');
    expect(timeline).toContain('现场核查');
    expect(timeline).toContain('办结');
    expect(timeline).not.toContain('进行中');
    await page.locator('.djs-element.sparrow-case-done[data-element-id="End_Closed"]').waitFor();
    await screenshot(page, '10-case-completed');
    const closed = await staff.get(`/api/instances/${encodeURIComponent('stall-patrol:E2E-0001')}`);
    expect(closed.body.state).toMatchObject({ status: 'completed', variables: { result: '摊主已自行撤离，现场恢复通行', action: 'rectify', fine: 0 } });

    // and: the task left 我组的任务, the other one stayed
    await page.getByRole('button', { name: '返回任务列表' }).click();
    await page.getByRole('tab', { name: /我组的任务/ }).click();
    await taskRow(page, 'E2E-0002').waitFor();
    expect(await taskRow(page, 'E2E-0001').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('should be asked to sign in again when the session ends, and return to the page they were on', async () => {
    // given: bajiao-staff on 我组的任务
    const { page, pageErrors } = await openPage(browser, server.baseURL);
    await page.goto('/tasks?tab=group');
    await signIn(page, 'bajiao-staff', DEMO_PASSWORD);
    await page.getByRole('tab', { name: /我组的任务/, selected: true }).waitFor();

    // when: their session ends on the server (expired, or signed out elsewhere) and the list polls
    // (the store keeps sessions as JSON text; clearing the browser's cookie instead races with the rolling cookie of a poll in flight)
    await mongoose.connection.collection('sessions').deleteMany({ session: { $regex: '"username":"bajiao-staff"' } });

    // then: the next call's 401 brings the login page, saying why
    await page.getByText('未登录或登录已过期').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('current-user').count()).toBe(0);
    await screenshot(page, '11-session-expired');

    // when: they sign in again
    await signIn(page, 'bajiao-staff', DEMO_PASSWORD);

    // then: they are back on the same page
    await page.getByRole('tab', { name: /我组的任务/, selected: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tasks');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('should read the task list in English after switching the language in the header', async () => {
    // given
    const { page } = await openPage(browser, server.baseURL);
    await page.goto('/tasks');
    await signIn(page, 'bajiao-staff', DEMO_PASSWORD);

    // when
    await page.getByText('English', { exact: true }).click();

    // then
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    await page.getByRole('tab', { name: /My groups/ }).click();
    await page.getByRole('columnheader', { name: 'Time left' }).waitFor();
    expect(await page.getByRole('group', { name: 'Signed-in user' }).innerText()).toContain('Enforcement staff');
    await screenshot(page, '12-task-list-english');
  }, 60_000);
});

describe('every demo role', () => {
  it('should open the task list without a request the server refuses or an error in the console', async () => {
    const users = ['owner', 'auditor', 'admin', 'bajiao-commander', 'bajiao-staff', 'bajiao-liaison', 'bajiao-volunteer', 'bajiao-resident'];
    for (const username of users) {
      // given: the user signs in on the task list; what happens once the sign-in is answered is recorded
      const { page, pageErrors } = await openPage(browser, server.baseURL);
      const refused: string[] = [];
      const consoleErrors: string[] = [];
      let signedIn = false;
      page.on('response', (response) => {
        const { pathname } = new URL(response.url());
        if (pathname === '/api/auth/login') signedIn = response.ok();
        else if (signedIn && pathname.startsWith('/api/') && response.status() >= 400) refused.push(`${response.status()} ${response.request().method()} ${pathname}`);
      });
      page.on('console', (message) => signedIn && message.type() === 'error' && consoleErrors.push(message.text()));
      await page.goto('/tasks');
      await signIn(page, username, DEMO_PASSWORD);

      // when: the list, its tab counts and the header have loaded
      await page.getByRole('heading', { name: '任务列表' }).waitFor();
      await page.getByRole('columnheader', { name: '剩余时间' }).waitFor();
      await page.waitForLoadState('networkidle');

      // then: nothing was refused and nothing went wrong
      expect({ username, refused, consoleErrors, pageErrors }).toEqual({ username, refused: [], consoleErrors: [], pageErrors: [] });
      await page.context().close();
    }
  }, 180_000);
});
