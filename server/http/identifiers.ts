// Business keys: typed by people, part of a case's workflow id, so a documented character set, NFC-normalised, bounded.
import { z } from 'zod';

/** Most characters (Unicode code points, after NFC) of a business key. */
export const BUSINESS_KEY_MAX = 100;

/**
 * Characters a business key may contain besides letters, digits and combining marks of any script. Not allowed:
 * spaces (invisible at the ends, ambiguous when doubled), ":" (it separates the definition key from the business
 * key in the workflow id) and "/" (case ids travel in URL paths).
 */
export const BUSINESS_KEY_SEPARATORS = ['-', '_', '.', '#', '(', ')', '（', '）', '〔', '〕', '【', '】'] as const;

const SEPARATORS = new Set<string>(BUSINESS_KEY_SEPARATORS);
const BASE = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
/** Invisible characters (zero-width, bidi controls, variation selectors, Hangul fillers …), letters or not. */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** `U+XXXX` of a character. */
export const codePointName = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `key` (already NFC) is no valid business key, naming the first offending character; null when it is valid. */
export function businessKeyProblem(key: string): string | null {
  let position = 0;
  let afterBase = false;
  for (const ch of key) {
    position += 1;
    if (position > BUSINESS_KEY_MAX) return `must be at most ${BUSINESS_KEY_MAX} characters`;
    const base = BASE.test(ch);
    const mark = MARK.test(ch);
    if (IGNORABLE.test(ch) || !(base || SEPARATORS.has(ch) || (mark && afterBase))) {
      return `character ${codePointName(ch)} at position ${position} is not allowed: use letters, digits and ${BUSINESS_KEY_SEPARATORS.join(' ')}`;
    }
    afterBase = base || mark;
  }
  return position === 0 ? 'is required' : null;
}

/** A business key in a request: NFC-normalised, then checked against the character set and length. */
export const businessKey = z
  .string()
  .max(BUSINESS_KEY_MAX * 4, { message: `must be at most ${BUSINESS_KEY_MAX} characters`, abort: true })
  .overwrite((key) => key.normalize('NFC'))
  .superRefine((key, ctx) => {
    const problem = businessKeyProblem(key);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe(`1 to ${BUSINESS_KEY_MAX} letters, digits (any script) and ${BUSINESS_KEY_SEPARATORS.join(' ')}; stored NFC-normalised`);

/** Business-key text in a search filter: NFC-normalised like stored keys, so a decomposed query still matches. */
export const businessKeyFilter = z
  .string()
  .max(BUSINESS_KEY_MAX * 4)
  .overwrite((key) => key.normalize('NFC'));
