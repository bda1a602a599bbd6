// FEEL, the expression language of the diagrams: evaluation to plain JSON values, with errors that say where.
import { evaluate } from 'feelin';
import { meteredBuiltins } from './feelBuiltins';
import { type FeelLimits, FeelLimitExceeded, FeelMeter, instrument } from './feelBudget';
import type { Expression } from './model';

export { DEFAULT_FEEL_LIMITS, type FeelLimits } from './feelBudget';

/** A FEEL expression that could not be evaluated: syntax error (with position) or a value of the wrong type. */
export class FeelError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly position?: { from: number; to: number },
  ) {
    super(message);
    this.name = 'FeelError';
  }
}

/** Turns a FEEL result (which may hold FEEL dates, durations, functions) into a plain JSON value. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'function') return null;
  if (typeof value === 'object') {
    const iso = (value as { iso?: unknown }).iso;
    if (typeof iso === 'string') return iso;
    if (value.constructor !== Object) return String(value);
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = toJsonValue(entry);
    return out;
  }
  return null;
}

/** A FEEL expression stopped because it would exceed a limit of its budget (FeelLimits). */
export class FeelLimitError extends FeelError {
  constructor(source: string, reason: string) {
    super(`FEEL expression "${quoted(source)}" is stopped: ${reason}`, source);
    this.name = 'FeelLimitError';
  }
}

/** The expression as messages quote it: at most 200 characters. */
const quoted = (source: string) => (source.length > 200 ? `${source.slice(0, 200)}…` : source);

function wrap<T>(source: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof FeelLimitError) throw error;
    if (error instanceof FeelLimitExceeded) throw new FeelLimitError(source, error.message);
    const err = error as Error & { position?: { from: number; to: number } };
    const what = err instanceof AssertionFailure ? 'failed' : `is invalid${err.position ? ` at position ${err.position.from}` : ''}`;
    throw new FeelError(`FEEL expression "${source}" ${what}: ${err.message}`, source, err.position);
  }
}

class AssertionFailure extends Error {}

/** Camunda's `assert(value, condition[, cause])`: the value when the condition is true, else the evaluation fails. */
const assert = Object.assign(
  (value: unknown, condition: unknown, cause?: unknown) => {
    if (condition !== true) throw new AssertionFailure(typeof cause === 'string' ? cause : 'the assertion is not satisfied');
    return value;
  },
  { $args: ['value', 'condition', 'cause'] },
);

/** What readPath gives back when the expression is no plain variable path (FEEL evaluates it). */
const NOT_A_PATH = Symbol('not a path');

/** A FEEL name made of ASCII letters, digits and `_`, dot-separated, that is no FEEL keyword or literal. */
const PLAIN_PATH = /^\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*$/;
const KEYWORDS = new Set(['true', 'false', 'null', 'not', 'and', 'or', 'for', 'if', 'in', 'return', 'then', 'else', 'some', 'every', 'satisfies', 'instance', 'of', 'function', 'between']);

/**
 * The value of a plain variable path, read as FEEL reads it: a missing name or entry is null, and every step before
 * the last is a context (a plain object) or null. Anything else (a list projection, a string, a builtin) is left to
 * FEEL. The reading costs no parse, which matters for mappings evaluated per item of a 10,000-item collection.
 */
function readPath(source: string, context: Record<string, unknown>): unknown {
  const match = PLAIN_PATH.exec(source);
  if (!match) return NOT_A_PATH;
  const [first, ...rest] = match[1].split('.');
  if (KEYWORDS.has(first) || !Object.hasOwn(context, first)) return NOT_A_PATH;
  // FEEL reads a variable whose name holds a dot (`site.street`) as one name
  if (rest.length > 0 && Object.keys(context).some((key) => key.startsWith(`${first}.`))) return NOT_A_PATH;
  let value = context[first];
  for (const name of rest) {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return NOT_A_PATH;
    value = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : null;
  }
  return toJsonValue(value);
}

/** Evaluates within a budget: the instrumented text runs with the meter's hooks and metered builtins. */
function evaluateMetered(source: string, context: Record<string, unknown>, limits: FeelLimits, extra: Record<string, unknown>): unknown {
  if (source.length > limits.maxSourceLength) throw new FeelLimitError(source, `it is longer than ${limits.maxSourceLength} characters`);
  const meter = new FeelMeter(limits);
  // Variables shadow builtins (and the extra functions) of the same name, as they do in feelin.
  const scope = { assert, ...meteredBuiltins(meter, source), ...extra, ...context };
  const text = instrument(source, scope);
  // Text that does not parse is evaluated as it is, so feelin reports the syntax error with its position.
  const value = evaluate(text ?? source, { ...scope, ...meter.hooks() }).value;
  if (meter.failure) throw new FeelLimitExceeded(meter.failure);
  return toJsonValue(value);
}

/**
 * Evaluates a FEEL expression against a context of variables; the result is plain JSON. With `limits` the evaluation
 * is metered (FeelLimits) and an overrun is a FeelLimitError; without, it is not (cases recorded before the budget).
 * A plain variable path (`site`, `site.address.street`) is read directly when FEEL would read it the same way.
 * `extra`: more scope entries under the variables (the legal-time functions, engine/calendar/feelFunctions.ts).
 */
export function evaluateFeel(source: string, context: Record<string, unknown>, limits?: FeelLimits, extra: Record<string, unknown> = {}): unknown {
  const read = readPath(source, context);
  if (read !== NOT_A_PATH) return read;
  // Only the entries the text names: feelin copies its context on every iteration, so each entry costs.
  const named = Object.fromEntries(Object.entries(extra).filter(([name]) => source.includes(name)));
  return wrap(source, () => (limits ? evaluateMetered(source, context, limits, named) : toJsonValue(evaluate(source, { assert, ...named, ...context }).value)));
}

/** Evaluates a diagram value: FEEL expressions are evaluated, static strings returned as they are. */
export function evaluateExpression(expression: Expression, context: Record<string, unknown>, limits?: FeelLimits, extra?: Record<string, unknown>): unknown {
  return expression.kind === 'static' ? expression.value : evaluateFeel(expression.source, context, limits, extra);
}

/** Evaluates a condition; a result other than true or false (e.g. null from a missing variable) fails, as in Camunda 8. */
export function evaluateCondition(expression: Expression, context: Record<string, unknown>, limits?: FeelLimits, extra?: Record<string, unknown>): boolean {
  if (expression.kind === 'static') return expression.value.trim() === 'true';
  const value = evaluateFeel(expression.source, context, limits, extra);
  if (typeof value !== 'boolean') {
    throw new FeelError(`FEEL condition "${expression.source}" must be true or false, got ${JSON.stringify(value)}`, expression.source);
  }
  return value;
}
