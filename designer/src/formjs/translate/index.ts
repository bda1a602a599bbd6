// The form-js editor in the UI language: form-js 1.x has no translate service (bpmn-io/form-js#77), so field types are
// renamed through its `formFields` registry and the rest of its chrome is translated in the page.
import type { Locale } from '../../i18n/locales';
import { fieldNamesModule } from './fieldNames';
import { ZH_CN_FORM_EDITOR, ZH_CN_FORM_EDITOR_PATTERNS } from './zhCN';
import type { TextTranslator } from './domTranslator';

export { translateEditorChrome } from './domTranslator';

/** Translates one text of the form editor into `locale`; undefined when it stays as it is (English, or unknown). */
export function formEditorTranslator(locale: Locale): TextTranslator {
  if (locale === 'en') return () => undefined;
  return (text) => {
    const known = ZH_CN_FORM_EDITOR[text];
    if (known !== undefined) return known;
    for (const [pattern, template] of ZH_CN_FORM_EDITOR_PATTERNS) {
      const match = pattern.exec(text);
      if (match) return template.replace('{0}', ZH_CN_FORM_EDITOR[match[1]] ?? match[1]);
    }
    return undefined;
  };
}

/** The form-js modules that translate the editor into `locale` (none for English, form-js's own language). */
export function formEditorTranslationModules(locale: Locale) {
  return locale === 'en' ? [] : [fieldNamesModule(formEditorTranslator(locale))];
}
