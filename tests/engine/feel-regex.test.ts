// FEEL's matches, replace and split within the budget (issue 10, defect 5): they run on RE2 (re2js, linear time), give
// what feelin's RegExp gives for the patterns RE2 can run, pay steps for their input, and refuse by name a pattern RE2
// cannot run (lookaround, backreferences) instead of running it differently.
import { DEFAULT_FEEL_LIMITS, evaluateFeel, FeelLimitError, type FeelLimits } from '../../engine/feel';
import { toRe2 } from '../../engine/feelRegexSyntax';

const limits: FeelLimits = DEFAULT_FEEL_LIMITS;

/** The error an evaluation within the budget throws (fails the test when it returns). */
function failureOf(source: string, context: Record<string, unknown>, budget: FeelLimits = limits): Error {
  try {
    evaluateFeel(source, context, budget);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`"${source}" was evaluated within the budget`);
}

/** What an evaluation gives, or the message of its error. */
function outcome(source: string, context: Record<string, unknown>, budget?: FeelLimits): unknown {
  try {
    return evaluateFeel(source, context, budget);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

const PATTERNS = [
  '', 'a', '^a', 'a$', '^$', 'b', 'x*', 'a*', 'a+?', 'a{2}', 'a{1,2}', 'a{2,}', 'a??', '(a)|b', '(a)|(b)', '(x)?a',
  '\\d+', '\\D', '\\w+', '\\W+', '\\s', '\\s+', '\\S+', '[\\s,]+', '[^\\s]', '[\\S]', ',\\s*', '[a-c]+', '[^a-c]', '[-a]',
  '[a-]', '[]', '[^]', '.', '.+', '\\.', '\\b\\w', '\\B', '(\\w+)@(\\w+)\\.com', '(?:ab)+', '(?<year>\\d{4})-(?<month>\\d{2})',
  '\\u00e9', '\\u{1F600}', '\\uD83D\\uDE00', '\\x41', '\\t', '\\n', '\\v', '\\f', '\\0', '\\cJ', '[\\b]', '\\p{Lu}', '\\P{L}+',
  '\\p{Script=Greek}', '\\p{gc=Nd}', '[\\p{N}_]+', '\\/', '\\[\\]\\(\\)\\{\\}', '[[]', '[.*+?]', '😀', '.😀', 'é|e', 'K', 'ſ',
  '^\\d{3}-\\d{4}$', '^[A-Z]{2}\\d{2}[A-Z0-9]{1,30}$', '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', '(a|ab)(c|bcd)', '(\\w+\\s?)+', '(?:(\\d)-)+',
  '(a|b){2}', '(ab){1,3}?',
];
/** Patterns whose matches RE2 and RegExp find alike, but not their boundaries or groups (replace, split refuse them). */
const MATCHES_ONLY = ['(a*)*', '(a*)+b', '(|a)+', '(a??)+', '(|a)?', '((a)|b)+', '(?:(a)|b)*', '(?:a(b)?)*c'];
const INPUTS = [
  '', 'a', 'abc', 'aab ab b', 'A aBc ABC', 'baaac', '12 ab 3,  4,5', 'john@example.com, jane@test.org', '2024-01-31',
  'Straße ſKk', 'café CAFÉ e\u0301', '😀 smile 😀😀', 'tab\there\u000bvt\fff', 'nbsp\u00a0em\u2003ideo\u3000zw\ufeff', 'line1\nline2\n',
  '[]{}()/.*+?', 'αβγ ΑΒΓ', 'DE89370400440532013000', '555-1234', 'x\u2028y',
];
const FLAGS = [undefined, 'i', 's', 'm', 'is', 'ims'];

const combos = (builtin: (pattern: string, input: string, flags?: string) => [string, Record<string, unknown>]) =>
  PATTERNS.flatMap((pattern) => INPUTS.map((input) => builtin(pattern, input)));

describe('FEEL regular expressions within the budget', () => {
  it.each([
    ['matches', combos((pattern, input) => ['matches(input, pattern)', { input, pattern }])],
    ['matches with repetitions RegExp treats otherwise', MATCHES_ONLY.flatMap((pattern) => INPUTS.map((input): [string, Record<string, unknown>] => ['matches(input, pattern)', { input, pattern }]))],
    ['matches with flags', PATTERNS.flatMap((pattern) => FLAGS.map((flags): [string, Record<string, unknown>] => ['matches(input, pattern, flags)', { input: 'A aBc\nſK a.b\u00a0😀\n', pattern, flags }]))],
    ['replace', combos((pattern, input) => ['replace(input, pattern, "<$0|$1|$$|$2>")', { input, pattern }])],
    ['replace with flags', PATTERNS.flatMap((pattern) => FLAGS.map((flags): [string, Record<string, unknown>] => ['replace(input, pattern, "[$0]", flags)', { input: 'A aBc\nſK a.b\n', pattern, flags }]))],
    ['split', combos((pattern, input) => ['split(input, pattern)', { input, pattern }])],
  ])('should give what feelin gives with RegExp: %s', (_what, cases) => {
    // given expressions with ordinary patterns RE2 can run, on a variety of inputs
    for (const [source, context] of cases) {
      // when each is evaluated within the budget (RE2) and without it (feelin's RegExp)
      const linear = outcome(source, context, limits);
      const plain = outcome(source, context);

      // then the results are the same
      expect({ context, result: linear }).toEqual({ context, result: plain });
    }
  });

  it.each([
    ['replace templates', 'replace("2024-01-31", "(\\d+)-(\\d+)-(\\d+)", t)', ['$3.$2.$1', '$0!', '$$1', '$10', '$01', '$4', '$', '$<x>', '$`|$\'', 'a$&b']],
    ['named groups in templates', 'replace("2024-01", "(?<y>\\d+)-(?<m>\\d+)", t)', ['$<m>/$<y>', '$<nope>', '$<y', '$2$1']],
  ])('should substitute as RegExp does: %s', (_what, source, templates) => {
    for (const t of templates) expect({ t, result: outcome(source, { t }, limits) }).toEqual({ t, result: outcome(source, { t }) });
  });

  it.each([
    ['a list of one string', 'matches(["abc"], "b")'],
    ['a number as input', 'matches(1, "1")'],
    ['null as input', 'replace(null, "a", "b")'],
    ['null flags', 'matches("A", "a", null)'],
    ['an invalid pattern', 'matches("a", "(")'],
    ['a pattern RegExp refuses in u mode', 'split("a{", "{")'],
    ['unknown flags', 'matches("a", "a", "g")'],
    ['repeated flags', 'matches("a", "A", "ii")'],
    ['the x flag (feelin: not implemented)', 'matches("a", "a", "x")'],
    ['named arguments', 'replace(input: "abc", pattern: "b", replacement: "x")'],
  ])('should answer %s as feelin does', (_what, source) => {
    // given arguments feelin's builtin rejects or converts, when evaluated with and without the budget
    // then the outcome is the same (a null, or feelin's own error)
    expect(outcome(source, {}, limits)).toEqual(outcome(source, {}));
  });

  it.each([
    ['matches', 'matches(x, "^(a+)+$")', false],
    ['replace', 'string length(replace(x, "^(a+)+$", "b"))', 100_001],
    ['split', 'count(split(x, "(a+)+b"))', 1],
    ['matches, a nested quantifier', 'matches(x, "^(a|a?)+$")', false],
  ])('should run the catastrophic pattern of %s on 100,000 characters to its result', (_what, source, expected) => {
    // given 100,000 "a" and a "!" (RegExp backtracks for ever on it)
    const x = `${'a'.repeat(100_000)}!`;

    // when it is evaluated within the budget, then it finishes with the result
    expect(evaluateFeel(source, { x }, limits)).toBe(expected);
  });

  it.each([
    ['a backreference', '(a)\\1', 'the backreference \\1 is not supported'],
    ['a named backreference', '(?<q>a)\\k<q>', 'the backreference \\k<q> is not supported'],
    ['a lookahead', 'a(?=b)', 'the lookaround (?= is not supported'],
    ['a negative lookahead', 'a(?!b)', 'the lookaround (?! is not supported'],
    ['a lookbehind', '(?<=a)b', 'the lookaround (?<= is not supported'],
    ['a negative lookbehind', '(?<!a)b', 'the lookaround (?<! is not supported'],
    ['a repetition RE2 cannot count', 'a{1001}', 'invalid repeat count'],
  ])('should refuse %s, naming the pattern', (_what, pattern, reason) => {
    // given a pattern RE2 cannot run (RegExp can)
    for (const source of ['matches("ab", p)', 'replace("ab", p, "x")', 'split("ab", p)']) {
      // when it is evaluated within the budget
      const error = failureOf(source, { p: pattern });

      // then it is a limit error (an incident in a workflow, a 422 in a form rule) naming the pattern and why
      expect(error).toBeInstanceOf(FeelLimitError);
      expect(error.message).toContain(`is stopped: the pattern "${pattern}" of ${source.slice(0, source.indexOf('('))}(...) cannot be run: ${reason}`);
      expect(error.message).toContain('no lookaround, no backreferences');
    }
  });

  it.each([
    ['a repetition of what can match nothing', '(|a)+', 'the repetition + of (|a), which can match nothing'],
    ['a group that may take no part in a repetition', '((a)|b)+', 'a capturing group that may take no part in a repetition of ((a)|b)'],
    ['an optional group in a repetition', '(?:a(b)?)*c', 'a capturing group that may take no part in a repetition of (?:a(b)?)'],
  ])('should refuse in replace and split %s (RegExp finds other boundaries or groups), naming the pattern', (_what, pattern, reason) => {
    for (const source of ['replace("ab", p, "x")', 'split("ab", p)']) {
      // when it is evaluated within the budget
      const error = failureOf(source, { p: pattern });

      // then it is a limit error (an incident in a workflow, a 422 in a form rule) naming the pattern and why
      expect(error).toBeInstanceOf(FeelLimitError);
      expect(error.message).toContain(`is stopped: the pattern "${pattern}" of ${source.slice(0, source.indexOf('('))}(...) cannot be run: ${reason}`);
      expect(error.message).toContain('RE2 and RegExp may find different matches or groups');
    }
  });

  it('should pay steps for the input a search visits', () => {
    // given 100,000 characters, when matched within a budget of 100 steps, then it is stopped
    const x = 'a'.repeat(100_000);
    expect(failureOf('matches(x, "b")', { x }, { ...limits, maxSteps: 100 }).message).toContain('it needs more than 100 evaluation steps');

    // and a short input within the same budget is matched
    expect(evaluateFeel('matches(x, "b")', { x: 'abc' }, { ...limits, maxSteps: 100 })).toBe(true);
  });

  it('should stop replacing before every match rescans the rest of a long input (RE2 is linear per search, not per all)', () => {
    // given a pattern whose first branch stays alive to the end of the input at every match (quadratic in all)
    const x = 'a'.repeat(20_000);

    // when every match is replaced within the default budget, then it is stopped by steps, not by time
    expect(failureOf('replace(x, "(a|aa)+?x|a", "b")', { x }).message).toContain('it needs more than 100000 evaluation steps');
  });

  it('should replace and split long inputs with many matches of a bounded pattern', () => {
    // given 20,000 fields separated by commas (100,000 characters)
    const x = Array.from({ length: 20_000 }, (_, i) => String(i % 10_000).padStart(4, '0')).join(',');

    // when they are split and joined again within the default budget, then all are kept
    expect((evaluateFeel('split(x, ",")', { x }, limits) as string[]).length).toBe(20_000);
    expect(evaluateFeel('replace(x, ",", ";")', { x }, limits)).toBe(x.replaceAll(',', ';'));
  });

  it('should replace every match of an unbounded pattern in a text of a few thousand characters', () => {
    // given 5,000 characters with 500 runs of spaces (an unbounded pattern pays for the rest of the text at each match)
    const x = 'word   one '.repeat(500).slice(0, 5_000);

    // when the runs are replaced within the default budget, then all are
    expect(evaluateFeel('replace(x, "\\s+", " ")', { x }, limits)).toBe(x.replace(/\s+/gu, ' '));
  });

  it('should stop a replacement that would build more than the character limit as it builds it', () => {
    // given a template that copies the whole input at every match
    const error = failureOf('replace(x, "", "$`")', { x: 'a'.repeat(3_000) });

    // then it is stopped by the character limit
    expect(error.message).toContain('replace(...) could build more than 1000000 characters');
  });

  it('should treat only \\n as a line end under the m flag (XPath), unlike RegExp (also \\r, U+2028, U+2029)', () => {
    expect(evaluateFeel('matches("a\\nb", "^b$", "m")', {}, limits)).toBe(true);
    expect(evaluateFeel('matches(x, "^b", "m")', { x: 'a\rb' }, limits)).toBe(false);
    expect(evaluateFeel('matches(x, "^b", "m")', { x: 'a\rb' })).toBe(true);
  });

  it('should rewrite JavaScript-only syntax for RE2', () => {
    expect(toRe2('.', false).source).toBe('[^\\x{a}\\x{d}\u2028-\u2029]');
    expect(toRe2('\\uD83D\\uDE00', false).source).toBe('😀');
    expect(toRe2('(?<y>a)', false).source).toBe('(?P<y>a)');
    expect(toRe2('a{2,3}(b|cd)', false).maxLength).toBe(10);
    expect(toRe2('a(b+)', false).maxLength).toBe(Infinity);
  });
});
