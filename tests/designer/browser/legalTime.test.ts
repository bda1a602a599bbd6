// The modeler in Chromium (playwright-core, Debian's chromium) for issue 14: a statutory clock declared on the process
// through the 法定时限 group, a task's 计时控制 starting it, the deadline presets of a due date and a boundary timer,
// all saved as `sparrow:` and Zeebe XML, in Chinese.
import { readFileSync } from 'node:fs';
import path from 'node:path';
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

/** Clicks the add button of list group `groupId`. */
const addItem = (page: Page, groupId: string) => page.locator(`[data-group-id="group-${groupId}"] .bio-properties-panel-add-entry`).click();

/** Words of Latin letters the open properties panel shows, field values and product words aside. */
async function panelEnglish(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const values = [...document.querySelectorAll<HTMLElement>('.bio-properties-panel .cm-content')].map((editor) => editor.innerText).filter((value) => value.trim() !== '');
    return values.reduce((rest, value) => rest.split(value).join(' '), (document.querySelector('.bio-properties-panel') as HTMLElement).innerText);
  });
  return (text.match(/[A-Za-z][A-Za-z-]+/g) ?? []).filter((word) => !['FEEL', 'ISO', 'UTC', 'ID', 'Camunda'].includes(word));
}

describe('legal time in the modeler', () => {
  it('should declare 办案期限 on the process, start it when a task completes and end the task and its timer at its deadline', async () => {
    // given: start → 立案审批 (a user task for the enforcement group) with a timer on its edge
    const { page, pageErrors } = await open();
    const task = await page.evaluate(() => {
      const id = window.sparrowDraw.append('StartEvent_1', 'bpmn:UserTask', '立案审批');
      window.sparrowDraw.assignTo(id, 'enforcement');
      return id;
    });
    const timer = await page.evaluate((id) => window.sparrowDraw.attach(id, 'bpmn:TimerEventDefinition', '超期'), task);

    // when: a clock is added on the process and filled in: 90 calendar days, street commanders approve, warn 10 days before
    await select(page, null);
    await openGroup(page, 'sparrowClocks');
    await addItem(page, 'sparrowClocks');
    await page.locator('input[name="harness-sparrowClock-0-name"]').fill('办案期限');
    await page.locator('select[name="harness-sparrowClock-0-unit"]').selectOption('calendarDays');
    await page.locator('input[name="harness-sparrowClock-0-length"]').fill('90');
    await page.locator('input[name="harness-sparrowClock-0-approvers"]').fill('street-commander，legal-review');
    await page.locator('input[name="harness-sparrowClock-0-warnWithin"]').fill('10');
    const declared = await xmlMatching(page, /warnWithin="10"/);

    // then
    expect(declared).toMatch(
      /<bpmn:process id="harness" name="边界事件" isExecutable="true">\s*<bpmn:extensionElements>\s*<sparrow:clocks>\s*<sparrow:clock name="办案期限" duration="P90D" approvers="street-commander, legal-review" warnWithin="10" \/>\s*<\/sparrow:clocks>/,
    );
    expect(await page.locator('select[name="harness-sparrowClock-0-unit"] option:checked').innerText()).toBe('自然日');
    expect(await page.locator('[data-group-id="group-sparrowClocks"] .bio-properties-panel-group-header-title').innerText()).toBe('法定时限');
    expect(await panelEnglish(page)).toEqual([]);

    // when: the task's completion starts the clock, and its due date ends at the clock's deadline
    await select(page, task);
    await openGroup(page, 'sparrowClockControl');
    await addItem(page, 'sparrowClockControl');
    await openGroup(page, 'assignmentDefinition');
    await page.locator('select[name="sparrowDeadlinePreset-dueDate"]').selectOption('clock:办案期限');

    // then
    const controlled = await xmlOf(page);
    expect(controlled).toMatch(/<zeebe:assignmentDefinition candidateGroups="enforcement" \/>\s*<sparrow:clockControl clock="办案期限" action="start" \/>\s*<zeebe:taskSchedule dueDate="=clock\(&#34;办案期限&#34;\).deadline" \/>/);
    expect(await page.locator(`select[name="${task}-sparrowClockControl-0-action"] option:checked`).innerText()).toBe('开始计时');
    expect(await page.locator('select[name="sparrowDeadlinePreset-dueDate"] option:checked').innerText()).toBe('截止于时限「办案期限」');
    expect(await panelEnglish(page)).toEqual([]);

    // when: the due date becomes 7 working days from now instead
    await page.locator('select[name="sparrowDeadlinePreset-dueDate"]').selectOption('workingDays');
    await page.locator('input[name="sparrowWorkingDays-dueDate"]').fill('7');

    // then
    expect(await xmlMatching(page, /now\(\), 7\)/)).toContain('<zeebe:taskSchedule dueDate="=add working days(now(), 7)" />');

    // when: 48 hours, then 10 calendar days instead (issue 17's due-date helper)
    await page.locator('select[name="sparrowDeadlinePreset-dueDate"]').selectOption({ label: 'N 小时后' });
    await page.locator('input[name="sparrowHours-dueDate"]').fill('48');
    expect(await xmlMatching(page, /PT48H/)).toContain('<zeebe:taskSchedule dueDate="=now() + duration(&#34;PT48H&#34;)" />');
    await page.locator('select[name="sparrowDeadlinePreset-dueDate"]').selectOption({ label: 'N 个自然日后' });
    await page.locator('input[name="sparrowCalendarDays-dueDate"]').fill('10');
    expect(await xmlMatching(page, /P10D/)).toContain('<zeebe:taskSchedule dueDate="=now() + duration(&#34;P10D&#34;)" />');
    expect(await panelEnglish(page)).toEqual([]);
    await page.locator('select[name="sparrowDeadlinePreset-dueDate"]').selectOption('workingDays');
    await page.locator('input[name="sparrowWorkingDays-dueDate"]').fill('7');
    await xmlMatching(page, /now\(\), 7\)/);

    // when: the boundary timer fires at the clock's deadline
    await select(page, timer);
    await openGroup(page, 'timer');
    await page.locator('select[name="sparrowDeadlinePreset-timer"]').selectOption('clock:办案期限');

    // then
    expect(await xmlOf(page)).toMatch(/<bpmn:timerEventDefinition id="[^"]+">\s*<bpmn:timeDate xsi:type="bpmn:tFormalExpression">=clock\("办案期限"\).deadline<\/bpmn:timeDate>/);
    expect(await panelEnglish(page)).toEqual([]);

    // and: renaming the clock renames the task's control and the timer's preset; lint finds nothing wrong with the clocks
    await select(page, null);
    await page.locator('[data-group-id="group-sparrowClocks"] .bio-properties-panel-collapsible-entry-header').click();
    await page.locator('input[name="harness-sparrowClock-0-name"]').fill('立案期限');
    const renamed = await xmlMatching(page, /clockControl clock="立案期限"/);
    expect(renamed).toContain('<sparrow:clockControl clock="立案期限" action="start" />');
    expect(renamed).toContain('=clock("立案期限").deadline</bpmn:timeDate>');
    expect((await page.evaluate(() => window.sparrowDraw.lint())).filter((finding) => finding.rule === 'sparrow/clocks')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('should report a clock control naming a clock the process no longer declares', async () => {
    // given: a task starting a declared clock
    const { page } = await open();
    const task = await page.evaluate(() => window.sparrowDraw.append('StartEvent_1', 'bpmn:UserTask', '立案审批'));
    await select(page, null);
    await openGroup(page, 'sparrowClocks');
    await addItem(page, 'sparrowClocks');
    await select(page, task);
    await openGroup(page, 'sparrowClockControl');
    await addItem(page, 'sparrowClockControl');

    // when: the clock is removed from the process
    await select(page, null);
    await page.locator('[data-group-id="group-sparrowClocks"] .bio-properties-panel-collapsible-entry-header').hover();
    await page.locator('[data-group-id="group-sparrowClocks"] .bio-properties-panel-remove-entry').click();

    // then
    expect(await xmlOf(page)).not.toContain('sparrow:clocks');
    const findings = (await page.evaluate(() => window.sparrowDraw.lint())).filter((finding) => finding.rule === 'sparrow/clocks');
    expect(findings).toEqual([{ rule: 'sparrow/clocks', id: task, message: '计时控制引用了流程未声明的时限', category: 'error' }]);
    await select(page, task);
    expect(await page.locator(`select[name="${task}-sparrowClockControl-0-clock"] option:checked`).innerText()).toBe('时限 1（流程未声明）');
  });

  it("should open the district's 无照经营查处 with 办案期限 declared, started by 立案审批 and stopped by 法制审核, and save it unchanged", async () => {
    // given
    const { page, pageErrors } = await open();
    const template = readFileSync(path.join(__dirname, '../../../processes/unlicensed-business.bpmn'), 'utf8');

    // when
    await page.evaluate(async (xml) => {
      await window.sparrowModeler.importXML(xml);
    }, template);
    await select(page, null);
    await openGroup(page, 'sparrowClocks');
    await page.locator('[data-group-id="group-sparrowClocks"] .bio-properties-panel-collapsible-entry-header').click();

    // then: the panel shows the declaration
    expect(await page.locator('input[name="unlicensed-business-sparrowClock-0-name"]').inputValue()).toBe('办案期限');
    expect(await page.locator('input[name="unlicensed-business-sparrowClock-0-length"]').inputValue()).toBe('90');
    expect(await page.locator('input[name="unlicensed-business-sparrowClock-0-warnWithin"]').inputValue()).toBe('10');
    // and: the controls and presets of the tasks
    await select(page, 'Task_File');
    expect(await page.locator('[data-group-id="group-sparrowClockControl"] .bio-properties-panel-collapsible-entry-header-title').allInnerTexts()).toEqual(['开始计时 办案期限']);
    await openGroup(page, 'assignmentDefinition');
    expect(await page.locator('select[name="sparrowDeadlinePreset-dueDate"] option:checked').innerText()).toBe('N 个工作日后');
    expect(await page.locator('input[name="sparrowWorkingDays-dueDate"]').inputValue()).toBe('7');
    await select(page, 'Task_Decide');
    expect(await page.locator('[data-group-id="group-sparrowClockControl"] .bio-properties-panel-collapsible-entry-header-title').allInnerTexts()).toEqual(['停止计时 办案期限']);
    expect(await page.locator('select[name="sparrowDeadlinePreset-dueDate"] option:checked').innerText()).toBe('截止于时限「办案期限」');
    // and: nothing to lint, and the sparrow XML is saved as it was read
    expect(await page.evaluate(() => window.sparrowDraw.lint())).toEqual([]);
    const saved = await xmlOf(page);
    expect(saved).toContain('<sparrow:clock name="办案期限" duration="P90D" approvers="street-commander" warnWithin="10" />');
    expect(saved.match(/<sparrow:clockControl /g)).toHaveLength(3);
    expect(pageErrors).toEqual([]);
  });
});
