// Field messages in the user's language: form-js's own (English only) and the server's (`invalid-form-data`,
// `reserved-variables`, and the `errors` of a refused request: variable limits, business keys). Each known message
// becomes a message key with parameters; an unknown one is shown as it is (pure, unit-tested).
import type { Translate } from '../../i18n/useT';

/** A validation message key of the dictionaries, with its parameters. */
export type FormMessage =
  | { key: 'formMessage.required'; params?: undefined }
  | { key: 'formMessage.number'; params?: undefined }
  | { key: 'formMessage.min' | 'formMessage.max'; params: { value: string } }
  | { key: 'formMessage.minLength' | 'formMessage.maxLength'; params: { count: string } }
  | { key: 'formMessage.pattern'; params: { pattern: string } }
  | { key: 'formMessage.email' | 'formMessage.phone' | 'formMessage.option' | 'formMessage.date'; params?: undefined }
  | { key: 'formMessage.unknownField' | 'formMessage.patternUnsupported' | 'formMessage.reserved'; params?: undefined }
  | { key: 'formMessage.text' | 'formMessage.boolean' | 'formMessage.list' | 'formMessage.object'; params?: undefined }
  | { key: 'formMessage.tooDeep'; params: { levels: string } }
  | { key: 'formMessage.tooManyKeys'; params: { count: string; limit: string } }
  | { key: 'formMessage.tooManyKeysTotal'; params: { limit: string } }
  | { key: 'formMessage.tooLarge'; params: { count: string; limit: string } }
  | { key: 'formMessage.character'; params: { position: string; code: string; char: string; allowed: string } }
  | { key: 'formMessage.space' | 'formMessage.invisibleCharacter'; params: { position: string; code: string; allowed: string } };

type Rule = [RegExp, (match: RegExpMatchArray) => FormMessage];

/** form-js 1.x's validator messages (`Validator.js`). */
const FORM_JS_RULES: Rule[] = [
  [/^Field is required\.$/, () => ({ key: 'formMessage.required' })],
  [/^Value is not a number\.$/, () => ({ key: 'formMessage.number' })],
  [/^Field must have minimum value of (.+)\.$/, (m) => ({ key: 'formMessage.min', params: { value: m[1] } })],
  [/^Field must have maximum value of (.+)\.$/, (m) => ({ key: 'formMessage.max', params: { value: m[1] } })],
  [/^Field must have minimum length of (\d+)\.$/, (m) => ({ key: 'formMessage.minLength', params: { count: m[1] } })],
  [/^Field must have maximum length of (\d+)\.$/, (m) => ({ key: 'formMessage.maxLength', params: { count: m[1] } })],
  [/^Field must match pattern (.+)\.$/, (m) => ({ key: 'formMessage.pattern', params: { pattern: m[1] } })],
  [/^Field must be a valid email\.$/, () => ({ key: 'formMessage.email' })],
  [/^Field must be a valid\s+international phone number/, () => ({ key: 'formMessage.phone' })],
];

/** Characters that would not show, or would change the text around them (bidi controls), if quoted as they are. */
const INVISIBLE = /^[\p{C}\p{Zl}\p{Zp}\p{M}\p{Default_Ignorable_Code_Point}]$/u;

/** A refused identifier character (server/http/identifiers.ts names it `U+XXXX` at a 1-based position), quoted only when visible. */
export function refusedCharacter(code: string, position: string, allowed: string): FormMessage {
  const char = String.fromCodePoint(parseInt(code.slice(2), 16));
  if (/^\p{Zs}$/u.test(char)) return { key: 'formMessage.space', params: { position, code, allowed } };
  if (INVISIBLE.test(char)) return { key: 'formMessage.invisibleCharacter', params: { position, code, allowed } };
  return { key: 'formMessage.character', params: { position, code, char, allowed } };
}

/**
 * The server's field messages, after their leading label (`"名称" ` or `the field `): server/services/formValidation.ts,
 * tasks.ts (reserved variables), http/variables.ts (variable limits) and http/identifiers.ts (business keys).
 */
const SERVER_RULES: Rule[] = [
  [/^is required$/, () => ({ key: 'formMessage.required' })],
  [/^is not a field of the form$/, () => ({ key: 'formMessage.unknownField' })],
  [/^has a pattern the server cannot check\b/, () => ({ key: 'formMessage.patternUnsupported' })],
  [/^is used by the process to correlate messages or assign tasks\b/, () => ({ key: 'formMessage.reserved' })],
  [/^must be text$/, () => ({ key: 'formMessage.text' })],
  [/^must be true or false$/, () => ({ key: 'formMessage.boolean' })],
  [/^must be a list$/, () => ({ key: 'formMessage.list' })],
  [/^must be an object$/, () => ({ key: 'formMessage.object' })],
  [/^nested deeper than (\d+) levels\b/, (m) => ({ key: 'formMessage.tooDeep', params: { levels: m[1] } })],
  [/^has (\d+) keys, over the limit of (\d+) per object$/, (m) => ({ key: 'formMessage.tooManyKeys', params: { count: m[1], limit: m[2] } })],
  [/^brings the keys of the variables over the limit of (\d+) in all$/, (m) => ({ key: 'formMessage.tooManyKeysTotal', params: { limit: m[1] } })],
  [/^are (\d+) characters of JSON, over the limit of (\d+) per case$/, (m) => ({ key: 'formMessage.tooLarge', params: { count: m[1], limit: m[2] } })],
  [/^character (U\+[0-9A-F]{4,6}) at position (\d+) is not allowed: use letters, digits and (.+)$/, (m) => refusedCharacter(m[1], m[2], m[3])],
  [/^must be at most (\d+) characters$/, (m) => ({ key: 'formMessage.maxLength', params: { count: m[1] } })],
  [/^must be a number$/, () => ({ key: 'formMessage.number' })],
  [/^must be at least (.+)$/, (m) => ({ key: 'formMessage.min', params: { value: m[1] } })],
  [/^must be at most (.+)$/, (m) => ({ key: 'formMessage.max', params: { value: m[1] } })],
  [/^must have at least (\d+) characters$/, (m) => ({ key: 'formMessage.minLength', params: { count: m[1] } })],
  [/^must have at most (\d+) characters$/, (m) => ({ key: 'formMessage.maxLength', params: { count: m[1] } })],
  [/^must match the pattern (.+)$/, (m) => ({ key: 'formMessage.pattern', params: { pattern: m[1] } })],
  [/^must be an e-mail address$/, () => ({ key: 'formMessage.email' })],
  [/^must be a phone number$/, () => ({ key: 'formMessage.phone' })],
  [/^(must be one of|has a value that is not one of the options)/, () => ({ key: 'formMessage.option' })],
  [/^must be a date or time$/, () => ({ key: 'formMessage.date' })],
];

function firstMatch(rules: Rule[], text: string): FormMessage | null {
  for (const [pattern, build] of rules) {
    const match = text.match(pattern);
    if (match) return build(match);
  }
  return null;
}

/** The key of one of form-js's validation messages, or null for a message it does not know. */
export function formJsMessage(message: string): FormMessage | null {
  return firstMatch(FORM_JS_RULES, message);
}

/** The key of one of the server's field messages (its label stripped), or null for a message it does not know. */
export function serverMessage(message: string): FormMessage | null {
  return firstMatch(SERVER_RULES, message.replace(/^(".*?"|the field) /, ''));
}

/** One of the server's field messages in the user's language; a message the client does not know stays as written. */
export function serverMessageText(t: Translate, message: string): string {
  const known = serverMessage(message);
  return known ? t(known.key, known.params) : message;
}
