// The modeler in Chromium (playwright-core, Debian's chromium) for issue 13: the approval presets of a user task write
// Zeebe multi-instance XML, the multi-instance toggles, timer and message starts and compensation are offered, the
// called-process picker names deployed processes, and their properties are in Chinese.
import type { Page } from 'playwright-core';
import { useModelerPages } from './modelerPages';

/** A fresh page on the harness in a locale, once the blank diagram is open. */
const open = useModelerPages();

/** The diagram's XML now. */
const xmlOf = (page: Page) => page.evaluate(async () => (await window.sparrowModeler.saveXML({ format: true })).xml ?? '');

/** The diagram's XML once it holds `text` (a typed field writes after the panel's debounce), or as it is after 5 s. */
async function xmlHolding(page: Page, text: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const xml = await xmlOf(page);
    if (xml.includes(text)) return xml;
    await page.waitForTimeout(100);
  }
  return xmlOf(page);
}

/** Selects `id` and opens every group of its properties panel once, so its entries render. */
async function selectOpen(page: Page, id: string): Promise<void> {
  await page.evaluate((elementId) => window.sparrowDraw.select(elementId), id);
  await page.locator('.bio-properties-panel-header').waitFor();
  const headers = page.locator('.bio-properties-panel-group-header');
  for (let i = 0; i < (await headers.count()); i++) {
    if (!((await headers.nth(i).getAttribute('class')) ?? '').includes('open')) await headers.nth(i).click();
  }
}

/**
 * Words of Latin letters the properties panel shows as text (labels, headers, options): not field values (the FEEL
 * editors' texts taken out), nor the `(id=…)` by which the compensation picker tells activities apart, nor product names.
 */
async function panelEnglish(page: Page, id: string): Promise<string[]> {
  await selectOpen(page, id);
  const text = await page.evaluate(() => {
    const values = [...document.querySelectorAll<HTMLElement>('.bio-properties-panel .cm-content')].map((editor) => editor.innerText).filter((value) => value.trim() !== '');
    return values.reduce((rest, value) => rest.split(value).join(' '), (document.querySelector('.bio-properties-panel') as HTMLElement).innerText);
  });
  return (text.replace(/\(id=[^)]*\)/g, ' ').match(/[A-Za-z][A-Za-z-]+/g) ?? []).filter((word) => !['FEEL', 'ISO', 'UTC', 'ID', 'Camunda'].includes(word));
}

/** The replace menu of element `id`: entry ids, and the header toggles. */
async function replaceMenu(page: Page, id: string): Promise<{ entries: string[]; headers: string[] }> {
  await page.evaluate((elementId) => window.sparrowDraw.select(elementId), id);
  await page.locator('.djs-context-pad .entry[data-action="replace"]').click();
  await page.locator('.djs-popup').waitFor();
  const found = await page.evaluate(() => ({
    entries: [...document.querySelectorAll('.djs-popup-results [data-id]')].map((e) => e.getAttribute('data-id') ?? ''),
    headers: [...document.querySelectorAll('.djs-popup-header [data-id]')].map((e) => e.getAttribute('data-id') ?? ''),
  }));
  await page.keyboard.press('Escape');
  return found;
}

/** The approval preset picker of the selected user task. */
const presetPicker = (page: Page) => page.locator('select[name="approvalPreset"]');

describe('the approval presets of a user task', () => {
  it('should write 会签 as parallel multi-instance over the signers typed, with the task assigned to each signer', async () => {
    // given: start → user task
    const { page, pageErrors } = await open();
    const task = await page.evaluate(() => window.sparrowDraw.append('StartEvent_1', 'bpmn:UserTask', '会签'));
    await selectOpen(page, task);

    // when: 会签 is chosen and who signs is typed in plain Chinese
    await presetPicker(page).selectOption('all');
    await page.locator('input[name="approvalSigners"]').fill('张三，李四、王五');
    const xml = await xmlHolding(page, '王五');

    // then
    expect(xml).toMatch(/<bpmn:multiInstanceLoopCharacteristics>\s*<bpmn:extensionElements>\s*<zeebe:loopCharacteristics inputCollection="=\[&#34;张三&#34;, &#34;李四&#34;, &#34;王五&#34;\]" inputElement="signer" \/>/);
    expect(xml).toContain('<zeebe:assignmentDefinition assignee="=signer" />');
    expect(xml).not.toContain('completionCondition');
    expect(await presetPicker(page).locator('option:checked').innerText()).toBe('会签（全部同意）');
    expect(await panelEnglish(page, task)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('should switch 会签 to 或签, 依次审批 and 按比例, keeping who signs, and show 自定义 for other settings', async () => {
    // given: a 会签 task
    const { page } = await open();
    const task = await page.evaluate(() => window.sparrowDraw.append('StartEvent_1', 'bpmn:UserTask', '审批'));
    await selectOpen(page, task);
    await presetPicker(page).selectOption('all');
    await page.locator('input[name="approvalSigners"]').fill('=reviewers');
    await xmlHolding(page, '=reviewers');

    // when / then: 或签
    await presetPicker(page).selectOption('any');
    expect(await xmlOf(page)).toContain('numberOfCompletedInstances &gt;= 1</bpmn:completionCondition>');
    // 依次审批
    await presetPicker(page).selectOption('sequential');
    const sequential = await xmlOf(page);
    expect(sequential).toContain('<bpmn:multiInstanceLoopCharacteristics isSequential="true">');
    expect(sequential).toContain('inputCollection="=reviewers"');
    expect(sequential).not.toContain('completionCondition');
    // 按比例, then 2 people instead of two thirds
    await presetPicker(page).selectOption('share');
    expect(await xmlOf(page)).toContain('=numberOfCompletedInstances / numberOfInstances &gt;= 2/3</bpmn:completionCondition>');
    await page.locator('input[name="approvalShare"]').fill('2');
    expect(await xmlHolding(page, 'numberOfCompletedInstances &gt;= 2<')).toContain('=numberOfCompletedInstances &gt;= 2</bpmn:completionCondition>');
    // a completion condition edited by hand (the share field left first: it writes its value again when it loses focus): 自定义
    await page.evaluate((id) => window.sparrowDraw.select(id), 'StartEvent_1');
    await page.evaluate((id) => {
      const modeler = window.sparrowModeler;
      const element = (modeler.get('elementRegistry') as { get(id: string): { businessObject: { loopCharacteristics: unknown } } }).get(id);
      const condition = (modeler.get('moddle') as { create(type: string, attrs: object): unknown }).create('bpmn:FormalExpression', { body: '=approved' });
      (modeler.get('modeling') as { updateModdleProperties(e: unknown, m: unknown, p: object): void }).updateModdleProperties(element, element.businessObject.loopCharacteristics, { completionCondition: condition });
    }, task);
    await selectOpen(page, task);
    expect(await presetPicker(page).locator('option:checked').innerText()).toBe('自定义');
  });

  it('should go back to one person without multi-instance', async () => {
    // given
    const { page } = await open();
    const task = await page.evaluate(() => window.sparrowDraw.append('StartEvent_1', 'bpmn:UserTask', '审批'));
    await selectOpen(page, task);
    await presetPicker(page).selectOption('sequential');

    // when
    await presetPicker(page).selectOption('single');

    // then
    const xml = await xmlOf(page);
    expect(xml).not.toContain('multiInstanceLoopCharacteristics');
    expect(xml).not.toContain('assignee="=signer"');
  });
});

describe('what issue 13 lets a modeller draw', () => {
  it('should offer the multi-instance toggles on tasks and subprocesses, not the standard loop', async () => {
    // given
    const { page } = await open();
    const task = await page.evaluate(() => window.sparrowDraw.append('StartEvent_1', 'bpmn:ServiceTask', '调用'));

    // when
    const { headers } = await replaceMenu(page, task);

    // then
    expect(headers).toEqual(expect.arrayContaining(['toggle-parallel-mi', 'toggle-sequential-mi']));
    expect(headers).not.toContain('toggle-loop');
  });

  it('should offer timer and message start events on the process, and the cycle presets on a timer start, in Chinese', async () => {
    // given
    const { page, pageErrors } = await open();
    const { entries } = await replaceMenu(page, 'StartEvent_1');
    expect(entries).toEqual(expect.arrayContaining(['replace-with-timer-start', 'replace-with-message-start']));
    expect(entries).not.toContain('replace-with-signal-start');

    // when: it becomes a timer start and 每月 is chosen
    const start = await page.evaluate(() => {
      const modeler = window.sparrowModeler;
      const registry = modeler.get('elementRegistry') as { get(id: string): unknown };
      return (modeler.get('bpmnReplace') as { replaceElement(element: unknown, target: object): { id: string } }).replaceElement(registry.get('StartEvent_1'), { type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' }).id;
    });
    await selectOpen(page, start);
    await page.locator('select[name="timerStartCycle"]').selectOption('monthly');

    // then
    expect(await xmlOf(page)).toMatch(/<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R\/\d{4}-\d{2}-01T09:00:00\+08:00\/P1M<\/bpmn:timeCycle>/);
    expect(await page.locator('select[name="timerStartCycle"] option:checked').innerText()).toBe('每月（1 日 9:00）');
    expect(await panelEnglish(page, start)).toEqual([]);
    expect(await page.locator('.bio-properties-panel-header-type').innerText()).toBe('定时器开始事件');
    expect(pageErrors).toEqual([]);
  });

  it('should offer the compensation boundary event, its handler and the compensation throw events, in Chinese', async () => {
    // given: a service task with a compensation boundary event
    const { page } = await open();
    const task = await page.evaluate(() => window.sparrowDraw.append('StartEvent_1', 'bpmn:ServiceTask', '扣款'));
    const boundary = await page.evaluate((id) => window.sparrowDraw.attach(id, 'bpmn:CompensateEventDefinition', '退款'), task);
    const throwing = await page.evaluate(() => window.sparrowDraw.append('StartEvent_1', 'bpmn:IntermediateThrowEvent', '撤销', 'bpmn:CompensateEventDefinition'));

    // when
    const pad = await page.evaluate((id) => {
      window.sparrowDraw.select(id);
      return [...document.querySelectorAll('.djs-context-pad .entry')].map((e) => e.getAttribute('data-action'));
    }, boundary);
    const { entries } = await replaceMenu(page, boundary);
    const findings = (await page.evaluate(() => window.sparrowDraw.lint())).filter((finding) => finding.rule === 'sparrow/supported-element');

    // then
    expect(pad).toContain('append.compensation-activity');
    expect(entries).toContain('replace-with-message-boundary');
    expect(findings.filter((finding) => [boundary, throwing].includes(finding.id))).toEqual([]);
    expect(await panelEnglish(page, throwing)).toEqual([]);
    expect(await page.locator('.bio-properties-panel-header-type').innerText()).toBe('补偿中间抛出事件');
  });

  it('should pick a call activity\'s process from the library by name, and name its properties in Chinese', async () => {
    // given: a call activity and two deployed processes
    const { page, pageErrors } = await open();
    const call = await page.evaluate(() => {
      window.sparrowModeler.get<{ setProcesses(list: object[]): void }>('sparrowProcesses').setProcesses([
        { key: 'site-visit', name: '现场核查' },
        { key: 'approval', name: '审批' },
      ]);
      return window.sparrowDraw.append('StartEvent_1', 'bpmn:CallActivity', '逐个现场核查');
    });
    await selectOpen(page, call);

    // when
    await page.locator('select[name="calledProcessPicker"]').selectOption('site-visit');

    // then
    expect(await xmlOf(page)).toMatch(/<zeebe:calledElement processId="site-visit"/);
    expect(await page.locator('select[name="calledProcessPicker"] option:checked').innerText()).toBe('现场核查');
    expect(await panelEnglish(page, call)).toEqual([]);
    expect(await page.locator('.bio-properties-panel-header-type').innerText()).toBe('调用活动');
    expect(pageErrors).toEqual([]);
  });

  it('should keep the presets in English in English', async () => {
    // given
    const { page } = await open('en');
    const task = await page.evaluate(() => window.sparrowDraw.append('StartEvent_1', 'bpmn:UserTask', 'Review'));
    await selectOpen(page, task);

    // then
    expect(await presetPicker(page).locator('option').allInnerTexts()).toEqual(['One person handles it', 'All must sign (countersign)', 'Any one signs', 'Sign in order', 'A share must sign']);
  });
});
