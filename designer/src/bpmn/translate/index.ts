// A bpmn-js `translate` module: the modeler's English texts in the UI language, with `{name}` placeholders filled in.
import type { Locale } from '../../i18n/locales';
import { ZH_CN_BPMN, ZH_CN_BPMN_PATTERNS } from './zhCN';

/** bpmn-js's translate signature. */
export type BpmnTranslate = (template: string, replacements?: Record<string, string>) => string;

const DICTIONARIES: Record<Locale, Readonly<Record<string, string>>> = { 'zh-CN': ZH_CN_BPMN, en: {} };
const PATTERNS: Record<Locale, ReadonlyArray<readonly [RegExp, string]>> = { 'zh-CN': ZH_CN_BPMN_PATTERNS, en: [] };

/** Translates with the dictionary of `locale`, then its patterns (texts that embed a name); a text it lacks stays English. */
export function bpmnTranslator(locale: Locale): BpmnTranslate {
  const dictionary = DICTIONARIES[locale];
  const byPattern = (text: string) => {
    const found = PATTERNS[locale].find(([pattern]) => pattern.test(text));
    return found ? text.replace(found[0], found[1]) : text;
  };
  return (template, replacements = {}) =>
    (dictionary[template] ?? byPattern(template)).replace(/{([^}]+)}/g, (placeholder, key: string) => replacements[key] ?? placeholder);
}

/** The diagram-js module that replaces bpmn-js's identity `translate` service. */
export function translateModule(locale: Locale) {
  return { translate: ['value', bpmnTranslator(locale)] };
}
