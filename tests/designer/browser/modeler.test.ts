// The real modeler in Chromium (playwright-core, Debian's chromium): the palette, the context pad and the replace menu
// offer the events issue 12 added and hide what the engine refuses; a timer boundary event drawn on a user task
// passes the lint; the assignment pickers and the process's 服务大厅 group (issue 17); zh-CN names everywhere, English in English.
import type { Page } from 'playwright-core';
import { useModelerPages } from './modelerPages';

/** A fresh page on the harness in a locale, once the blank diagram is open. */
const open = useModelerPages();

/** The replace menu of element `id`: entry id → label, and the header toggles. */
async function replaceMenu(page: Page, id: string): Promise<{ entries: Record<string, string>; headers: string[] }> {
  await page.evaluate((elementId) => window.sparrowDraw.select(elementId), id);
  await page.locator('.djs-context-pad .entry[data-action="replace"]').click();
  await page.locator('.djs-popup').waitFor();
  const found = await page.evaluate(() => ({
    entries: Object.fromEntries([...document.querySelectorAll('.djs-popup-results [data-id]')].map((e) => [e.getAttribute('data-id') ?? '', (e.textContent ?? '').trim()])),
    headers: [...document.querySelectorAll('.djs-popup-header [data-id]')].map((e) => e.getAttribute('data-id') ?? ''),
  }));
  await page.keyboard.press('Escape');
  return found;
}

/** The data-action of every entry the context pad of `id` offers. */
async function contextPadOf(page: Page, id: string): Promise<string[]> {
  await page.evaluate((elementId) => window.sparrowDraw.select(elementId), id);
  await page.locator('.djs-context-pad').waitFor();
  return page.locator('.djs-context-pad .entry').evaluateAll((entries) => entries.map((e) => e.getAttribute('data-action') ?? ''));
}

/** Words of Latin letters the properties panel shows as text (labels, headers, options), not in field values. */
async function panelEnglish(page: Page, id: string): Promise<string[]> {
  await page.evaluate((elementId) => window.sparrowDraw.select(elementId), id);
  await page.locator('.bio-properties-panel-header').waitFor();
  // open every group once so its entries render (a list group without items stays closed)
  const headers = page.locator('.bio-properties-panel-group-header');
  for (let i = 0; i < (await headers.count()); i++) {
    if (!((await headers.nth(i).getAttribute('class')) ?? '').includes('open')) await headers.nth(i).click();
  }
  const text = await page.locator('.bio-properties-panel').innerText();
  return (text.match(/[A-Za-z][A-Za-z-]+/g) ?? []).filter((word) => !['FEEL', 'ISO', 'UTC', 'ID'].includes(word));
}

describe('the modeler palette and context pad', () => {
  it('should offer the flow elements the engine runs, in Chinese, and hide pools, data objects and data stores', async () => {
    // given
    const { page, pageErrors } = await open();

    // when
    const palette = await page.locator('.djs-palette .entry').evaluateAll((entries) => entries.map((e) => [e.getAttribute('data-action'), e.getAttribute('aria-label')]));
    const actions = palette.map(([action]) => action);

    // then
    expect(actions).toEqual(expect.arrayContaining(['create.start-event', 'create.intermediate-event', 'create.end-event', 'create.exclusive-gateway', 'create.task', 'create.subprocess-expanded']));
    expect(actions).not.toEqual(expect.arrayContaining(['create.data-object']));
    expect(actions).not.toContain('create.data-store');
    expect(actions).not.toContain('create.participant-expanded');
    expect(Object.fromEntries(palette)).toMatchObject({ 'create.intermediate-event': '创建中间/边界事件', 'create.subprocess-expanded': '创建展开的子流程' });
    expect(pageErrors).toEqual([]);
  });

  it('should let an event-based gateway append only timer, message and signal catch events', async () => {
    // given: a gateway turned into an event-based gateway through its replace menu
    const { page } = await open();
    const gateway = await page.evaluate(() => window.sparrowDraw.append('StartEvent_1', 'bpmn:EventBasedGateway', '等待回复'));

    // when
    const pad = await contextPadOf(page, gateway);

    // then
    expect(pad).toEqual(expect.arrayContaining(['append.message-intermediate-event', 'append.timer-intermediate-event', 'append.signal-intermediate-event']));
    expect(pad).not.toContain('append.condition-intermediate-event');
    expect(pad).not.toContain('append.receive-task');
  });
});

describe('the replace menu', () => {
  it('should offer every boundary event the engine runs on a user task, error only interrupting, compensation (issue 13), with Chinese names', async () => {
    // given: a user task with a timer boundary event
    const { page } = await open();
    const boundary = await page.evaluate(() => {
      const task = window.sparrowDraw.append('StartEvent_1', 'bpmn:UserTask', '审核');
      return window.sparrowDraw.attach(task, 'bpmn:TimerEventDefinition', '超时');
    });

    // when
    const { entries, headers } = await replaceMenu(page, boundary);

    // then
    expect(entries).toEqual({
      'replace-with-message-boundary': '消息边界事件',
      'replace-with-escalation-boundary': '升级边界事件',
      'replace-with-error-boundary': '错误边界事件',
      'replace-with-signal-boundary': '信号边界事件',
      'replace-with-compensation-boundary': '补偿边界事件',
      'replace-with-non-interrupting-message-boundary': '消息边界事件（非中断）',
      'replace-with-non-interrupting-timer-boundary': '定时器边界事件（非中断）',
      'replace-with-non-interrupting-escalation-boundary': '升级边界事件（非中断）',
      'replace-with-non-interrupting-signal-boundary': '信号边界事件（非中断）',
    });
    expect(headers).toEqual(['toggle-non-interrupting']);
  });

  it('should offer the event subprocess, and for its start event the five triggers, interrupting and not', async () => {
    // given: an expanded subprocess after the start event
    const { page } = await open();
    const sub = await page.evaluate(() => window.sparrowDraw.append('StartEvent_1', 'bpmn:SubProcess', '处理'));

    // when
    const { entries: subEntries, headers: subHeaders } = await replaceMenu(page, sub);

    // then: event subprocess yes; transaction, ad-hoc and the standard loop no; multi-instance yes (issue 13)
    expect(subEntries['replace-with-event-subprocess']).toBe('事件子流程');
    expect(Object.keys(subEntries)).not.toEqual(expect.arrayContaining(['replace-with-transaction']));
    expect(Object.keys(subEntries).filter((id) => /transaction|ad-hoc/.test(id))).toEqual([]);
    expect(subHeaders).toEqual(['toggle-parallel-mi', 'toggle-sequential-mi']);

    // when: it becomes an event subprocess holding a start event
    const start = await page.evaluate((id) => {
      const modeler = window.sparrowModeler;
      const registry = modeler.get('elementRegistry') as { get(id: string): unknown };
      const replaced = (modeler.get('bpmnReplace') as { replaceElement(element: unknown, target: object): { id: string } }).replaceElement(registry.get(id), { type: 'bpmn:SubProcess', triggeredByEvent: true, isExpanded: true });
      const host = registry.get(replaced.id) as { x: number; y: number };
      const modeling = modeler.get('modeling') as { createShape(shape: unknown, at: object, parent: unknown): { id: string } };
      const factory = modeler.get('elementFactory') as { createShape(attrs: object): unknown };
      return modeling.createShape(factory.createShape({ type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' }), { x: host.x + 60, y: host.y + 80 }, registry.get(replaced.id)).id;
    }, sub);
    const { entries } = await replaceMenu(page, start);

    // then
    expect(Object.keys(entries).sort()).toEqual(
      [
        'replace-with-message-start',
        'replace-with-signal-start',
        'replace-with-error-start',
        'replace-with-escalation-start',
        'replace-with-non-interrupting-message-start',
        'replace-with-non-interrupting-timer-start',
        'replace-with-non-interrupting-signal-start',
        'replace-with-non-interrupting-escalation-start',
        // bpmn-js also offers the same trigger as an intermediate catch event, which the engine runs
        'replace-with-timer-intermediate-catch',
      ].sort(),
    );
    expect(entries['replace-with-non-interrupting-escalation-start']).toBe('升级开始事件（非中断）');
  });

  it('should offer the event-based gateway and the new throw, catch and end events, and not complex gateways, conditional or cancel events', async () => {
    // given
    const { page } = await open();
    const ids = await page.evaluate(() => ({
      gateway: window.sparrowDraw.append('StartEvent_1', 'bpmn:ExclusiveGateway', '分流'),
      end: window.sparrowDraw.append('StartEvent_1', 'bpmn:EndEvent', '结束'),
      throwing: window.sparrowDraw.append('StartEvent_1', 'bpmn:IntermediateThrowEvent', '通知'),
      catching: window.sparrowDraw.append('StartEvent_1', 'bpmn:IntermediateCatchEvent', '等待', 'bpmn:TimerEventDefinition'),
    }));

    // when
    const gateway = (await replaceMenu(page, ids.gateway)).entries;
    const end = (await replaceMenu(page, ids.end)).entries;
    const throwing = (await replaceMenu(page, ids.throwing)).entries;
    const catching = (await replaceMenu(page, ids.catching)).entries;
    const start = (await replaceMenu(page, 'StartEvent_1')).entries;

    // then
    expect(gateway).toEqual({ 'replace-with-parallel-gateway': '并行网关', 'replace-with-inclusive-gateway': '包容网关', 'replace-with-event-based-gateway': '事件网关' });
    expect(end).toMatchObject({ 'replace-with-error-end': '错误结束事件', 'replace-with-escalation-end': '升级结束事件', 'replace-with-signal-end': '信号结束事件', 'replace-with-terminate-end': '终止结束事件' });
    expect(throwing).toMatchObject({ 'replace-with-escalation-intermediate-throw': '升级中间抛出事件', 'replace-with-signal-intermediate-throw': '信号中间抛出事件', 'replace-with-link-intermediate-throw': '链接中间抛出事件' });
    expect(catching).toMatchObject({ 'replace-with-signal-intermediate-catch': '信号中间捕获事件', 'replace-with-link-intermediate-catch': '链接中间捕获事件' });
    const all = [...Object.keys(end), ...Object.keys(throwing), ...Object.keys(catching), ...Object.keys(start)];
    expect(all.filter((id) => /conditional|cancel|complex/.test(id))).toEqual([]);
    // a process's start event may be a timer or message start (issue 13), not a signal start
    expect(Object.keys(start).filter((id) => id.endsWith('-start')).sort()).toEqual(['replace-with-message-start', 'replace-with-timer-start']);
  });
});

describe('a timer boundary event on a user task', () => {
  it('should pass the lint once named and connected, and show its properties in Chinese', async () => {
    // given: start → user task (candidate group) → end, a 2-day timer on the task leading to a second end
    const { page, pageErrors } = await open();
    const boundary = await page.evaluate(() => {
      const draw = window.sparrowDraw;
      const task = draw.append('StartEvent_1', 'bpmn:UserTask', '审核');
      draw.assignTo(task, 'reviewers');
      draw.append(task, 'bpmn:EndEvent', '审核完成');
      const timer = draw.attach(task, 'bpmn:TimerEventDefinition', '两天未审');
      draw.timerDuration(timer, 'P2D');
      draw.append(timer, 'bpmn:EndEvent', '超时结束');
      return timer;
    });

    // when
    const findings = await page.evaluate(() => window.sparrowDraw.lint());

    // then
    expect(findings.filter((finding) => finding.category === 'error')).toEqual([]);
    expect(await panelEnglish(page, boundary)).toEqual([]);
    expect(await page.locator('.bio-properties-panel-header-type').innerText()).toBe('定时器边界事件');
    expect(pageErrors).toEqual([]);
  });

  it('should be reported by the lint when it has no trigger or an error boundary is non-interrupting', async () => {
    // given
    const { page } = await open();
    const ids = await page.evaluate(() => {
      const draw = window.sparrowDraw;
      const task = draw.append('StartEvent_1', 'bpmn:ServiceTask', '调用');
      return { none: draw.attach(task, undefined as unknown as string, '空'), error: draw.attach(task, 'bpmn:ErrorEventDefinition', '失败', false) };
    });

    // when
    const findings = (await page.evaluate(() => window.sparrowDraw.lint())).filter((finding) => finding.rule === 'sparrow/supported-element');

    // then
    expect(findings.map(({ id, message }) => ({ id, message }))).toEqual(
      expect.arrayContaining([
        { id: ids.none, message: '此处的事件需要触发方式（定时器、消息、错误、升级或信号）' },
        { id: ids.error, message: '错误事件总是中断的，不能设为非中断' },
      ]),
    );
  });
});

describe('the properties panel of the new events', () => {
  it.each([
    ['bpmn:EndEvent', 'bpmn:ErrorEventDefinition', '错误结束事件'],
    ['bpmn:EndEvent', 'bpmn:EscalationEventDefinition', '升级结束事件'],
    ['bpmn:EndEvent', 'bpmn:SignalEventDefinition', '信号结束事件'],
    ['bpmn:IntermediateThrowEvent', 'bpmn:LinkEventDefinition', '链接中间抛出事件'],
    ['bpmn:IntermediateCatchEvent', 'bpmn:SignalEventDefinition', '信号中间捕获事件'],
    ['bpmn:EventBasedGateway', undefined, '事件网关'],
  ])('should name %s with %s and its properties in Chinese', async (type, definition, header) => {
    // given
    const { page } = await open();
    const id = await page.evaluate(([t, d]) => window.sparrowDraw.append('StartEvent_1', t as string, '某事', d), [type, definition]);
    // and: an error, escalation or signal it refers to, so the panel shows its name and code too
    if (definition && /Error|Escalation|Signal/.test(definition)) await page.evaluate((eventId) => window.sparrowDraw.reference(eventId, '某个'), id);

    // then
    expect(await panelEnglish(page, id)).toEqual([]);
    expect(await page.locator('.bio-properties-panel-header-type').innerText()).toBe(header);
  });

  it('should keep the English names in English', async () => {
    // given
    const { page } = await open('en');
    const boundary = await page.evaluate(() => window.sparrowDraw.attach(window.sparrowDraw.append('StartEvent_1', 'bpmn:UserTask', 'Review'), 'bpmn:TimerEventDefinition', 'Late'));

    // when
    const { entries } = await replaceMenu(page, boundary);

    // then
    expect(entries['replace-with-error-boundary']).toBe('Error boundary event');
    expect(await page.locator('.djs-palette .entry[data-action="create.intermediate-event"]').getAttribute('aria-label')).toBe('Create intermediate/boundary event');
  });
});

describe('the assignment pickers of a user task (issue 17)', () => {
  /** The harness's directory given the demo groups and two people, as the workspace fills it from the API. */
  async function withDirectory(page: Page): Promise<string> {
    return page.evaluate(() => {
      const directory = window.sparrowModeler.get('sparrowDirectory') as {
        setGroups(groups: object[]): void;
        setPeopleSource(source: object): void;
      };
      const people = [
        { username: 'bajiao-staff', displayName: '八角街道执法队员' },
        { username: 'lugu-staff', displayName: '鲁谷街道执法队员' },
      ];
      directory.setGroups([
        { id: 'enforcement', label: '执法队', kind: 'group' },
        { id: 'enforcement-staff', label: '执法队员', kind: 'role' },
        { id: 'chengguan', label: '城管执法队', kind: 'orgUnit' },
      ]);
      directory.setPeopleSource({
        search: async (text: string) => people.filter((person) => person.displayName.includes(text) || person.username.includes(text)),
        names: async (usernames: string[]) => people.filter((person) => usernames.includes(person.username)),
      });
      const task = window.sparrowDraw.append('StartEvent_1', 'bpmn:UserTask', '现场核查');
      window.sparrowDraw.select(task);
      return task;
    });
  }

  const assignmentXml = (page: Page) => page.evaluate(async () => ((await window.sparrowModeler.saveXML()).xml ?? '').match(/<zeebe:assignmentDefinition[^>]*>/)?.[0] ?? '');

  it('should pick candidate groups by name and people found by display name, writing the same attributes', async () => {
    // given a user task and the organisation
    const { page, pageErrors } = await open();
    await withDirectory(page);
    const groups = page.locator('[data-entry-id="sparrowPick-candidateGroups"]');
    if (!(await groups.isVisible())) await page.locator('[data-group-id="group-assignmentDefinition"] .bio-properties-panel-group-header').click();

    // when two groups are picked by their names and one is removed again
    await groups.locator('select').selectOption({ label: '执法队' });
    await groups.locator('select').selectOption({ label: '城管执法队' });
    expect(await groups.locator('.sparrow-picked-item > span').allInnerTexts()).toEqual(['执法队', '城管执法队']);
    expect(await assignmentXml(page)).toContain('candidateGroups="enforcement, chengguan"');
    await groups.getByRole('button', { name: '移除 执法队' }).click();

    // and a candidate user and the assignee are found by typing part of a display name
    const users = page.locator('[data-entry-id="sparrowPick-candidateUsers"]');
    await users.locator('input').fill('鲁谷');
    await users.getByRole('button', { name: '鲁谷街道执法队员' }).click();
    const assignee = page.locator('[data-entry-id="sparrowPick-assignee"]');
    await assignee.locator('input').fill('八角');
    await assignee.getByRole('button', { name: '八角街道执法队员' }).click();

    // then the XML holds ids while the panel shows names
    const xml = await assignmentXml(page);
    expect(xml).toContain('candidateGroups="chengguan"');
    expect(xml).toContain('candidateUsers="lugu-staff"');
    expect(xml).toContain('assignee="bajiao-staff"');
    expect(await users.locator('.sparrow-picked-item > span').allInnerTexts()).toEqual(['鲁谷街道执法队员']);
    expect(await assignee.locator('.sparrow-picked-item > span').allInnerTexts()).toEqual(['八角街道执法队员']);
    const pickerTexts = await page.locator('[data-entry-id^="sparrowPick-"]').allInnerTexts();
    expect(pickerTexts.join(' ').match(/[A-Za-z]+/g)).toBeNull();
    expect(pageErrors).toEqual([]);
  });

  it('should leave an expression to the FEEL field until a group is picked', async () => {
    // given a task whose candidate groups come from an expression
    const { page } = await open();
    const task = await withDirectory(page);
    await page.evaluate((id) => window.sparrowDraw.assignTo(id, '=groups'), task);
    await page.evaluate((id) => window.sparrowDraw.select(id), task);
    const groups = page.locator('[data-entry-id="sparrowPick-candidateGroups"]');
    if (!(await groups.isVisible())) await page.locator('[data-group-id="group-assignmentDefinition"] .bio-properties-panel-group-header').click();

    // then the picker says so; picking replaces it
    await expect(groups.innerText()).resolves.toContain('由下方表达式决定');
    await groups.locator('select').selectOption({ label: '执法队员' });
    expect(await assignmentXml(page)).toContain('candidateGroups="enforcement-staff"');
  });
});

describe("the process's 服务大厅 group (issue 17)", () => {
  /** The process's extension elements once `pattern` shows in the XML (the text field writes after a debounce). */
  async function extensionsMatching(page: Page, pattern: RegExp): Promise<string> {
    const extensions = () => page.evaluate(async () => ((await window.sparrowModeler.saveXML()).xml ?? '').match(/<bpmn:extensionElements>[\s\S]*?<\/bpmn:extensionElements>/)?.[0] ?? '');
    for (let attempt = 0; attempt < 50 && !pattern.test(await extensions()); attempt++) await page.waitForTimeout(100);
    return extensions();
  }

  it('should pick an icon shown with its name and picture, and a starter variable checked as a variable name', async () => {
    // given the process in the panel, its 服务大厅 group open
    const { page, pageErrors } = await open();
    await page.evaluate(() => window.sparrowModeler.get<{ select(e: null): void }>('selection').select(null));
    const group = page.locator('[data-group-id="group-sparrowServiceDesk"]');
    expect(await group.locator('.bio-properties-panel-group-header-title').innerText()).toBe('服务大厅');
    if (!(await group.locator('select').isVisible())) await group.locator('.bio-properties-panel-group-header').click();

    // when 维修 is picked and a variable name typed
    const icon = group.locator('select');
    expect(await icon.locator('option').allInnerTexts()).toContain('修  维修');
    await icon.selectOption({ value: 'repair' });
    await group.locator('input').fill('orderedBy');

    // then the XML holds both and the chosen badge is drawn
    const extensions = await extensionsMatching(page, /sparrow:initiator/);
    expect(extensions).toContain('<sparrow:icon name="repair" />');
    expect(extensions).toContain('<sparrow:initiator variable="orderedBy" />');
    expect(await group.locator('[data-icon="repair"]').innerText()).toBe('修');

    // when a name that is no variable name is typed, then the field says why in Chinese
    await group.locator('input').fill('下单 人');
    expect(await group.locator('.bio-properties-panel-error').innerText()).toContain('请输入变量名');
    expect(pageErrors).toEqual([]);
  });
});
