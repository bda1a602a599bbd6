// FEEL within a budget (issue 10, defect 5): what an expression may do is counted in steps and sizes, never in time;
// an overrun is a FeelLimitError naming the expression and the limit, and expressions within the budget give the same
// values as without it.
import { DEFAULT_FEEL_LIMITS, evaluateFeel, FeelError, FeelLimitError, type FeelLimits } from '../../engine/feel';

const limits: FeelLimits = DEFAULT_FEEL_LIMITS;

/** The error an evaluation within the default budget throws (fails the test when it returns). */
function failureOf(source: string, context: Record<string, unknown> = {}, budget: FeelLimits = limits): Error {
  try {
    evaluateFeel(source, context, budget);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`"${source}" was evaluated within the budget`);
}

describe('FEEL budget', () => {
  it('should stop the for-product of the report within the step limit, naming the expression and the limit', () => {
    // given the expression that wedged a case: 4,000,000 iterations
    const source = 'count(for x in 1..2000, y in 1..2000 return 1)';

    // when it is evaluated within the default budget
    const error = failureOf(source);

    // then it stops with a limit error that names the expression and the limit
    expect(error).toBeInstanceOf(FeelLimitError);
    expect(error.message).toBe(`FEEL expression "${source}" is stopped: it needs more than 100000 evaluation steps`);
  });

  it.each([
    ['a range larger than the step limit', 'for x in 1..1000000000 return x', 'it needs more than 10000 evaluation steps'],
    ['nested iterations over a list', 'count(for x in L, y in L return x)', 'it needs more than 10000 evaluation steps'],
    ['a filter inside an iteration', 'sum(for x in L return count(L[item > x]))', 'it needs more than 10000 evaluation steps'],
    ['quantified expressions inside an iteration', 'count(for x in L return some y in L satisfies y = x)', 'it needs more than 10000 evaluation steps'],
    ['exponential recursion', '{f: function(n) if n = 0 then 1 else f(n - 1) + f(n - 1)}.f(40)', 'it needs more than 10000 evaluation steps'],
    ['endless recursion', '{f: function(n) f(n + 1)}.f(1)', 'it nests function calls more than 50 deep'],
    ['a builtin walking a list in a loop', 'sum(for i in 1..500 return sum(L))', 'it needs more than 10000 evaluation steps'],
    ['a string doubled by context entries', `{a: "${'x'.repeat(64)}", b: a+a, c: b+b, d: c+c, e: d+d, f: e+e, g: f+f, h: g+g, i: h+h, j: i+i, k: j+j, l: k+k, m: l+l, n: m+m, o: n+n, p: o+o, q: p+p}.q`, 'it builds a value of more than 1000000 characters'],
    ['a list doubled by nesting', '{a: [1,2,3,4,5,6,7,8], b: [a,a], c: [b,b], d: [c,c], e: [d,d], f: [e,e], g: [f,f], h: [g,g], i: [h,h], j: [i,i], k: [j,j], l: [k,k], m: [l,l], n: [m,m], o: [n,n]}.o', 'it builds a value of more than 100000 items'],
    ['a list doubled by concatenate', '{a: L, b: concatenate(a,a), c: concatenate(b,b), d: concatenate(c,c), e: concatenate(d,d), f: concatenate(e,e), g: concatenate(f,f), h: concatenate(g,g)}.h', 'it needs more than 10000 evaluation steps'],
    ['a value that contains itself', 'for i in 1..3 return partial', 'it builds a value that contains itself'],
    ['string join with a huge delimiter', `string join(for i in 1..2000 return "x", "${'-'.repeat(1000)}")`, 'string join(...) could build more than 1000000 characters'],
    ['replace that multiplies its input', `replace("${'a'.repeat(2000)}", "", "${'b'.repeat(1000)}")`, 'replace(...) could build more than 1000000 characters'],
  ])('should stop %s', (_what, source, reason) => {
    // given a list of 1,000 numbers in the variables
    const context = { L: Array.from({ length: 1000 }, (_, i) => i) };

    // when the expression is evaluated within a budget of 10,000 steps
    const error = failureOf(source, context, { ...limits, maxSteps: 10_000 });

    // then it stops with the limit it would exceed
    expect(error).toBeInstanceOf(FeelLimitError);
    expect(error.message).toContain(`is stopped: ${reason}`);
  });

  it('should refuse an expression longer than the source limit before parsing it', () => {
    // given an expression of 10,001 characters
    const source = `"${'x'.repeat(9_999)}"`;

    // when it is evaluated, then it is refused for its length
    expect(failureOf(source).message).toContain('is stopped: it is longer than 10000 characters');
  });

  it('should stop a range that would never reach its end (feelin loops forever on it)', () => {
    // given a range whose bounds are not a whole number of steps apart
    // when it is iterated, then the evaluation fails at once
    const error = failureOf('for x in 1.5..3 return x');
    expect(error).toBeInstanceOf(FeelError);
    expect(error.message).toContain('range 1.5..3 does not reach its end in steps of 1');
  });

  it('should count steps, not time: a smaller budget stops the same expression at the same step', () => {
    // given a budget of 10 steps
    const small = { ...limits, maxSteps: 10 };

    // when 11 iterations are asked for, then they are refused; 10 are allowed
    expect(failureOf('for x in 1..11 return x', {}, small).message).toContain('it needs more than 10 evaluation steps');
    expect(evaluateFeel('for x in 1..9 return x', {}, small)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it.each([
    ['for x in 1..3, y in [1,2] return x * y', {}],
    ['for x in (1..3] return x', {}],
    ['for x in [1..3) return x', {}],
    ['for x in 3..1 return x', {}],
    ['for x in 1..0 return x', {}],
    ['for c in "a".."e" return c', {}],
    ['for x in null return x', {}],
    ['some x in [1,2,3] satisfies x > 2', {}],
    ['every x in L satisfies x >= 0', { L: [0, 1, 2] }],
    ['L[item > 1]', { L: [1, 2, 3] }],
    ['L[2]', { L: [1, 2, 3] }],
    ['L[-1]', { L: [1, 2, 3] }],
    ['L[1 + 1]', { L: [1, 2, 3] }],
    ['orders[amount > 10].id', { orders: [{ id: 'a', amount: 5 }, { id: 'b', amount: 20 }] }],
    ['{a: function(n) n + 1}.a(2)', {}],
    ['sort([3,1,2], function(a, b) a < b)', {}],
    ['string join(for i in 1..3 return string(i), "-")', {}],
    ['string join(list: ["a","b"], delimiter: "-")', {}],
    ['sum(for i in 1..100 return i)', {}],
    ['count(for x in 1..200, y in 1..200 return 1)', {}],
    ['x + 1 > 2 and "a" + "b" = "ab"', { x: 5 }],
    ['if approved then "yes" else "no"', { approved: true }],
    ['{total: sum(items.price), names: items.name}', { items: [{ name: 'n', price: 2 }, { name: 'm', price: 3 }] }],
    ['date("2024-01-01") + duration("P1D")', {}],
    ['for i in order items return i * 2', { 'order items': [4, 5] }],
    ['x in (1, 2, 1 + 2)', { x: 3 }],
    ['distinct values(concatenate([1,2], [2,3]))', {}],
    ['matches("abc", "^a")', {}],
    ['count + 1', { count: 1 }],
    ['{ text: "sum is " + string(sum), items: [a, b] }', { sum: 5, a: 2, b: 3 }],
  ])('should give what feelin gives without the budget for %s', (source, context) => {
    // given an expression well within the budget
    // when it is evaluated with and without the budget
    const budgeted = evaluateFeel(source, context, limits);
    const plain = evaluateFeel(source, context);

    // then the values are the same
    expect(budgeted).toEqual(plain);
  });

  it('should report a syntax error with its position, as without the budget', () => {
    // given an incomplete expression
    // when it is evaluated, then the error names the position
    expect(failureOf('1 +').message).toBe('FEEL expression "1 +" is invalid at position 3: Incomplete <ArithmeticExpression>');
  });
});
