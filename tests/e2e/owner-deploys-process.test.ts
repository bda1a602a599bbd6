// Journey 1 in a real browser against the real stack: a process owner signs in, sees the process library and deploys
// a process whose user task has a candidate group and a form, by importing a .bpmn file into a draft (lint, change note)
// and deploying it from the modeler, and by drawing it in the modeler.
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/seed';
import type { ApiStack } from '../support/api';
import { button, openedDialog, openPage, screenshot, signIn } from './support/browser';
import { type JourneyStack, startJourneyStack } from './support/journeyStack';
import { savePatrolReportForm, STALL_PATROL_BPMN } from './support/stallPatrol';

let stack: ApiStack;
let browser: Browser;
let server: JourneyStack['server'];
let journey: JourneyStack;

beforeAll(async () => {
  journey = await startJourneyStack();
  ({ stack, server, browser } = journey);
}, 300_000);

afterAll(() => journey?.stop());

describe('a process owner', () => {
  it('should sign in, see the process library and deploy a process with a user task, a candidate group and a form by importing it into a draft', async () => {
    // given: the form the user task names, saved by the owner (what the form editor's save does)
    await savePatrolReportForm(await stack.as('owner'));
    const { page, pageErrors } = await openPage(browser, server.baseURL);

    // when: the owner opens the app and signs in
    await page.goto('/');
    await page.getByLabel('用户名').waitFor();
    await screenshot(page, '01-login');
    await signIn(page, 'owner', DEMO_PASSWORD);

    // then: the header names them, their role and district-wide scope; the library is their home page
    const header = await page.getByRole('group', { name: '当前用户' }).innerText();
    expect(header).toContain('区级流程管理员');
    expect(header).toContain('流程管理员');
    expect(header).toContain('全区');
    await page.getByRole('heading', { name: '流程库' }).waitFor();

    // when: they import the .bpmn file with a change note
    await page.locator('input[type=file]').setInputFiles(STALL_PATROL_BPMN);
    const dialog = await openedDialog(page, '导入 BPMN 文件');
    await dialog.getByText('导入不会部署', { exact: false }).waitFor();
    await dialog.getByRole('region', { name: '检查结果' }).waitFor();
    await dialog.getByLabel('变更说明').fill('从区里的占道经营巡查模板导入');
    await screenshot(page, '02-import-dialog');
    await button(dialog, '保存为草稿并打开').click();

    // then: the modeler opens on the draft and nothing is deployed yet
    await page.waitForURL('**/processes/stall-patrol');
    await page.getByRole('region', { name: '检查结果' }).getByText('0 个错误').waitFor();
    expect((await (await stack.as('owner')).get('/api/definitions/stall-patrol')).status).toBe(404);

    // when: they deploy it, the import's note filled in
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => /^部\s*署$/.test(b.textContent ?? '') && !b.disabled));
    await button(page, '部署').click();
    const deploy = await openedDialog(page);
    expect(await deploy.getByLabel('变更说明').inputValue()).toBe('从区里的占道经营巡查模板导入');
    await button(deploy, '部署').click();

    // then: it is deployed as version 1 and listed
    await page.getByText('第 1 版', { exact: true }).waitFor();
    await page.goto('/processes');
    const row = page.getByRole('row', { name: /占道经营巡查/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('stall-patrol');
    await screenshot(page, '02-process-library');

    // and: the version pins the task's form, so the task list will show it
    const version = await (await stack.as('owner')).get('/api/definitions/stall-patrol').expect(200);
    expect(version.body).toMatchObject({ version: 1, note: '从区里的占道经营巡查模板导入', forms: [{ formId: 'patrol-report', version: 1 }] });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

describe('a process owner in the modeler', () => {
  it('should create a process, add a user task with a candidate group and a form, see and fix the lint errors, and deploy it', async () => {
    // given: the form the user task will name
    await savePatrolReportForm(await stack.as('owner'));
    const { page, pageErrors } = await openPage(browser, server.baseURL);
    await page.goto('/processes');
    await signIn(page, 'owner', DEMO_PASSWORD);

    // when: they create a blank process and draw start → task → end, turning the task into a user task
    await page.getByRole('button', { name: '新建流程' }).click();
    await button(await openedDialog(page), '创建').first().click();
    const start = page.locator('.djs-element[data-element-id="StartEvent_1"]');
    await start.click();
    await contextPad(page, 'append.append-task').click();
    await contextPad(page, 'replace').click();
    await page.locator('.djs-popup [data-id="replace-with-user-task"]').click();
    const userTask = page.locator('.djs-shape[data-element-id^="Activity_"]');
    await userTask.waitFor();
    await contextPad(page, 'append.end-event').click();

    // then: the lint panel lists the errors (a user task nobody is assigned, unnamed elements) and deploy is blocked
    const lint = page.getByRole('region', { name: '检查结果' });
    await lint.getByText('用户任务没有指定处理人、候选组或候选人').waitFor();
    expect(await lint.innerText()).toContain('元素缺少名称');
    expect(await page.locator('.bjsl-overlay').count()).toBeGreaterThan(0);
    expect(await button(page, '部署').isDisabled()).toBe(true);
    await screenshot(page, '13-modeler-lint-errors');

    // when: they name the elements and give the user task its candidate group and form in the properties panel
    await page.locator('.djs-container').click({ position: { x: 700, y: 40 } });
    await openGroup(page, 'group-general');
    await panelField(page, 'name').fill('占道经营巡查（建模）');
    await start.click();
    await panelField(page, 'name').fill('收到占道经营上报');
    await userTask.click();
    await panelField(page, 'name').fill('现场核查');
    await openGroup(page, 'group-assignmentDefinition');
    await page.locator('[data-entry-id="sparrowPick-candidateGroups"] select').selectOption({ label: '执法队' });
    await openGroup(page, 'group-form');
    await panelField(page, 'formType').selectOption('camunda-form-linked');
    await panelField(page, 'formId').selectOption('patrol-report');
    await page.locator('.djs-shape[data-element-id^="Event_"]').click();
    await panelField(page, 'name').fill('办结');

    // then: no error is left and deploy is allowed
    await lint.getByText('0 个错误').waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => /^部\s*署$/.test(b.textContent ?? '') && !b.disabled));
    await screenshot(page, '14-modeler-fixed', { docImage: 'modeler' });

    // when: they deploy with a change note
    await button(page, '部署').click();
    const deployDialog = await openedDialog(page);
    await deployDialog.getByLabel('变更说明').fill('首个版本：现场核查由执法队认领，填写巡查核查表');
    await button(deployDialog, '部署').click();

    // then: the toolbar shows version 1, deployed with the user task's candidate group and its form pinned
    await page.getByText('第 1 版', { exact: true }).waitFor();
    await screenshot(page, '15-modeler-deployed');
    const key = await page.getByText(/^Process_\w+$/).innerText();
    const version = await (await stack.as('owner')).get(`/api/definitions/${key}`).expect(200);
    expect(version.body).toMatchObject({ version: 1, name: '占道经营巡查（建模）', note: '首个版本：现场核查由执法队认领，填写巡查核查表', forms: [{ formId: 'patrol-report', version: 1 }] });
    expect(version.body.xml).toContain('candidateGroups="enforcement"');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

describe('a process owner in the form editor', () => {
  it('should build a form with the editor in Chinese, and in English after switching the language', async () => {
    // given: the task's form, opened in the form editor
    await savePatrolReportForm(await stack.as('owner'));
    const { page, pageErrors } = await openPage(browser, server.baseURL);
    await page.goto('/forms/patrol-report');
    await signIn(page, 'owner', DEMO_PASSWORD);
    const editor = page.getByTestId('form-editor');

    // then: the palette speaks Chinese: its title, search, groups and field types
    await editor.locator('.fjs-palette-header', { hasText: '组件' }).waitFor();
    expect(await editor.locator('.fjs-palette-search').getAttribute('placeholder')).toBe('搜索组件');
    expect(await editor.locator('.fjs-palette-group-title').allInnerTexts()).toEqual(expect.arrayContaining(['输入', '选择', '展示', '容器', '操作']));
    await editor.locator('.fjs-palette-field-text', { hasText: /^文本框$/ }).waitFor();

    // when: a text field is added from the palette (Enter on its entry) and selected
    await editor.locator('.fjs-palette-field[data-field-type="textfield"]').press('Enter');
    await editor.locator('.fjs-form-field-textfield').last().click();

    // then: the new field is labelled in Chinese, and so is the properties panel
    const panel = editor.locator('.fjs-properties-container');
    await panel.locator('.bio-properties-panel-group-header-title', { hasText: '常规' }).click();
    await panel.getByText('字段标签', { exact: true }).waitFor();
    await panel.getByText('键', { exact: true }).waitFor();
    expect(await panel.locator('.bio-properties-panel-header-type').innerText()).toMatch(/文本框/);
    await screenshot(page, '16-form-editor');

    // when: they save it
    await page.getByRole('button', { name: '保存新版本' }).click();
    await page.getByText(/^已保存表单 patrol-report 第 \d+ 版$/).waitFor();

    // then: the added field carries the Chinese default label
    const saved = await (await stack.as('owner')).get('/api/forms/patrol-report').expect(200);
    const labels = (saved.body.schema.components as Array<{ type: string; label?: string }>).filter((c) => c.type === 'textfield').map((c) => c.label);
    expect(labels.at(-1)).toBe('文本框');

    // when: the language is switched to English
    await page.getByText('English', { exact: true }).click();

    // then: the editor is rebuilt in English around the same form
    await editor.locator('.fjs-palette-header', { hasText: 'Components' }).waitFor();
    await editor.locator('.fjs-palette-field-text', { hasText: /^Text field$/ }).waitFor();
    expect(await editor.locator('.fjs-form-field-textfield').count()).toBe(labels.length);
    await screenshot(page, '17-form-editor-english');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

/** An entry of the context pad of the selected element (`append.end-event`, `replace`, …). */
function contextPad(page: Page, action: string): Locator {
  return page.locator(`.djs-context-pad .entry[data-action="${action}"]`);
}

/** Opens a properties-panel group (`group-general`, …) unless it is open. */
async function openGroup(page: Page, groupId: string): Promise<void> {
  const header = page.locator(`[data-group-id="${groupId}"] .bio-properties-panel-group-header`);
  const entries = page.locator(`[data-group-id="${groupId}"] .bio-properties-panel-group-entries.open`);
  // The panel re-renders when a debounced field change lands, which can swallow a click: retry until it is open.
  for (let attempt = 0; attempt < 3 && !(await entries.isVisible()); attempt += 1) {
    await header.click();
    await entries.waitFor({ timeout: 2000 }).catch(() => undefined);
  }
  await entries.waitFor({ timeout: 1000 });
}

/** A properties-panel field by its entry id (`name`, `assignmentDefinitionCandidateGroups`, `formId`, …). */
function panelField(page: Page, entryId: string): Locator {
  return page.locator(`#bio-properties-panel-${entryId}`);
}
