// A suggested business key for a new case, and the server's check of a typed one (pure, so both are unit-tested).
import { type FormMessage, refusedCharacter } from '../Task/formMessages';

/** A business key suggestion: prefix, the local date and a random suffix, e.g. `CASE-20261127-4F2A`. */
export function suggestBusinessKey(now: Date, random: () => number = Math.random, prefix = 'CASE'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const suffix = Math.floor(random() * 0x10000).toString(16).toUpperCase().padStart(4, '0');
  return `${prefix}-${day}-${suffix}`;
}

/** Most characters of a business key (server/http/identifiers.ts BUSINESS_KEY_MAX). */
export const BUSINESS_KEY_MAX = 100;
/** Characters a business key may hold besides letters, digits and combining marks (server: IDENTIFIER_SEPARATORS). */
export const BUSINESS_KEY_SEPARATORS = ['-', '_', '.', '#', '(', ')', '（', '）', '〔', '〕', '【', '】'] as const;

const SEPARATORS = new Set<string>(BUSINESS_KEY_SEPARATORS);
const BASE = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** What is wrong with a business key as the server checks it (after NFC), as a field message; null when it is valid. */
export function businessKeyProblem(input: string): FormMessage | null {
  const text = input.normalize('NFC');
  let position = 0;
  let afterBase = false;
  for (const ch of text) {
    position += 1;
    if (position > BUSINESS_KEY_MAX) return { key: 'formMessage.maxLength', params: { count: String(BUSINESS_KEY_MAX) } };
    const base = BASE.test(ch);
    const mark = MARK.test(ch);
    if (IGNORABLE.test(ch) || !(base || SEPARATORS.has(ch) || (mark && afterBase))) {
      const code = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      return refusedCharacter(code, String(position), BUSINESS_KEY_SEPARATORS.join(' '));
    }
    afterBase = base || mark;
  }
  return position === 0 ? { key: 'formMessage.required' } : null;
}
