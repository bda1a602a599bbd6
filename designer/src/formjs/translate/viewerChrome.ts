// The form-js viewer's own English in the page (it has no translate service): the dropdown's 'Select' placeholder,
// the searchable lists' 'Search', and the date and time fields' format placeholders (yyyy/mm/dd, hh:mm --).
import type { Locale } from '../../i18n/locales';
import type { TextTranslator } from './domTranslator';

const ZH_CN: Readonly<Record<string, string>> = { Select: '请选择', Search: '搜索', 'hh:mm': '时:分', 'hh:mm --': '时:分 上午/下午' };
const DATE_FORMAT = /^(y{2,4}|m{1,2}|d{1,2})([/.\-\s](y{2,4}|m{1,2}|d{1,2}))+$/i;
const DATE_PARTS: Readonly<Record<string, string>> = { y: '年', m: '月', d: '日' };

/** Translates one of the viewer's texts into `locale`; undefined when it stays (English, or not the viewer's own). */
export function formViewerTranslator(locale: Locale): TextTranslator {
  if (locale === 'en') return () => undefined;
  return (text) => ZH_CN[text] ?? (DATE_FORMAT.test(text) ? text.replace(/y+|m+|d+/gi, (part) => DATE_PARTS[part[0].toLowerCase()]) : undefined);
}

/** The viewer's own texts: the empty dropdown's placeholder and the fields' placeholder attributes. */
const PLACEHOLDER_TEXT = '.fjs-select-placeholder';

function translateNode(node: Node, translate: TextTranslator): void {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node as Text;
    const translated = text.parentElement?.closest(PLACEHOLDER_TEXT) ? translate(text.data.trim()) : undefined;
    if (translated !== undefined) text.data = translated;
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const element = node as Element;
  for (const field of [element, ...element.querySelectorAll('[placeholder]')]) {
    const placeholder = field.getAttribute('placeholder');
    const translated = placeholder ? translate(placeholder) : undefined;
    if (translated !== undefined) field.setAttribute('placeholder', translated);
  }
  for (const holder of [element, ...element.querySelectorAll(PLACEHOLDER_TEXT)]) {
    if (holder.matches(PLACEHOLDER_TEXT)) holder.childNodes.forEach((child) => translateNode(child, translate));
  }
}

/**
 * Translates the viewer's own texts under `root` now and whenever preact re-renders them; returns the function that
 * stops. A translated text is not in the dictionary, so the observer's own changes end there.
 */
export function translateViewerChrome(root: HTMLElement, translate: TextTranslator): () => void {
  translateNode(root, translate);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach((node) => translateNode(node, translate));
      else translateNode(record.target, translate);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['placeholder'] });
  return () => observer.disconnect();
}
