// A start form in a real browser against the real stack (issue 17), on an office screen (1366×768) and a phone
// (390×844): enforcement staff read what the process is for, fill its start form (no variable names typed), and then
// complete the case's task with a single click on 完成任务 right after typing into a field that showed an error.
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/seed';
import type { ApiStack } from '../support/api';
import { button, openPage, PHONE_VIEWPORT, screenshot, signIn, VIEWPORT } from './support/browser';
import { type JourneyStack, startJourneyStack } from './support/journeyStack';
import { deployStallPatrolWithStartForm, STALL_PATROL_DESCRIPTION } from './support/stallPatrol';

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

describe('enforcement staff with a start form', () => {
  it.each([
    ['desktop', VIEWPORT],
    ['phone', PHONE_VIEWPORT],
  ])('should start a case by filling the start form and complete its task with one click (%s)', async (name, viewport) => {
    const key = `E2E-SF-${name}`;

    // given: bajiao-staff on the start page of 占道经营巡查
    const { page, pageErrors } = await openPage(browser, server.baseURL, viewport);
    await page.goto('/start?process=stall-patrol');
    await signIn(page, 'bajiao-staff', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '发起案件' }).waitFor();

    // then: the process says what it is for, its start form shows, and nobody is asked for variable names or a street
    await page.getByTestId('process-description').filter({ hasText: STALL_PATROL_DESCRIPTION }).waitFor();
    await page.getByLabel('地点').waitFor();
    expect(await page.getByLabel('第 1 个变量名').count()).toBe(0);
    expect(await page.getByText('所属街道').count()).toBe(0);
    await screenshot(page, `13-start-form-${name}`);

    // when: they start without the required 地点
    await page.getByLabel('案件编号').fill(key);
    await button(page, '发起').click();

    // then: the start form says so in Chinese, and no case is started
    await page.getByText('此项为必填项').first().waitFor();
    expect((await (await stack.as('admin')).get(`/api/instances?businessKey=${key}`).expect(200)).body.total).toBe(0);

    // when: they fill it in and start
    const dueAt = new Date(Date.now() + 5 * 3600_000).toISOString();
    await page.getByLabel('地点').fill('模式口大街 12 号');
    await page.getByLabel('优先级（0–100）').fill('60');
    await page.getByLabel('办结时限（ISO 时间）').fill(dueAt);
    await button(page, '发起').click();

    // then: the case runs with what the form held
    await page.getByRole('heading', { name: `案件 ${key}` }).waitFor();
    const started = await (await stack.as('bajiao-staff')).get(`/api/instances/${encodeURIComponent(`stall-patrol:${key}`)}`).expect(200);
    expect(started.body.state.variables).toMatchObject({ address: '模式口大街 12 号', priority: 60, dueAt });

    // when: they open its task and claim it
    await page.getByRole('list', { name: '待办任务' }).getByRole('button').first().click();
    await page.getByRole('heading', { name: '现场核查' }).waitFor();
    await button(page, '认领').click();
    await page.getByLabel('核查结论').waitFor();

    // and: press 完成任务 with the form empty, which marks the required fields
    await button(page, '完成任务').click();
    await page.getByText('此项为必填项').first().waitFor();
    await page.getByLabel('责令整改').check();

    // when: they type into the field that shows an error and press 完成任务 once, straight away
    await page.getByLabel('核查结论').fill('摊主已撤离');
    await button(page, '完成任务').click();

    // then: that one click completed the task (the button did not move away under the pointer)
    await page.getByTestId('task-completed').waitFor();
    expect(await page.getByTestId('task-completed').innerText()).toContain('任务已完成');
    await screenshot(page, `14-task-one-click-${name}`);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
