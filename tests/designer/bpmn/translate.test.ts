// The modeler's zh-CN dictionary covers every palette, context pad and replace-menu text of bpmn-js, every lint message
// and every text of Sparrow's own properties-panel entries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PRESET_LABELS } from '../../../designer/src/bpmn/approval/presets';
import { ACTION_LABELS, UNIT_LABELS } from '../../../designer/src/bpmn/legalTime/clockSettings';
import { SPARROW_LINT_MESSAGES } from '../../../designer/src/bpmn/lint/messages';
import { bpmnTranslator } from '../../../designer/src/bpmn/translate';
import { CYCLE_LABELS } from '../../../designer/src/bpmn/timerStart/cyclePresets';
import { ZH_CN_BPMN } from '../../../designer/src/bpmn/translate/zhCN';

const source = (file: string) => readFileSync(require.resolve(file), 'utf8');
const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]);

describe('bpmn-js zh-CN dictionary', () => {
  it('should translate every text of the palette and the context pad', () => {
    // given
    const texts = ['bpmn-js/lib/features/palette/PaletteProvider.js', 'bpmn-js/lib/features/context-pad/ContextPadProvider.js'].flatMap((file) =>
      matches(source(file), /translate\(\s*'([^']+)'/g),
    );

    // then
    expect(texts.length).toBeGreaterThan(30);
    expect(texts.filter((text) => !(text in ZH_CN_BPMN))).toEqual([]);
  });

  it('should translate every element type of the replace menu', () => {
    // given
    const labels = ['bpmn-js/lib/features/popup-menu/PopupEntries.js', 'bpmn-js/lib/features/replace/ReplaceOptions.js'].flatMap((file) => matches(source(file), /label: [a-zA-Z(]*'([^']+)'/g));
    const popupTexts = ['bpmn-js/lib/features/popup-menu/ReplaceMenuProvider.js'].flatMap((file) => matches(source(file), /translate\(\s*'([^']+)'/g));

    // then
    expect(labels.length).toBeGreaterThan(60);
    expect([...labels, ...popupTexts].filter((text) => !(text in ZH_CN_BPMN))).toEqual([]);
  });

  it('should translate every Sparrow lint message and the fixed messages of the recommended rules', () => {
    // given
    const recommended = ['label-required', 'no-disconnected', 'no-implicit-split', 'no-gateway-join-fork', 'conditional-flows', 'fake-join', 'end-event-required', 'start-event-required', 'event-based-gateway', 'event-sub-process-typed-start-event', 'link-event'].flatMap(
      (rule) => matches(source(`bpmnlint/rules/${rule}.js`), /report\([^,]+,\s*'([^']+)'/g),
    );

    // then
    expect(recommended.length).toBeGreaterThan(5);
    expect([...Object.values(SPARROW_LINT_MESSAGES), ...recommended].filter((text) => !(text in ZH_CN_BPMN))).toEqual([]);
  });

  it("should translate every text of Sparrow's own panel entries: approval presets, called-process picker, timer start cycles", () => {
    // given: the translate('…') calls and the label tables of designer/src/bpmn/{approval,calledProcess,timerStart}
    const files = ['approval/ApprovalEntries.ts', 'approval/ApprovalProvider.ts', 'calledProcess/CalledProcessSelect.ts', 'calledProcess/CalledProcessProvider.ts', 'calledProcess/calledProcessOptions.ts', 'timerStart/CycleSelect.ts'];
    const sources = files.map((file) => readFileSync(path.join(__dirname, '../../../designer/src/bpmn', file), 'utf8'));
    const texts = [...sources.flatMap((text) => matches(text, /translate\(\s*'([^']+)'/g)), ...Object.values(PRESET_LABELS), ...Object.values(CYCLE_LABELS)];

    // then
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((text) => !(text in ZH_CN_BPMN))).toEqual([]);
  });

  it("should translate every text of the legal-time entries: 法定时限, 计时控制, deadline presets", () => {
    // given: the translate('…') calls and the label tables of designer/src/bpmn/legalTime
    const files = ['ClockEntries.ts', 'ClockControlEntries.ts', 'DeadlineEntries.ts', 'LegalTimeProvider.ts'];
    const sources = files.map((file) => readFileSync(path.join(__dirname, '../../../designer/src/bpmn/legalTime', file), 'utf8'));
    const texts = [...sources.flatMap((text) => matches(text, /translate\(\s*'([^']+)'/g)), ...Object.values(UNIT_LABELS), ...Object.values(ACTION_LABELS)];

    // then
    expect(texts.length).toBeGreaterThan(25);
    expect(texts.filter((text) => !(text in ZH_CN_BPMN))).toEqual([]);
  });

  it('should NOT have a blank translation', () => {
    // then
    expect(Object.entries(ZH_CN_BPMN).filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});

describe('bpmnTranslator', () => {
  it('should translate and fill placeholders in zh-CN', () => {
    // given
    const translate = bpmnTranslator('zh-CN');

    // then
    expect(translate('Create task')).toBe('创建任务');
    expect(translate('Unknown {thing}', { thing: 'x' })).toBe('Unknown x');
  });

  it('should translate the link-event messages that embed a link name', () => {
    // given
    const translate = bpmnTranslator('zh-CN');

    // then
    expect(translate('Link catch event with link name <next> missing in scope')).toBe('作用域内缺少链接名称为 <next> 的链接捕获事件');
    expect(translate('Duplicate link catch event with link name <next> in scope')).toBe('作用域内链接名称为 <next> 的链接捕获事件重复');
    expect(bpmnTranslator('en')('Link throw event with link name <next> missing in scope')).toBe('Link throw event with link name <next> missing in scope');
  });

  it('should leave English texts as they are in English', () => {
    // then
    expect(bpmnTranslator('en')('Create task')).toBe('Create task');
  });
});
