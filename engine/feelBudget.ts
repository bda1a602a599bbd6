// FEEL within a budget: the expression's syntax tree is rewritten so that iterations, function calls, builtin calls
// and every value it builds pass through counting hooks. The count is of work, never of time, so it is deterministic.
import { FeelRange, isRange, parseExpression } from 'feelin';

/** How much one FEEL evaluation may do. */
export interface FeelLimits {
  /** Iterations (`for`, `some`, `every`, filters), function calls and values built, per evaluation. */
  maxSteps: number;
  /** List items and context entries of one value the expression builds. */
  maxItems: number;
  /** Characters of the strings of one value the expression builds. */
  maxChars: number;
  /** Nesting of calls of functions the expression defines. */
  maxCallDepth: number;
  /** Length of the expression's text. */
  maxSourceLength: number;
}

/** Default budget: 100,000 steps (a fraction of a second), values of 100,000 items or 1,000,000 characters. */
export const DEFAULT_FEEL_LIMITS: FeelLimits = { maxSteps: 100_000, maxItems: 100_000, maxChars: 1_000_000, maxCallDepth: 50, maxSourceLength: 10_000 };

/** An evaluation stopped because it would exceed its budget; the message names the limit. */
export class FeelLimitExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeelLimitExceeded';
  }
}

type Hook = ((...args: never[]) => unknown) & { $args: string[] };
type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];
interface Weight {
  items: number;
  chars: number;
}

const HOOK = { each: '__sparrow_each', range: '__sparrow_range', scan: '__sparrow_scan', value: '__sparrow_value', enter: '__sparrow_enter', leave: '__sparrow_leave' };
/** Nodes whose value is counted and measured: the ones that build lists, contexts and strings. */
const BUILDERS = new Set(['ForExpression', 'List', 'Context', 'FunctionInvocation', 'ArithmeticExpression']);
/** Parents whose child's type tag feelin reads (a wrapped child would change how it is evaluated). */
const TYPE_READERS = new Set(['PositiveUnaryTest', 'SimplePositiveUnaryTest']);
const IN_PROGRESS: Weight = { items: Number.NaN, chars: Number.NaN };

/** The instrumented text of an expression, or null when it does not parse (feelin then reports the syntax error). */
export function instrument(source: string, context: Record<string, unknown>): string | null {
  const tree = parseExpression(source, context, undefined);
  let broken = false;
  tree.iterate({ enter: (node) => void (node.type.isError && (broken = true)) });
  if (broken) return null;
  const call = (hook: string, ...args: string[]) => ` ${hook}(${args.join(', ')}) `;
  const emit = (node: SyntaxNode, typed: boolean): string => {
    const children: Array<{ node: SyntaxNode; text: string }> = [];
    let text = '';
    let at = node.from;
    for (let child = node.firstChild, index = 0; child; child = child.nextSibling, index += 1) {
      // A filter's condition keeps its type tag (feelin picks index, value or test by it); its target is scanned.
      const condition = node.name === 'FilterExpression' && index > 0;
      let inner = emit(child, condition || TYPE_READERS.has(node.name));
      if (node.name === 'FilterExpression' && index === 0) inner = call(HOOK.scan, inner);
      if (child.name === 'FunctionBody') inner = ` if ${HOOK.enter}() then ${HOOK.leave}(${inner}) else null `;
      children.push({ node: child, text: inner });
      text += source.slice(at, child.from) + inner;
      at = child.to;
    }
    text += source.slice(at, node.to);
    if (node.name === 'IterationContext') {
      const [start, dots, end] = children;
      return dots?.node.name === '..' && end ? call(HOOK.range, start.text, end.text) : call(HOOK.each, text);
    }
    return BUILDERS.has(node.name) && !typed ? call(HOOK.value, text) : text;
  };
  return emit(tree.topNode, false);
}

const isContainer = (value: object): boolean => Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null;

/** Counts the work of one evaluation and measures the values it builds; an overrun throws FeelLimitExceeded. */
export class FeelMeter {
  private steps = 0;
  private depth = 0;
  /** The first overrun: kept, so an overrun a builtin swallowed still fails the evaluation at its end. */
  failure: string | null = null;
  private readonly weights = new WeakMap<object, Weight>();

  constructor(readonly limits: FeelLimits) {}

  /** Stops the evaluation with the limit that was exceeded. */
  fail(what: string): never {
    this.failure ??= what;
    throw new FeelLimitExceeded(this.failure);
  }

  /** Counts `n` steps of work. */
  charge(n: number): void {
    this.steps += n;
    if (this.steps > this.limits.maxSteps || this.failure) this.fail(this.failure ?? `it needs more than ${this.limits.maxSteps} evaluation steps`);
  }

  /** Items and characters of a value (shared parts counted each time they occur, computed once). */
  weigh(value: unknown): Weight {
    if (typeof value === 'string') return { items: 1, chars: value.length };
    if (typeof value !== 'object' || value === null || !isContainer(value)) return { items: 1, chars: 0 };
    const known = this.weights.get(value);
    if (known === IN_PROGRESS) this.fail('it builds a value that contains itself');
    if (known) return known;
    this.weights.set(value, IN_PROGRESS);
    const total = { items: 1, chars: 0 };
    const entries = Array.isArray(value) ? value.map((item) => ['', item] as const) : Object.entries(value);
    for (const [key, item] of entries) {
      const weight = this.weigh(item);
      total.items += weight.items;
      total.chars += key.length + weight.chars;
    }
    this.weights.set(value, total);
    return total;
  }

  /** Counts one built value and checks its size. */
  value<T>(value: T): T {
    this.charge(1);
    const { items, chars } = this.weigh(value);
    if (items > this.limits.maxItems) this.fail(`it builds a value of more than ${this.limits.maxItems} items`);
    if (chars > this.limits.maxChars) this.fail(`it builds a value of more than ${this.limits.maxChars} characters`);
    return value;
  }

  /** The values an iteration goes through: a list as it is, a range enumerated; counted one step each. */
  each(target: unknown): unknown {
    if (Array.isArray(target)) {
      this.charge(target.length);
      return target;
    }
    if (!isRange(target)) return target;
    const { start, end } = target;
    if (typeof start === 'number' && typeof end === 'number') return this.numbers(start, end, target['start included'], target['end included']);
    return target.map((item: unknown) => item);
  }

  /** `a..b` of a `for`: feelin's IterationContext (`b` falsy: `a` itself), enumerated within the budget. */
  range(start: unknown, end: unknown): unknown {
    if (!end) return this.each(start);
    if (typeof start === 'number' && typeof end === 'number') return this.numbers(start, end, true, true);
    if (typeof start === 'string' && typeof end === 'string') {
      return new FeelRange({ start, end, 'start included': true, 'end included': true, valueType: 'string' }).map((item: unknown) => item);
    }
    throw new Error(`unsupported range: ${String(start)}..${String(end)}`);
  }

  private numbers(start: number, end: number, startIncluded: boolean, endIncluded: boolean): number[] {
    const span = Math.abs(end - start);
    if (!Number.isInteger(span)) throw new Error(`range ${start}..${end} does not reach its end in steps of 1`);
    const count = span + 1 - (startIncluded ? 0 : 1) - (endIncluded || span === 0 ? 0 : 1);
    this.charge(Math.max(0, count));
    const direction = end < start ? -1 : 1;
    const values: number[] = [];
    for (let i = 0; i <= span; i += 1) {
      if ((i === 0 && !startIncluded) || (i === span && !endIncluded)) continue;
      values.push(start + i * direction);
    }
    return values;
  }

  /** A filter's target: a list costs one step per item. */
  scan<T>(target: T): T {
    if (Array.isArray(target)) this.charge(target.length);
    return target;
  }

  /** Entering a function the expression defines: one step, and the nesting is limited. */
  enter(): true {
    this.charge(1);
    this.depth += 1;
    if (this.depth > this.limits.maxCallDepth) this.fail(`it nests function calls more than ${this.limits.maxCallDepth} deep`);
    return true;
  }

  /** Leaving a function the expression defines. */
  leave<T>(value: T): T {
    this.depth -= 1;
    return value;
  }

  /** The hooks the instrumented text calls, as FEEL context entries. */
  hooks(): Record<string, Hook> {
    const hook = (fn: (...args: never[]) => unknown, ...names: string[]): Hook => Object.assign(fn, { $args: names });
    return {
      [HOOK.each]: hook((target: unknown) => this.each(target), 'target'),
      [HOOK.range]: hook((start: unknown, end: unknown) => this.range(start, end), 'start', 'end'),
      [HOOK.scan]: hook((target: unknown) => this.scan(target), 'target'),
      [HOOK.value]: hook((value: unknown) => this.value(value), 'value'),
      [HOOK.enter]: hook(() => this.enter()),
      [HOOK.leave]: hook((value: unknown) => this.leave(value), 'value'),
    };
  }
}
