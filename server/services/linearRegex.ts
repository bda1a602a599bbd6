// Regular expressions that run in linear time (re2js, a pure-JS port of RE2): form patterns are written by process
// owners and matched against what anyone submits, so a backtracking engine would let one request freeze the API.
import { RE2JS } from 're2js';

/** A pattern compiled for the linear engine; `test` is true when it matches anywhere in the text (as RegExp.test). */
export interface LinearPattern {
  test(text: string): boolean;
}

const MAX_CACHED = 500;
const cache = new Map<string, LinearPattern | null>();

/** Compiles `source` for the linear engine (cached); null when RE2 cannot run it (backreferences, lookaround). */
export function linearPattern(source: string): LinearPattern | null {
  if (cache.has(source)) return cache.get(source) ?? null;
  let compiled: LinearPattern | null;
  try {
    const re = RE2JS.compile(source);
    compiled = { test: (text) => re.matcher(text).find() };
  } catch {
    compiled = null;
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

/** Why a form pattern cannot be used (the browser runs it as a JavaScript RegExp, the server with RE2), or null. */
export function patternProblem(source: string): string | null {
  try {
    new RegExp(source);
  } catch {
    return 'is not a valid regular expression';
  }
  return linearPattern(source) ? null : 'uses what the server\'s linear-time engine cannot check (backreferences, lookaround); write it without them';
}

/** An e-mail address as form-js checks it (something@something.something, no spaces), matched in linear time. */
export const EMAIL = linearPattern('^[^\\s\\p{Z}@]+@[^\\s\\p{Z}@]+\\.[^\\s\\p{Z}@]+$') as LinearPattern;
/** A phone number (digits, spaces, dashes, parentheses, an optional leading +; at least six), in linear time. */
export const PHONE = linearPattern('^\\+?[\\d\\s\\p{Z}\\-()]{6,}$') as LinearPattern;
