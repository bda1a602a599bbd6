// The zh-CN completeness check of the browser walk: the text a page shows that is Latin only (a word of two or more
// Latin letters and no Chinese), once the allow-list below is taken out of it.
import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../../../server/seed';

/**
 * What a zh-CN page may show in Latin letters, and why. Everything else that has a word of two or more Latin letters
 * and no Chinese character is an offender — except text inside an element marked `translate="no"` (the HTML attribute
 * for content that is not language: an id shown as an id, such as the version diff's element ids).
 */
export const LATIN_ALLOW_LIST: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /\b(BPMN|FEEL|DMN|ISO|ID|URL|HTTPS?|JSON|PDF|SHA-256|HMAC|Temporal|Sparrow)\b/g, why: 'standards, formats and product names: no Chinese name in use' },
  { pattern: /^English$/g, why: 'the language switch offers English in English' },
  { pattern: /\bhttps?:\/\/\S+/g, why: 'URLs' },
  { pattern: /\b[0-9a-f]{8,}\b/gi, why: 'hashes (chain head, export hash)' },
  { pattern: /\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?\b/g, why: 'ISO dates a form field holds' },
  { pattern: new RegExp(`(?<![\\w-])(${DEMO_USERS.map((u) => u.username).join('|')})(?![\\w-])`, 'g'), why: 'usernames the seed gives' },
  { pattern: /(?<![\w-])(stall-patrol|street-whistle|volunteer-service-order|patrol-report|patrol-start|sw-register|sw-handle|sw-rate|vs-order|vs-service|vs-rating)(?![\w-])/g, why: "the walk's process keys and form ids (ID formats)" },
  { pattern: /(?<![\w-])ZH-WALK-\d+(?![\w-])/g, why: "the walk's business keys" },
  { pattern: /(?<![\w-])sparrow\.\w+(?![\w-])/g, why: 'built-in job types (ID format, shown to operators)' },
  { pattern: /^e2e: start form$/g, why: 'the change note support/stallPatrol.ts deploys with (data, not UI)' },
  { pattern: /(?<![\w-])(chengguanArrived|shichangArrived)(?![\w-])/g, why: "街道吹哨's variables an output mapping sets: no form labels them" },
];

const CHINESE = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

/** Whether `text` is Latin only once the allow-list is removed from it. */
export function isLatinOnly(text: string): boolean {
  if (CHINESE.test(text)) return false;
  const rest = LATIN_ALLOW_LIST.reduce((left, { pattern }) => left.replace(pattern, ' '), text);
  return LATIN_WORD.test(rest);
}

/**
 * The texts page shows: each visible text node (whitespace collapsed) outside `translate="no"`, the placeholders of
 * visible fields and the options of visible native selects (the properties panel's option values).
 */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style, noscript, option, [translate="no"]')) continue;
      if (parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) texts.push(text);
    }
    for (const field of document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')) {
      if (field.checkVisibility() && field.placeholder) texts.push(field.placeholder);
    }
    for (const select of document.querySelectorAll('select')) {
      if (select.checkVisibility()) for (const option of select.options) texts.push(option.text.trim());
    }
    return texts.filter((text) => text !== '');
  });
}

/** The Latin-only texts `page` shows now; a page without any Chinese text (not loaded, blank) is an offender too. */
export async function latinOnlyTexts(page: Page): Promise<string[]> {
  const texts = await visibleTexts(page);
  const latin = [...new Set(texts.filter(isLatinOnly))];
  return texts.some((text) => CHINESE.test(text)) ? latin : ['(no Chinese text on the page)', ...latin];
}
