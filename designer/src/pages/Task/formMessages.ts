// Form validation messages in the user's language: form-js's own (English only) and the server's (`invalid-form-data`).
// Each known message becomes a message key with parameters; an unknown one is shown as it is (pure, unit-tested).

/** A validation message key of the dictionaries, with its parameters. */
export type FormMessage =
  | { key: 'formMessage.required'; params?: undefined }
  | { key: 'formMessage.number'; params?: undefined }
  | { key: 'formMessage.min' | 'formMessage.max'; params: { value: string } }
  | { key: 'formMessage.minLength' | 'formMessage.maxLength'; params: { count: string } }
  | { key: 'formMessage.pattern'; params: { pattern: string } }
  | { key: 'formMessage.email' | 'formMessage.phone' | 'formMessage.option' | 'formMessage.date'; params?: undefined };

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

/** server/services/formValidation.ts's messages, after their leading label (`"名称" ` or `the field `). */
const SERVER_RULES: Rule[] = [
  [/^is required$/, () => ({ key: 'formMessage.required' })],
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
