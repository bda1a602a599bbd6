// Identifiers people type that become part of ids (business keys, form ids): a documented character set,
// NFC-normalised and bounded, so no invisible, bidi or control character gets into an id.
import { z } from 'zod';

/** Most characters (Unicode code points, after NFC) of a business key. */
export const BUSINESS_KEY_MAX = 100;

/**
 * Characters an identifier may contain besides letters, digits and combining marks of any script. Not allowed:
 * spaces (invisible at the ends, ambiguous when doubled), ":" (it separates the definition key from the business
 * key in a case's workflow id) and "/" (ids travel in URL paths).
 */
export const IDENTIFIER_SEPARATORS = ['-', '_', '.', '#', '(', ')', '（', '）', '〔', '〕', '【', '】'] as const;

const SEPARATORS = new Set<string>(IDENTIFIER_SEPARATORS);
const BASE = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
/** Invisible characters (zero-width, bidi controls, variation selectors, Hangul fillers …), letters or not. */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** `U+XXXX` of a character. */
export const codePointName = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `text` (already NFC) is no valid identifier of at most `max` characters, naming the first offending character; null when valid. */
export function identifierProblem(text: string, max: number): string | null {
  let position = 0;
  let afterBase = false;
  for (const ch of text) {
    position += 1;
    if (position > max) return `must be at most ${max} characters`;
    const base = BASE.test(ch);
    const mark = MARK.test(ch);
    if (IGNORABLE.test(ch) || !(base || SEPARATORS.has(ch) || (mark && afterBase))) {
      return `character ${codePointName(ch)} at position ${position} is not allowed: use letters, digits and ${IDENTIFIER_SEPARATORS.join(' ')}`;
    }
    afterBase = base || mark;
  }
  return position === 0 ? 'is required' : null;
}

/** An identifier in a request: NFC-normalised, then checked against the character set and `max` characters. */
export const typedIdentifier = (max: number) =>
  z
    .string()
    .max(max * 4, { message: `must be at most ${max} characters`, abort: true })
    .overwrite((text) => text.normalize('NFC'))
    .superRefine((text, ctx) => {
      const problem = identifierProblem(text, max);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe(`1 to ${max} letters, digits (any script) and ${IDENTIFIER_SEPARATORS.join(' ')}; stored NFC-normalised`);

/** A business key in a request. */
export const businessKey = typedIdentifier(BUSINESS_KEY_MAX);
/** The id of a form being saved (it becomes the form versions' ids, `<id>@<version>`). */
export const formId = typedIdentifier(100);

/** Business-key text in a search filter: NFC-normalised like stored keys, so a decomposed query still matches. */
export const businessKeyFilter = z
  .string()
  .max(BUSINESS_KEY_MAX * 4)
  .overwrite((key) => key.normalize('NFC'));
