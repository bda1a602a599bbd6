// JavaScript regular expressions (as feelin runs them: `u` mode) rewritten for RE2, construct by construct, so that the
// linear-time engine matches what RegExp matches; what RE2 cannot run is refused by name, never run differently.

/** A pattern RE2 cannot run as RegExp would (lookaround, backreferences, inline modifiers); the message says which. */
export class UnsupportedPattern extends Error {}

/** A pattern in RE2 syntax and the most UTF-16 units one match of it can span (Infinity when unbounded). */
export interface Re2Pattern {
  source: string;
  maxLength: number;
  /**
   * Why RE2 may find other match boundaries or groups than RegExp (which drops a repetition that matches nothing and
   * empties the groups inside a repeated group at each repetition), or null; whether it matches at all is the same.
   */
  findsOtherwise: string | null;
}

/** A part of the pattern while it is read: also its shortest match and its groups that may take no part in a match. */
interface Part extends Re2Pattern {
  minLength: number;
  groups: number;
  optionalGroups: number;
}

type Range = [number, number];

/** What `\s` matches in JavaScript (RE2's `\s` is only [\t\n\f\r ]). */
const SPACE: Range[] = [[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]];
/** What `.` does not match in JavaScript without the `s` flag (RE2's `.` stops only at \n). */
const LINE_END: Range[] = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];
const MAX = 0x10ffff;

const complement = (ranges: Range[]): Range[] => {
  const out: Range[] = [];
  let next = 0;
  for (const [from, to] of ranges) {
    if (from > next) out.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
};

/** A code point as RE2 reads it literally, inside or outside a class. */
const literal = (code: number): string => (/[\w]/.test(String.fromCodePoint(code)) || code > 0x7f ? String.fromCodePoint(code) : `\\x{${code.toString(16)}}`);
const ranges = (list: Range[]): string => list.map(([from, to]) => (from === to ? literal(from) : `${literal(from)}-${literal(to)}`)).join('');

const SINGLE_ESCAPES: Record<string, number> = { f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b, 0: 0 };
const SYNTAX = new Set('^$\\.*+?()[]{}|/-');

/** Rewrites `pattern` (valid for `new RegExp(pattern, 'u' + flags)`) into RE2 syntax with the same matches. */
export function toRe2(pattern: string, dotAll: boolean): Re2Pattern {
  let at = 0;
  const peek = (offset = 0) => pattern[at + offset];
  const refuse = (what: string): never => {
    throw new UnsupportedPattern(what);
  };

  const hex = (digits: string) => Number.parseInt(digits, 16);
  /** `\u` escapes: \uHHHH, a pair of them forming one code point, or \u{H…}. */
  const unicodeEscape = (): number => {
    if (peek() === '{') {
      const end = pattern.indexOf('}', at);
      const code = hex(pattern.slice(at + 1, end));
      at = end + 1;
      return code;
    }
    const code = hex(pattern.slice(at, at + 4));
    at += 4;
    const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(pattern.slice(at, at + 6));
    if (code >= 0xd800 && code <= 0xdbff && low) {
      at += 6;
      return 0x10000 + ((code - 0xd800) << 10) + (hex(low[1]) - 0xdc00);
    }
    return code;
  };

  /** An escape after `\` (at points past it): a class as RE2 text, or a single code point. */
  const escape = (inClass: boolean): { cls: string; alone: string } | { code: number } => {
    const c = pattern[at++];
    if (c === 'd' || c === 'D' || c === 'w' || c === 'W') return { cls: `\\${c}`, alone: `\\${c}` };
    if (c === 's' || c === 'S') {
      const cls = ranges(c === 's' ? SPACE : complement(SPACE));
      return { cls, alone: `[${cls}]` };
    }
    if (c === 'p' || c === 'P') {
      const end = pattern.indexOf('}', at);
      const body = pattern.slice(at + 1, end);
      at = end + 1;
      const [key, value] = body.includes('=') ? body.split('=') : ['', body];
      if (key === 'Script_Extensions' || key === 'scx') refuse(`the Unicode property \\${c}{${body}}`);
      return { cls: `\\${c}{${value}}`, alone: `\\${c}{${value}}` };
    }
    if (c === 'b' && inClass) return { code: 0x08 };
    if (c in SINGLE_ESCAPES) return { code: SINGLE_ESCAPES[c] };
    if (c === 'c') return { code: pattern.charCodeAt(at++) % 32 };
    if (c === 'x') {
      at += 2;
      return { code: hex(pattern.slice(at - 2, at)) };
    }
    if (c === 'u') return { code: unicodeEscape() };
    if (/[1-9]/.test(c) || c === 'k') refuse(`the backreference \\${c}${c === 'k' ? pattern.slice(at, pattern.indexOf('>', at) + 1) : ''}`);
    if (SYNTAX.has(c)) return { code: c.charCodeAt(0) };
    return refuse(`the escape \\${c}`);
  };

  const readCode = (): number => {
    const code = pattern.codePointAt(at) as number;
    at += code > 0xffff ? 2 : 1;
    return code;
  };

  /** `[...]` (at points past `[`). */
  const characterClass = (): string => {
    const negated = peek() === '^';
    if (negated) at += 1;
    let body = '';
    let empty = true;
    while (peek() !== ']') {
      empty = false;
      const atom = peek() === '\\' ? (at++, escape(true)) : { code: readCode() };
      if ('cls' in atom) {
        body += atom.cls;
        continue;
      }
      if (peek() === '-' && peek(1) !== ']' && peek(1) !== undefined) {
        at += 1;
        const end = peek() === '\\' ? (at++, escape(true)) : { code: readCode() };
        body += `${literal(atom.code)}-${literal((end as { code: number }).code)}`;
      } else body += literal(atom.code);
    }
    at += 1;
    if (empty) return negated ? `[\\x{0}-\\x{10ffff}]` : `[^\\x{0}-\\x{10ffff}]`;
    return `[${negated ? '^' : ''}${body}]`;
  };

  const group = (): Part => {
    let open = '(';
    if (peek() === '?') {
      const head = pattern.slice(at, at + 4);
      if (head.startsWith('?=') || head.startsWith('?!') || head.startsWith('?<=') || head.startsWith('?<!')) refuse(`the lookaround (${head.startsWith('?<') ? head.slice(0, 3) : head.slice(0, 2)}`);
      if (head.startsWith('?:')) {
        open = '(?:';
        at += 2;
      } else if (head.startsWith('?<')) {
        const end = pattern.indexOf('>', at);
        open = `(?P<${pattern.slice(at + 2, end)}>`;
        at = end + 1;
      } else refuse(`the inline modifiers (${pattern.slice(at, pattern.indexOf(':', at) + 1)}`);
    }
    const inner = alternation();
    at += 1; // ')'
    return { ...inner, source: `${open}${inner.source})`, groups: inner.groups + (open === '(?:' ? 0 : 1) };
  };

  /** One atom with its quantifier. */
  const single = (source: string): Part => ({ source, maxLength: 2, minLength: 1, groups: 0, optionalGroups: 0, findsOtherwise: null });
  const term = (): Part => {
    const c = peek();
    const from = at;
    let atom: Part;
    if (c === '^' || c === '$') {
      at += 1;
      return { source: c, maxLength: 0, minLength: 0, groups: 0, optionalGroups: 0, findsOtherwise: null };
    }
    if (c === '\\' && (peek(1) === 'b' || peek(1) === 'B')) {
      at += 2;
      return { source: `\\${pattern[at - 1]}`, maxLength: 0, minLength: 0, groups: 0, optionalGroups: 0, findsOtherwise: null };
    }
    if (c === '(') {
      at += 1;
      atom = group();
    } else if (c === '[') {
      at += 1;
      atom = single(characterClass());
    } else if (c === '.') {
      at += 1;
      atom = single(dotAll ? '[\\x{0}-\\x{10ffff}]' : `[^${ranges(LINE_END)}]`);
    } else if (c === '\\') {
      at += 1;
      const escaped = escape(false);
      atom = single('cls' in escaped ? escaped.alone : literal(escaped.code));
    } else {
      atom = single(literal(readCode()));
    }
    return quantified(atom, pattern.slice(from, at));
  };

  /** The atom with the quantifier that follows it, if any (`written`: the atom as the pattern has it). */
  const quantified = (atom: Part, written: string): Part => {
    const match = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/.exec(pattern.slice(at));
    if (!match) return atom;
    at += match[0].length;
    const quantifier = match[0][0];
    const least = quantifier === '+' ? 1 : quantifier === '{' ? Number(match[1]) : 0;
    let most: number;
    if (quantifier === '*' || quantifier === '+' || (match[2] !== undefined && match[3] === '')) most = Infinity;
    else if (quantifier === '?') most = 1;
    else most = Number(match[3] ?? match[1]);
    const maxLength = atom.maxLength === 0 || most === 0 ? 0 : atom.maxLength * most;
    let findsOtherwise = atom.findsOtherwise;
    if (atom.minLength === 0 && most > least) findsOtherwise ??= `the repetition ${match[0]} of ${written}, which can match nothing`;
    if (atom.optionalGroups > 0 && most > 1) findsOtherwise ??= `a capturing group that may take no part in a repetition of ${written}`;
    const optionalGroups = least === 0 ? atom.groups : atom.optionalGroups;
    return { source: `${atom.source}${match[0]}`, maxLength, minLength: atom.minLength * least, groups: atom.groups, optionalGroups, findsOtherwise };
  };

  const alternation = (): Part => {
    const empty = (): Part => ({ source: '', maxLength: 0, minLength: 0, groups: 0, optionalGroups: 0, findsOtherwise: null });
    const branches: Part[] = [];
    let branch = empty();
    while (at < pattern.length && peek() !== ')') {
      if (peek() === '|') {
        at += 1;
        branches.push(branch);
        branch = empty();
        continue;
      }
      const next = term();
      branch = {
        source: branch.source + next.source,
        maxLength: branch.maxLength + next.maxLength,
        minLength: branch.minLength + next.minLength,
        groups: branch.groups + next.groups,
        optionalGroups: branch.optionalGroups + next.optionalGroups,
        findsOtherwise: branch.findsOtherwise ?? next.findsOtherwise,
      };
    }
    branches.push(branch);
    return {
      source: branches.map((b) => b.source).join('|'),
      maxLength: Math.max(...branches.map((b) => b.maxLength)),
      minLength: Math.min(...branches.map((b) => b.minLength)),
      groups: branches.reduce((sum, b) => sum + b.groups, 0),
      optionalGroups: branches.reduce((sum, b) => sum + (branches.length > 1 ? b.groups : b.optionalGroups), 0),
      findsOtherwise: branches.find((b) => b.findsOtherwise)?.findsOtherwise ?? null,
    };
  };

  const { source, maxLength, findsOtherwise } = alternation();
  return { source, maxLength, findsOtherwise };
}
