// Identifiers people type that become part of ids (business keys, form ids): a documented character set,
// NFC-normalised and bounded, so no invisible, bidi or control character gets into an id. The server refuses what
// breaks the rule (contracts/api/identifiers.ts) and the designer checks typed keys by the same rule.

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

/** What is wrong with an identifier: it is empty, longer than `max`, or holds a character not allowed (the first one). */
export type IdentifierFault = { kind: 'required' } | { kind: 'too-long'; max: number } | { kind: 'character'; code: string; position: number };

/** What is wrong with `text` (already NFC) as an identifier of at most `max` characters; null when valid. */
export function identifierFault(text: string, max: number): IdentifierFault | null {
  let position = 0;
  let afterBase = false;
  for (const ch of text) {
    position += 1;
    if (position > max) return { kind: 'too-long', max };
    const base = BASE.test(ch);
    const mark = MARK.test(ch);
    if (IGNORABLE.test(ch) || !(base || SEPARATORS.has(ch) || (mark && afterBase))) return { kind: 'character', code: codePointName(ch), position };
    afterBase = base || mark;
  }
  return position === 0 ? { kind: 'required' } : null;
}

/** Why `text` (already NFC) is no valid identifier of at most `max` characters, naming the first offending character; null when valid. */
export function identifierProblem(text: string, max: number): string | null {
  const fault = identifierFault(text, max);
  switch (fault?.kind) {
    case undefined:
      return null;
    case 'required':
      return 'is required';
    case 'too-long':
      return `must be at most ${fault.max} characters`;
    case 'character':
      return `character ${fault.code} at position ${fault.position} is not allowed: use letters, digits and ${IDENTIFIER_SEPARATORS.join(' ')}`;
  }
}
