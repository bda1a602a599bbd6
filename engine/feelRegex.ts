// FEEL's `matches`, `replace` and `split` on RE2 (re2js, linear time) instead of JavaScript's backtracking RegExp, for
// evaluations within a budget: same results as feelin's for the patterns RE2 can run, every search paid for in steps
// (input length × program size), and a pattern RE2 cannot run refused by name. Deterministic: no time is measured.
import { RE2JS, RE2JSException } from 're2js';
import type { FeelMeter } from './feelBudget';
import { toRe2, UnsupportedPattern } from './feelRegexSyntax';

type Builtin = ((...args: unknown[]) => unknown) & { $args: string[] };

/** Characters × program instructions a search may visit, per step of the budget. */
export const REGEX_WORK_PER_STEP = 250;

/**
 * The two characters whose case folds to ASCII letters (ſ → s, K → k). Under the `i` flag RegExp cannot tell them from
 * s and k, except that `\b` counts them as word characters and RE2's ASCII `\b` does not: they are matched as s and k.
 */
const FOLDS_TO_ASCII = /[\u017f\u212a]/g;

interface Compiled {
  re: RE2JS;
  caseless: boolean;
  findsOtherwise: string | null;
  maxLength: number;
  size: number;
}

const MAX_CACHED = 200;
const cache = new Map<string, Compiled | string>();

/** The pattern compiled for RE2, or why it cannot be (cached; the cache changes time only, never results). */
function compile(pattern: string, flags: string): Compiled | string {
  const key = `${flags}/${pattern}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let compiled: Compiled | string;
  try {
    const { source, maxLength, findsOtherwise } = toRe2(pattern, flags.includes('s'));
    const re = RE2JS.compile(source, (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0));
    compiled = { re, caseless: flags.includes('i'), findsOtherwise, maxLength, size: re.programSize() };
  } catch (error) {
    if (!(error instanceof UnsupportedPattern || error instanceof RE2JSException)) throw error;
    const reason = error instanceof UnsupportedPattern ? `${error.message} is not supported` : error.message.replace(/^error parsing regexp: /, '');
    compiled = `${reason} (FEEL patterns run on a linear-time engine: no lookaround, no backreferences)`;
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

/** An argument as feelin's `string` parameters take it (a one-item list is its item); undefined when it is not one. */
function text(value: unknown): string | undefined {
  const item: unknown = Array.isArray(value) && value.length === 1 ? value[0] : value;
  return typeof item === 'string' ? item : undefined;
}

/** An optional `string?` argument: '' when absent or null, undefined when it is something else. */
function optionalText(value: unknown): string | undefined {
  const item: unknown = Array.isArray(value) && value.length === 1 ? value[0] : value;
  return item === null || item === undefined ? '' : text(item);
}

/** Whether feelin would compile the pattern with these flags (when not, its own builtin answers as it does). */
function feelinAccepts(pattern: string, flags: string): boolean {
  if (!/^[ims]*$/.test(flags)) return false;
  try {
    new RegExp(pattern, `u${flags}`);
    return true;
  } catch {
    return false;
  }
}

/** Code units from `index` to the next code point. */
const advance = (input: string, index: number): number => {
  const code = input.codePointAt(index);
  return code !== undefined && code > 0xffff ? 2 : 1;
};

/** Searches of one call, paid for in steps: every search may visit the input from where it starts to its end. */
class Searches {
  private work = 0;
  private charged = 0;
  private count = 0;
  readonly matcher;
  /** The text searched: the input, with ſ and K as s and k under the `i` flag (same length, same positions). */
  private readonly searched: string;

  constructor(
    private readonly meter: FeelMeter,
    private readonly compiled: Compiled,
    private readonly input: string,
  ) {
    this.searched = compiled.caseless ? input.replace(FOLDS_TO_ASCII, (c) => (c === '\u017f' ? 's' : 'k')) : input;
    this.matcher = compiled.re.matcher(this.searched);
  }

  /**
   * The next match from `from`, or false. The first search pays for the whole input (the stretches before matches and
   * after the last one lie within it); each later one for what it may visit past its match: the pattern's longest
   * match, or the rest of the input when matches are unbounded (RE2 is linear per search, not per all matches).
   */
  find(from: number): boolean {
    this.payFor(from);
    return this.matcher.find(from);
  }

  /** Whether the pattern matches anywhere (one search from the start, paid as the first `find`). */
  test(): boolean {
    this.payFor(0);
    return this.compiled.re.test(this.searched);
  }

  private payFor(from: number): void {
    const past = this.count === 0 || this.compiled.maxLength === Infinity ? this.input.length - from : this.compiled.maxLength + 2;
    this.count += 1;
    this.pay((Math.min(past, this.input.length - from) + 1) * this.compiled.size);
  }

  private pay(work: number): void {
    this.work += work;
    const steps = Math.ceil(this.work / REGEX_WORK_PER_STEP) + this.count;
    this.meter.charge(steps - this.charged);
    this.charged = steps;
  }

  /** The groups of the last match (1…n), undefined where a group took no part, as RegExp gives them. */
  groups(): Array<string | undefined> {
    const out: Array<string | undefined> = [];
    for (let group = 1; group <= this.matcher.groupCount(); group += 1) {
      const start = this.matcher.start(group);
      out.push(start < 0 ? undefined : this.input.slice(start, this.matcher.end(group)));
    }
    return out;
  }
}

/** JavaScript's GetSubstitution: `$$`, `$&`, `` $` ``, `$'`, `$n`, `$nn`, `$<name>` (feelin has turned `$0` into `$&`). */
function substitution(template: string, input: string, match: { start: number; end: number; groups: Array<string | undefined>; named: Record<string, number> | null }): string {
  let out = '';
  for (let i = 0; i < template.length; i += 1) {
    const c = template[i];
    const next = template[i + 1];
    if (c !== '$' || next === undefined) {
      out += c;
      continue;
    }
    if (next === '$') out += '$';
    else if (next === '&') out += input.slice(match.start, match.end);
    else if (next === '`') out += input.slice(0, match.start);
    else if (next === "'") out += input.slice(match.end);
    else if (/\d/.test(next)) {
      const two = /\d/.test(template[i + 2] ?? '') ? Number(template.slice(i + 1, i + 3)) : Number.NaN;
      const digits = two >= 1 && two <= match.groups.length ? 2 : 1;
      const index = digits === 2 ? two : Number(next);
      if (index >= 1 && index <= match.groups.length) out += match.groups[index - 1] ?? '';
      else out += template.slice(i, i + 1 + digits);
      i += digits;
      continue;
    } else if (next === '<' && match.named && template.indexOf('>', i) !== -1) {
      const end = template.indexOf('>', i);
      const group = match.named[template.slice(i + 2, end)];
      out += group === undefined ? '' : (match.groups[group - 1] ?? '');
      i = end;
      continue;
    } else {
      out += c;
      continue;
    }
    i += 1;
  }
  return out;
}

/** The three builtins on RE2, metered, standing in for feelin's (passed as `originals`, which answer bad arguments). */
export function regexBuiltins(meter: FeelMeter, originals: ReadonlyMap<string, Builtin>): Record<string, Builtin> {
  const prepared = (name: string, pattern: string, flags: string): Compiled => {
    meter.charge(1 + Math.ceil(pattern.length / 100));
    const compiled = compile(pattern, flags);
    const refusal = typeof compiled === 'string' ? compiled : name === 'matches' ? null : compiled.findsOtherwise && `${compiled.findsOtherwise} (RE2 and RegExp may find different matches or groups)`;
    if (refusal !== null) meter.fail(`the pattern "${quoted(pattern)}" of ${name}(...) cannot be run: ${refusal}`);
    return compiled as Compiled;
  };

  const matches = (...args: unknown[]): unknown => {
    const input = text(args[0]);
    const pattern = text(args[1]);
    const flags = optionalText(args[2]);
    if (input === undefined || pattern === undefined || flags === undefined || !feelinAccepts(pattern, flags)) return originals.get('matches')?.(...args);
    const compiled = prepared('matches', pattern, flags);
    return new Searches(meter, compiled, input).test();
  };

  const replace = (...args: unknown[]): unknown => {
    const input = text(args[0]);
    const pattern = text(args[1]);
    const replacement = text(args[2]);
    const flags = optionalText(args[3]);
    if (input === undefined || pattern === undefined || replacement === undefined || flags === undefined || !feelinAccepts(pattern, flags)) {
      return originals.get('replace')?.(...args);
    }
    const compiled = prepared('replace', pattern, flags);
    const template = replacement.replace(/\$0/g, '$$&');
    const named = Object.keys(compiled.re.namedGroups()).length > 0 ? compiled.re.namedGroups() : null;
    const searches = new Searches(meter, compiled, input);
    let out = '';
    let kept = 0;
    for (let from = 0; from <= input.length && searches.find(from); ) {
      const start = searches.matcher.start();
      const end = searches.matcher.end();
      out += input.slice(kept, start) + substitution(template, input, { start, end, groups: searches.groups(), named });
      if (out.length > meter.limits.maxChars) meter.fail(`replace(...) could build more than ${meter.limits.maxChars} characters`);
      kept = end;
      from = end === start ? end + advance(input, end) : end;
    }
    return out + input.slice(kept);
  };

  const split = (...args: unknown[]): unknown => {
    const input = text(args[0]);
    const delimiter = text(args[1]);
    if (input === undefined || delimiter === undefined || !feelinAccepts(delimiter, '')) return originals.get('split')?.(...args);
    const compiled = prepared('split', delimiter, '');
    const searches = new Searches(meter, compiled, input);
    // RegExp.prototype[Symbol.split]: an empty input is [""] unless the pattern matches it; a match may not be empty
    // where the last piece began, nor start at the end; the groups of each match go between the pieces.
    if (input.length === 0) return searches.find(0) ? [] : [''];
    const out: Array<string | undefined> = [];
    let piece = 0;
    for (let from = 0; from < input.length && searches.find(from); ) {
      const start = searches.matcher.start();
      const end = searches.matcher.end();
      if (start >= input.length) break;
      if (end === piece) {
        from = start + advance(input, start);
        continue;
      }
      out.push(input.slice(piece, start), ...searches.groups());
      piece = end;
      from = end;
    }
    out.push(input.slice(piece));
    return out;
  };

  const named = { matches, replace, split } as Record<string, (...args: unknown[]) => unknown>;
  const out: Record<string, Builtin> = {};
  for (const [name, fn] of Object.entries(named)) {
    const original = originals.get(name);
    if (original) out[name] = Object.assign(fn, { $args: original.$args });
  }
  return out;
}

/** A pattern as messages quote it: at most 100 characters. */
const quoted = (pattern: string) => (pattern.length > 100 ? `${pattern.slice(0, 100)}…` : pattern);
