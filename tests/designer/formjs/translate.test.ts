/** @jest-environment jsdom */
// The form-js editor in zh-CN: the dictionary covers form-js's own texts, the translator answers by language, the
// field types are renamed without touching form-js's shared configs, and the page translation spares authored content.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { fieldNamesModule } from '../../../designer/src/formjs/translate/fieldNames';
import { formEditorTranslationModules, formEditorTranslator, translateEditorChrome } from '../../../designer/src/formjs/translate';
import { ZH_CN_FORM_EDITOR } from '../../../designer/src/formjs/translate/zhCN';

/** The ES build of a form-js package (its exports map hides the file itself). */
const source = (pkg: string) => readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), 'dist/index.es.js'), 'utf8');
const matches = (text: string, pattern: RegExp) => [...new Set([...text.matchAll(pattern)].map((match) => match[1]))];
const editorSource = source('@bpmn-io/form-js-editor');
const viewerSource = source('@bpmn-io/form-js-viewer');
const missing = (texts: string[]) => texts.filter((text) => !(text in ZH_CN_FORM_EDITOR));

describe('form editor zh-CN dictionary', () => {
  it('should translate the palette: its groups and every field type with its default label', () => {
    // given form-js's palette groups, field type names and the labels new fields get
    const groups = matches(/const PALETTE_GROUPS = \[[\s\S]*?\];/.exec(editorSource)?.[0] ?? '', /label: '([^']+)'/g);
    const names = matches(viewerSource, /\.config = \{[^}]*?\b(?:name|label): '([^']+)'/g);
    const defaults = matches(viewerSource, /create: \([^)]*\) => \(\{\s+label: '([^']+)'/g);

    // then
    expect(groups).toEqual(['Input', 'Selection', 'Presentation', 'Containers', 'Action']);
    expect(names.length).toBeGreaterThan(20);
    expect(missing([...groups, ...names, ...defaults])).toEqual([]);
  });

  it('should translate every group and entry label of the properties panel (column defaults are the author\'s to name)', () => {
    // given
    const labels = matches(editorSource, /\blabel: '([^']+)'/g).filter((label) => !/^Column \d$/.test(label));
    const computed = matches(editorSource, /\breturn '([A-Z][^']+ label|Title)'/g);

    // then
    expect(labels.length).toBeGreaterThan(80);
    expect(computed).toEqual(expect.arrayContaining(['Field label', 'Group label', 'Table label', 'Title']));
    expect(missing([...labels, ...computed])).toEqual([]);
  });
});

describe('formEditorTranslator', () => {
  it('should translate known texts and texts with a variable part into zh-CN', () => {
    const translate = formEditorTranslator('zh-CN');
    expect(translate('Text field')).toBe('文本框');
    expect(translate('Validation')).toBe('校验');
    expect(translate('Create a Text field element')).toBe('创建文本框');
    expect(translate('Create an 图片展示 element')).toBe('创建图片展示');
    expect(translate('List contains 3 items')).toBe('共 3 项');
    expect(translate('Something form-js may add later')).toBeUndefined();
  });

  it('should leave everything English when the language switch says English', () => {
    expect(formEditorTranslator('en')('Text field')).toBeUndefined();
    expect(formEditorTranslationModules('en')).toEqual([]);
    expect(formEditorTranslationModules('zh-CN')).toHaveLength(1);
  });
});

describe('fieldNamesModule', () => {
  it('should rename field types and translate new fields\' default labels, leaving form-js\'s own configs alone', () => {
    // given a registry shaped like form-js's formFields, with a renderer whose config is shared by every form
    const Textfield = Object.assign((props: { value: string }) => `rendered ${props.value}`, {
      config: { type: 'textfield', name: 'Text field', group: 'basic-input', create: (options: Record<string, unknown> = {}) => ({ label: 'Text field', ...options }) },
    });
    const registry = { _formFields: { textfield: Textfield } as Record<string, typeof Textfield>, register: (type: string, renderer: typeof Textfield) => (registry._formFields[type] = renderer) };
    const module = fieldNamesModule(formEditorTranslator('zh-CN'));

    // when form-js instantiates the module with its registry
    const [, Type] = module.translatedFieldNames;
    new Type(registry as never);

    // then the registered renderer renders the same, is named in Chinese and creates Chinese-labelled fields
    const renamed = registry._formFields.textfield;
    expect(renamed).not.toBe(Textfield);
    expect(renamed({ value: 'x' })).toBe('rendered x');
    expect(renamed.config).toMatchObject({ type: 'textfield', name: '文本框', group: 'basic-input' });
    expect(renamed.config.create()).toEqual({ label: '文本框' });
    expect(renamed.config.create({ label: '巡查地点', key: 'place' })).toEqual({ label: '巡查地点', key: 'place' });
    expect(Textfield.config.name).toBe('Text field');
    expect(Textfield.config.create()).toEqual({ label: 'Text field' });
  });
});

describe('translateEditorChrome', () => {
  it('should translate the palette and the properties panel, now and after re-renders, but not the author\'s content', async () => {
    // given the editor's DOM: palette, properties panel with the selected field's own label, and the form canvas
    document.body.innerHTML = `
      <div id="editor">
        <div class="fjs-palette"><div class="fjs-palette-header" title="Components">Components</div><input class="fjs-palette-search" placeholder="Search components"><span class="fjs-palette-group-title">Input</span></div>
        <div class="fjs-properties-container"><span class="bio-properties-panel-header-label">Required</span><span class="bio-properties-panel-group-header-title">General</span><label>Field label</label></div>
        <form class="fjs-form"><label>Required</label></form>
      </div>`;
    const root = document.getElementById('editor') as HTMLElement;

    // when the chrome is translated, then re-rendered in English by preact
    const stop = translateEditorChrome(root, formEditorTranslator('zh-CN'));
    const group = root.querySelector('.bio-properties-panel-group-header-title') as HTMLElement;
    group.firstChild!.textContent = 'Validation';
    root.querySelector('.fjs-palette')!.insertAdjacentHTML('beforeend', '<span class="fjs-palette-group-title">Selection</span>');
    await Promise.resolve();

    // then chrome texts and attributes are Chinese; what the author typed (header label, form canvas) is not touched
    expect(root.querySelector('.fjs-palette-header')).toHaveTextContent('组件');
    expect(root.querySelector('.fjs-palette-header')).toHaveAttribute('title', '组件');
    expect(root.querySelector('.fjs-palette-search')).toHaveAttribute('placeholder', '搜索组件');
    expect([...root.querySelectorAll('.fjs-palette-group-title')].map((e) => e.textContent)).toEqual(['输入', '选择']);
    expect(group).toHaveTextContent('校验');
    expect(root.querySelector('.fjs-properties-container label')).toHaveTextContent('字段标签');
    expect(root.querySelector('.bio-properties-panel-header-label')).toHaveTextContent('Required');
    expect(root.querySelector('.fjs-form label')).toHaveTextContent('Required');

    // and after stopping, nothing more is translated
    stop();
    group.firstChild!.textContent = 'Layout';
    await Promise.resolve();
    expect(group).toHaveTextContent('Layout');
  });
});
