// FEEL builtins that walk lists or strings, metered: each call costs steps in proportion to what it is given, and the
// two that can build far more than they are given (string join, replace) are refused before they would.
import { evaluate } from 'feelin';
import type { FeelMeter } from './feelBudget';
import { regexBuiltins } from './feelRegex';

type Builtin = ((...args: unknown[]) => unknown) & { $args: string[] };

/** Builtins whose work grows with their arguments. */
const WALKERS = [
  'list contains', 'list replace', 'count', 'min', 'max', 'sum', 'mean', 'all', 'any', 'sublist', 'append', 'concatenate',
  'insert before', 'remove', 'reverse', 'index of', 'union', 'distinct values', 'flatten', 'product', 'median', 'stddev',
  'mode', 'sort', 'string join', 'get entries', 'get value', 'context', 'context put', 'context merge', 'string', 'substring',
  'string length', 'upper case', 'lower case', 'substring before', 'substring after', 'replace', 'contains', 'matches',
  'starts with', 'ends with', 'split',
];
/** Builtins that compare every item with every other one. */
const QUADRATIC = new Set(['union', 'distinct values']);

const originals = new Map<string, Builtin>();
for (const name of WALKERS) {
  const builtin = evaluate(name).value;
  if (typeof builtin === 'function') originals.set(name, builtin as Builtin);
}

const text = (value: unknown): number => (typeof value === 'string' ? value.length : 0);

/** Most characters a call can build, for the builtins that can build more than they are given. */
function charsBuilt(name: string, args: unknown[]): number {
  if (name === 'string join' && Array.isArray(args[0])) {
    const [list, delimiter, prefix, suffix] = args;
    return list.reduce((sum: number, item) => sum + text(item), 0) + Math.max(0, list.length - 1) * text(delimiter) + text(prefix) + text(suffix);
  }
  if (name === 'replace') return text(args[0]) + (text(args[0]) + 1) * text(args[2]);
  return 0;
}

/**
 * The metered builtins the expression names, as context entries that stand in for feelin's own (only those: feelin
 * copies the context on every iteration, so each entry costs).
 */
export function meteredBuiltins(meter: FeelMeter, source: string): Record<string, Builtin> {
  const out: Record<string, Builtin> = {};
  // matches, replace and split run on RE2 (linear time) rather than RegExp.
  const linear = regexBuiltins(meter, originals);
  for (const [name, builtin] of originals) {
    if (!source.includes(name)) continue;
    const original = linear[name] ?? builtin;
    const metered = (...args: unknown[]) => {
      const items = args.reduce((sum: number, arg) => sum + (Array.isArray(arg) ? arg.length : 0), 0);
      const chars = args.reduce((sum: number, arg) => sum + text(arg), 0);
      meter.charge(1 + items + Math.floor(chars / 1_000) + (QUADRATIC.has(name) ? Math.floor((items * items) / 100) : 0));
      if (charsBuilt(name, args) > meter.limits.maxChars) meter.fail(`${name}(...) could build more than ${meter.limits.maxChars} characters`);
      return original(...args);
    };
    out[name] = Object.assign(metered, { $args: original.$args });
  }
  return out;
}
