// Defence in depth against database replies that answer another request: every query that names keys by equality
// checks that what came back carries those keys, and fails closed otherwise. Every model file imports this module
// first, so the plugin is registered before its schema is compiled.
import mongoose, { type Query, type Schema } from 'mongoose';

/** Raised when a query's result does not carry the key values its filter asked for. */
export class ForeignResultError extends Error {
  constructor(field: string, asked: unknown, got: unknown) {
    super(`the database answered a lookup of ${field} = ${JSON.stringify(asked)} with a document whose ${field} is ${JSON.stringify(got)}; refused`);
    this.name = 'ForeignResultError';
  }
}

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The plain `field: value` equalities of a filter (no operators, no dotted paths). */
function equalities(filter: Record<string, unknown>): [string, Scalar][] {
  return Object.entries(filter).filter((e): e is [string, Scalar] => !e[0].startsWith('$') && !e[0].includes('.') && isScalar(e[1]));
}

/**
 * Whether a stored value matches what the filter asked for. Compared as text, since mongoose casts a filter's value to
 * the field's type only when it sends it (`version: '2'` finds 2); values that are not scalars (dates, ObjectIds) are
 * not compared.
 */
const sameScalar = (value: unknown, asked: Scalar) => (isScalar(value) ? String(value) === String(asked) : value !== null);
const carries = (value: unknown, asked: Scalar) => value === undefined || (Array.isArray(value) ? value.some((v) => sameScalar(v, asked)) : sameScalar(value, asked));

/** Throws ForeignResultError when a returned document does not match one of the filter's equalities. */
export function checkResult(filter: Record<string, unknown>, result: unknown): void {
  const pairs = equalities(filter);
  if (pairs.length === 0 || result == null) return;
  for (const doc of Array.isArray(result) ? result : [result]) {
    if (doc === null || typeof doc !== 'object') continue;
    for (const [field, asked] of pairs) {
      const got = (doc as Record<string, unknown>)[field];
      if (!carries(got, asked)) throw new ForeignResultError(field, asked, got);
    }
  }
}

/** Only the `_id` of a filter: an update may change the filter's other fields, and `returnDocument: 'after'` shows that. */
const idOnly = (filter: Record<string, unknown>) => ('_id' in filter ? { _id: filter._id } : {});

/** The mongoose plugin: checks the results of find, findOne (findById), findOneAndDelete, and by `_id` findOneAndUpdate/Replace. */
export function keyCheckPlugin(schema: Schema): void {
  schema.post(['find', 'findOne', 'findOneAndDelete'], function (this: Query<unknown, unknown>, result: unknown) {
    checkResult(this.getFilter() as Record<string, unknown>, result);
  });
  schema.post(['findOneAndUpdate', 'findOneAndReplace'], function (this: Query<unknown, unknown>, result: unknown) {
    checkResult(idOnly(this.getFilter() as Record<string, unknown>), result);
  });
}

mongoose.plugin(keyCheckPlugin);
