// A bpmn-js `translate` module: the modeler's English texts in the UI language, with `{name}` placeholders filled in.
import type { Locale } from '../../i18n/locales';
import { ZH_CN_BPMN } from './zhCN';

/** bpmn-js's translate signature. */
export type BpmnTranslate = (template: string, replacements?: Record<string, string>) => string;

const DICTIONARIES: Record<Locale, Readonly<Record<string, string>>> = { 'zh-CN': ZH_CN_BPMN, en: {} };

/** Translates with the dictionary of `locale`; a text it lacks stays English. */
export function bpmnTranslator(locale: Locale): BpmnTranslate {
  const dictionary = DICTIONARIES[locale];
  return (template, replacements = {}) =>
    (dictionary[template] ?? template).replace(/{([^}]+)}/g, (placeholder, key: string) => replacements[key] ?? placeholder);
}

/** The diagram-js module that replaces bpmn-js's identity `translate` service. */
export function translateModule(locale: Locale) {
  return { translate: ['value', bpmnTranslator(locale)] };
}
