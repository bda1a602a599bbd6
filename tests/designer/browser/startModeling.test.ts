// The modeler in Chromium (playwright-core, Debian's chromium) for issue 17: a designer binds a saved form to the start
// event as to a user task (the 表单 group's picker), and says who may start the process in its 发起权限 group; both
// saved as Zeebe and `sparrow:` XML, in Chinese.
import type { Page } from 'playwright-core';
import { useModelerPages } from './modelerPages';

/** A fresh page on the harness in a locale, once the blank diagram is open. */
const open = useModelerPages();

/** The diagram's XML now. */
const xmlOf = (page: Page) => page.evaluate(async () => (await window.sparrowModeler.saveXML({ format: true })).xml ?? '');

/** The diagram's XML once it matches `pattern` (a typed field writes after the panel's debounce), or as it is after 5 s. */
async function xmlMatching(page: Page, pattern: RegExp): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const xml = await xmlOf(page);
    if (pattern.test(xml)) return xml;
    await page.waitForTimeout(100);
  }
  return xmlOf(page);
}

/** Selects `id` (null: nothing, so the panel shows the process) and waits for its properties panel. */
async function select(page: Page, id: string | null): Promise<void> {
  await page.evaluate((elementId) => (elementId ? window.sparrowDraw.select(elementId) : window.sparrowModeler.get<{ select(e: null): void }>('selection').select(null)), id);
  await page.locator('.bio-properties-panel-header').waitFor();
}

/** Opens the panel group `groupId` unless it is open. */
async function openGroup(page: Page, groupId: string): Promise<void> {
  const header = page.locator(`[data-group-id="group-${groupId}"] .bio-properties-panel-group-header`);
  if (!((await header.getAttribute('class')) ?? '').includes('open')) await header.click();
}

describe('starting a process in the modeler', () => {
  it('should bind a saved form to the start event with the form picker, as for a user task', async () => {
    // given: the saved forms offered to the picker
    const { page, pageErrors } = await open();
    await page.evaluate(() => window.sparrowModeler.get<{ setForms(forms: Array<{ id: string; name: string | null }>): void }>('sparrowForms').setForms([{ id: 'report-start', name: '上报信息' }]));

    // when: the start event's form is linked and the saved form picked
    await select(page, 'StartEvent_1');
    await openGroup(page, 'form');
    await page.locator('select[name="formType"]').selectOption('camunda-form-linked');
    await page.locator('select[name="formId"]').selectOption('report-start');

    // then: the start event names the form, as the compiler reads it
    expect(await xmlMatching(page, /formId="report-start"/)).toMatch(/<bpmn:startEvent id="StartEvent_1"[^>]*>\s*<bpmn:extensionElements>\s*<zeebe:formDefinition formId="report-start" \/>/);
    expect(await page.locator('select[name="formId"] option:checked').innerText()).toBe('上报信息 (report-start)');
    expect(pageErrors).toEqual([]);
  });

  it('should write who may start the process from its 发起权限 group, and remove it when emptied', async () => {
    // given
    const { page, pageErrors } = await open();

    // when: the process's 发起权限 is filled in
    await select(page, null);
    await openGroup(page, 'sparrowStarters');
    const field = page.locator('[data-group-id="group-sparrowStarters"] input');
    await field.fill('enforcement-staff，street-commander');

    // then
    expect(await xmlMatching(page, /sparrow:starters/)).toMatch(/<bpmn:extensionElements>\s*<sparrow:starters names="enforcement-staff, street-commander" \/>/);
    expect(await page.locator('[data-group-id="group-sparrowStarters"] .bio-properties-panel-group-header-title').innerText()).toBe('发起权限');

    // when: it is emptied
    await field.fill('');

    // then
    for (let attempt = 0; attempt < 50 && (await xmlOf(page)).includes('sparrow:starters'); attempt++) await page.waitForTimeout(100);
    expect(await xmlOf(page)).not.toContain('sparrow:starters');
    expect(pageErrors).toEqual([]);
  });
});
