// Issue 17, phones: enforcement staff work in the street. On a 390×844 phone (touch, the page's meta viewport honoured)
// and, for comparison, a 1366×768 office screen, bajiao-staff finds their case's task in the list (cards on the phone,
// the table on the desktop), claims it, completes its form and sees it done; no page is wider than the screen and the
// 完成任务 button stays on screen while the form is filled. Screenshots docs/images/phone-task-list.png and
// phone-task.png (refreshed with SPARROW_DOC_SCREENSHOTS=1). On a connection that drops, a page whose code does not
// download says so and comes back with 重新加载.
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/seed';
import { button, fitsWidth, openedDialog, openPage, PHONE, popupsOpened, type Screen, screenshot, signIn, VIEWPORT } from './support/browser';
import { type JourneyStack, startJourneyStack } from './support/journeyStack';
import { deployStallPatrolWithStartForm } from './support/stallPatrol';

let browser: Browser;
let server: JourneyStack['server'];
let journey: JourneyStack;

const SCREENS: Array<[string, Screen]> = [
  ['phone', PHONE],
  ['desktop', { viewport: VIEWPORT }],
];

beforeAll(async () => {
  journey = await startJourneyStack(async (started) => {
    await deployStallPatrolWithStartForm(await started.as('owner'));
    // one case per screen, due in five hours (near), critical
    const staff = await started.as('bajiao-staff');
    const dueAt = new Date(Date.now() + 5 * 3600_000).toISOString();
    for (const [name] of SCREENS) {
      await staff.post('/api/instances', { definitionKey: 'stall-patrol', businessKey: `E2E-PH-${name}`, variables: { address: '八角北路 12 号', priority: 80, dueAt } }).expect(201);
    }
  });
  ({ server, browser } = journey);
}, 300_000);

afterAll(() => journey?.stop());

/** Presses `target`: a tap on a touch screen, a click otherwise. */
const press = (target: Locator, touch: boolean) => (touch ? target.tap() : target.click());

/** Components whose styles the build's first-paint stylesheet holds (designer/vite-plugins/antdFirstPaintCss/extract.mts), by class. */
const FIRST_PAINT_COMPONENTS = ['app', 'layout', 'drawer', 'spin', 'typography', 'btn', 'flex', 'space', 'card', 'descriptions', 'tag', 'alert', 'skeleton', 'empty'];

/** The antd components whose styles the page made itself, by class (`:where(.css-…).ant-btn{…}` and `….ant-tabs-css-var{…}` are `btn`, `tabs`). */
const stylesMadeInPage = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('style')].flatMap((style) => /^:where\(\.css-[\w-]+\)\.ant-([a-z-]+?)(?:-css-var)?\{/.exec(style.textContent ?? '')?.[1] ?? []));

/** Whether `target` lies wholly inside the viewport of `page`. */
async function onScreen(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const { width, height } = page.viewportSize()!;
  return Boolean(box) && box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= width && box!.y + box!.height <= height;
}

describe('enforcement staff in the street', () => {
  it.each(SCREENS)('should find their task, claim it, complete its form and see it done (%s)', async (name, screen) => {
    const key = `E2E-PH-${name}`;
    const phone = name === 'phone';
    const touch = Boolean(screen.hasTouch);

    // given: bajiao-staff signed in on 我组的任务
    const { page, pageErrors } = await openPage(browser, server.baseURL, screen);
    await page.goto('/tasks?tab=group');
    await signIn(page, 'bajiao-staff', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '任务列表' }).waitFor();

    // then: on the phone their case's task is a card (task, case, time left, status, priority), on the desktop a table row
    const entry = phone ? page.getByRole('listitem', { name: `现场核查，案件 ${key}` }) : page.getByRole('row', { name: new RegExp(`案件 ${key}`) });
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toContain('现场核查');
    expect(text).toContain(`案件 ${key}`);
    expect(text).toContain('紧急');
    expect(await entry.locator('[data-due-state]').getAttribute('data-due-state')).toBe('near');
    if (phone) {
      expect(text).toContain('待认领');
      expect(await page.getByRole('table').count()).toBe(0);
    }
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, `15-task-list-${name}`, phone ? { docImage: 'phone-task-list' } : {});

    if (phone) {
      // and: the menu is behind ☰ in the header, with their roles and streets
      const menu = page.getByRole('button', { name: '打开菜单' });
      expect(await page.getByRole('menuitem', { name: '任务列表' }).isVisible()).toBe(false);
      await press(menu, touch);
      await openedDialog(page);
      expect(await page.getByRole('group', { name: '角色、街道与退出登录' }).innerText()).toContain('八角街道');

      // and: 发起案件 fits the phone too, its start form included
      await press(page.getByRole('menuitem', { name: '发起案件' }), touch);
      await page.getByRole('heading', { name: '发起案件' }).waitFor();
      await press(page.getByLabel('流程'), touch);
      const option = page.locator('.ant-select-item-option', { hasText: '占道经营巡查' });
      await option.waitFor();
      await popupsOpened(page);
      await press(option, touch);
      await page.getByLabel('地点').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      const start = button(page, '发起');
      await start.scrollIntoViewIfNeeded();
      expect(await onScreen(page, start)).toBe(true);
      await screenshot(page, '15-start-case-phone');

      // when: they go back to the list through ☰
      await press(menu, touch);
      await press(page.getByRole('menuitem', { name: '任务列表' }), touch);
      await press(page.getByRole('tab', { name: /我组的任务/ }), touch);
      await entry.waitFor();
    }

    // when: they claim it from the list
    await press(button(entry, '认领'), touch);

    // then: its page opens with the form to fill; on the phone the case's progress, below the form, loads once scrolled
    // to, its diagram behind 展开
    await page.getByRole('heading', { name: '现场核查' }).waitFor();
    await page.getByLabel('核查结论').waitFor();
    expect(await page.getByTestId('task-status').innerText()).toBe('办理中');
    const expand = page.getByRole('button', { name: /^展\s*开$/ });
    if (phone) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expand.waitFor();
      expect(await page.getByTestId('case-diagram').count()).toBe(0);
    } else {
      await page.locator('.djs-element.sparrow-case-current[data-element-id="Task_Check"]').waitFor();
      expect(await expand.count()).toBe(0);
    }
    expect(await fitsWidth(page)).toBe(true);

    // and: antd took the styles of the shell and the task page from the build's stylesheet, and made only the others
    // itself (the task list's tabs among them)
    const made = await stylesMadeInPage(page);
    expect(made.filter((component) => FIRST_PAINT_COMPONENTS.includes(component))).toEqual([]);
    expect(made).toContain('tabs');

    // when: they fill the form, the page scrolled down to its last field
    await page.getByLabel('核查结论').fill('摊主已自行撤离，现场恢复通行');
    await page.getByLabel('核查结论').blur();
    await press(page.getByLabel('责令整改'), touch);
    await page.getByLabel('罚款金额（元）').fill('0');
    await page.getByLabel('罚款金额（元）').scrollIntoViewIfNeeded();

    // then: 完成任务 is on screen, and nothing is wider than the screen
    const complete = button(page, '完成任务');
    expect(await onScreen(page, complete)).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await screenshot(page, `16-task-form-${name}`, phone ? { docImage: 'phone-task' } : {});

    // when: they complete it
    await press(complete, touch);

    // then: it is done, the case closed
    await page.getByTestId('task-completed').waitFor();
    expect(await page.getByTestId('task-completed').innerText()).toContain('任务已完成，案件已办结');
    await page.getByTestId('task-status').filter({ hasText: '已完成' }).waitFor();
    expect(await fitsWidth(page)).toBe(true);

    // and: on the phone the diagram opens on request, the case's end marked done
    if (phone) {
      await press(expand, touch);
      await page.locator('.djs-element.sparrow-case-done[data-element-id="End_Closed"]').waitFor();
      expect(await fitsWidth(page)).toBe(true);
    }

    // and: the task has left their list
    await press(button(page, '返回任务列表'), touch);
    await page.getByRole('tab', { name: /我组的任务/ }).click();
    await page.getByText(`案件 E2E-PH-${phone ? 'desktop' : 'phone'}`).or(page.getByText('暂无任务')).first().waitFor();
    expect(await page.getByText(`案件 ${key}`).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});

describe('staff on a connection that drops', () => {
  it('should see that the task list could not load and get it with 重新加载, not a blank app', async () => {
    // given: the task list's code cannot be downloaded
    const { page } = await openPage(browser, server.baseURL, PHONE);
    const taskListCode = /\/assets\/TaskList-[^/]+\.js$/;
    await page.route(taskListCode, (route) => route.abort('internetdisconnected'));

    // when
    await page.goto('/tasks?tab=group');
    await signIn(page, 'bajiao-staff', DEMO_PASSWORD);

    // then: the page says so where it would be, the header and the ☰ menu still there
    await page.getByText('页面加载失败').waitFor();
    expect(await page.getByRole('button', { name: '打开菜单' }).isVisible()).toBe(true);

    // when: the connection is back and they reload
    await page.unroute(taskListCode);
    await page.getByRole('button', { name: /重新加载/ }).tap();

    // then
    await page.getByRole('heading', { name: '任务列表' }).waitFor();
    expect(await page.getByText('页面加载失败').count()).toBe(0);
  }, 120_000);
});
