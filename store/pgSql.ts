// Translates the Mongo filters and sorts of the hot list queries into parameterised SQL over the table FerretDB v1
// keeps for a collection (one `_jsonb` column: the document as JSON plus its type schema `$s`). Only what translates
// with MongoDB's meaning is translated; anything else answers null and the caller keeps the Mongo path. Also the read of
// one case's audit chain (chainSql).

/** A parameterised statement. */
export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** How a sort field's values compare: text in byte order (MongoDB's binary string order), or numbers and dates. */
export type SortKind = 'text' | 'number';

/** The fields the SQL path may sort by, and how their values compare (dates are stored as epoch milliseconds). */
export const SORT_FIELDS: Readonly<Record<string, SortKind>> = {
  _id: 'text',
  dueDate: 'number',
  priority: 'number',
  createdAt: 'number',
  startedAt: 'number',
};

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The jsonb value of a top-level field (SQL NULL when missing). */
export const fieldExpr = (name: string) => `(_jsonb->${lit(name)})`;
/** The BSON type FerretDB recorded for a top-level field (`date`, `int`, `long`, `double`, `string`, ...). */
const typeExpr = (name: string) => `(_jsonb->'$s'->'p'->${lit(name)}->>'t')`;

/** The ORDER BY key of a sort field: byte-ordered text, or jsonb with missing as null (jsonb null sorts below numbers). */
export function sortKeyExpr(name: string, kind: SortKind): string {
  return kind === 'text' ? `((_jsonb->>${lit(name)}) COLLATE "C")` : `COALESCE(_jsonb->${lit(name)}, 'null'::jsonb)`;
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** MongoDB's `{ f: null }`: missing, null, or an array holding null. */
const nullMatch = (f: string) => `(${f} IS NULL OR ${f} = 'null'::jsonb OR (jsonb_typeof(${f}) = 'array' AND ${f} @> '[null]'::jsonb))`;

/**
 * Fields stored only as a string or null, never an array (the schema says so): their equality is plain `=`, which the
 * btree list indexes (store/pgIndexes.ts) can serve in the list's order; `@>` would also match an array holding the value.
 */
export const SCALAR_TEXT_FIELDS: ReadonlySet<string> = new Set(['street']);

/** Equality with a string or boolean as FerretDB pushes it down: the value itself, or an array holding it. */
function equals(name: string, value: unknown, p: Params): string | null {
  const f = fieldExpr(name);
  if (value === null) return nullMatch(f);
  if (typeof value === 'string' && SCALAR_TEXT_FIELDS.has(name)) return `(${f} = ${p.add(JSON.stringify(value))}::jsonb)`;
  if (typeof value === 'string' || typeof value === 'boolean') return `(${f} @> ${p.add(JSON.stringify(value))}::jsonb)`;
  return null;
}

/** A literal `^prefix` regex (every special character escaped) as its prefix text; null for any other pattern. */
export function literalPrefix(pattern: string): string | null {
  if (!pattern.startsWith('^')) return null;
  let out = '';
  for (let i = 1; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[++i];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return null;
      out += next;
    } else if (/[.*+?^${}()|[\]]/.test(c)) {
      return null;
    } else {
      out += c;
    }
  }
  return out;
}

const RANGE_OPS: Record<string, string> = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' };

/** A range bound with MongoDB's type bracketing: a date matches only dates, a number only numbers. */
function range(name: string, op: string, bound: unknown, p: Params): string | null {
  const f = fieldExpr(name);
  if (bound instanceof Date && !Number.isNaN(bound.getTime())) return `(${typeExpr(name)} = 'date' AND ${f} ${op} ${p.add(String(bound.getTime()))}::jsonb)`;
  if (typeof bound === 'number' && Number.isFinite(bound)) return `(${typeExpr(name)} IN ('int', 'long', 'double') AND ${f} ${op} ${p.add(JSON.stringify(bound))}::jsonb)`;
  return null;
}

/** One field's condition (a value, or an object of operators). */
function condition(name: string, value: unknown, p: Params): string | null {
  if (value === null || typeof value !== 'object') return equals(name, value, p);
  if (value instanceof Date || Array.isArray(value)) return null;
  const parts: string[] = [];
  for (const [op, arg] of Object.entries(value)) {
    let sql: string | null = null;
    if (op === '$in' && Array.isArray(arg)) {
      const each = arg.map((v) => equals(name, v, p));
      sql = each.some((s) => s === null) ? null : each.length === 0 ? 'false' : `(${each.join(' OR ')})`;
    } else if (op === '$ne') {
      const eq = equals(name, arg, p);
      sql = eq && `(NOT COALESCE(${eq}, false))`;
    } else if (op in RANGE_OPS) {
      sql = range(name, RANGE_OPS[op], arg, p);
    } else if (op === '$regex' && typeof arg === 'string' && !('$options' in value)) {
      const prefix = literalPrefix(arg);
      const f = fieldExpr(name);
      sql = prefix === null ? null : `(jsonb_typeof(${f}) = 'string' AND starts_with(${f} #>> '{}', ${p.add(prefix)}))`;
    }
    if (sql === null) return null;
    parts.push(sql);
  }
  return parts.length === 0 ? null : `(${parts.join(' AND ')})`;
}

function translate(filter: Record<string, unknown>, p: Params): string | null {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    let sql: string | null;
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) return null;
      const each = value.map((v) => (v && typeof v === 'object' ? translate(v as Record<string, unknown>, p) : null));
      sql = each.some((s) => s === null) ? null : `(${each.join(key === '$and' ? ' AND ' : ' OR ')})`;
    } else {
      sql = FIELD_NAME.test(key) ? condition(key, value, p) : null;
    }
    if (sql === null) return null;
    parts.push(sql);
  }
  return parts.length === 0 ? 'true' : parts.join(' AND ');
}

/** The WHERE clause of a Mongo filter with its parameters, or null when some part of it does not translate. */
export function whereSql(filter: Record<string, unknown>): { where: string; values: unknown[] } | null {
  const p = new Params();
  const where = translate(filter, p);
  return where === null ? null : { where, values: p.values };
}

/** The sort keys of a Mongo sort as SQL expressions with their directions, or null when a field is not sortable here. */
function sortKeys(sort: Record<string, 1 | -1>): Array<{ expr: string; dir: 'ASC' | 'DESC' }> | null {
  const keys: Array<{ expr: string; dir: 'ASC' | 'DESC' }> = [];
  for (const [name, dir] of Object.entries(sort)) {
    const kind = SORT_FIELDS[name];
    if (!kind) return null;
    keys.push({ expr: sortKeyExpr(name, kind), dir: dir === 1 ? 'ASC' : 'DESC' });
  }
  return keys.length === 0 ? null : keys;
}

/**
 * The ORDER BY clause of a Mongo sort, or null when a field is not sortable here. Keys are never SQL NULL (missing is
 * jsonb null, which sorts first ascending as in MongoDB; `_id` always exists), so plain ASC/DESC is exact and matches
 * the btree list indexes' order.
 */
export function orderSql(sort: Record<string, 1 | -1>): string | null {
  return sortKeys(sort)?.map((k) => `${k.expr} ${k.dir}`).join(', ') ?? null;
}

/**
 * The page query (`_jsonb` of each row in `sort`, `skip` then `limit`) on table `schema.table`; null when it does not
 * translate. A deferred join: the inner query finds and orders the page by row address and sort keys only (a sort of
 * matches that no index orders, e.g. 我组的任务's candidate branches, then moves small tuples, not whole documents), and
 * the outer one reads the page's documents by address (the same snapshot, so the same rows).
 */
export function pageSql(schema: string, table: string, filter: Record<string, unknown>, sort: Record<string, 1 | -1>, skip: number, limit: number): SqlQuery | null {
  const where = whereSql(filter);
  const keys = sortKeys(sort);
  if (!where || !keys) return null;
  const values = [...where.values, limit, skip];
  const n = where.values.length;
  const from = `${ident(schema)}.${ident(table)}`;
  const inner = `SELECT ctid AS row_address, ${keys.map((k, i) => `${k.expr} AS k${i}`).join(', ')} FROM ${from} WHERE ${where.where} ORDER BY ${keys.map((k) => `${k.expr} ${k.dir}`).join(', ')} LIMIT $${n + 1} OFFSET $${n + 2}`;
  return { text: `SELECT doc._jsonb FROM (${inner}) page JOIN ${from} doc ON doc.ctid = page.row_address ORDER BY ${keys.map((k, i) => `page.k${i} ${k.dir}`).join(', ')}`, values };
}

/** The count query of a filter on table `schema.table`; null when it does not translate. */
export function countSql(schema: string, table: string, filter: Record<string, unknown>): SqlQuery | null {
  const where = whereSql(filter);
  return where && { text: `SELECT count(*)::int AS n FROM ${ident(schema)}.${ident(table)} WHERE ${where.where}`, values: where.values };
}

/**
 * How many rows of table `schema.table` each combination of the text fields `fields` has (`n`; a field missing or null
 * is null), in one pass over the table.
 */
export function groupCountSql(schema: string, table: string, fields: readonly string[]): SqlQuery {
  const columns = fields.map((f, i) => `(_jsonb->>${lit(f)}) AS g${i}`).join(', ');
  return { text: `SELECT ${columns}, count(*)::int AS n FROM ${ident(schema)}.${ident(table)} GROUP BY ${fields.map((_, i) => i + 1).join(', ')}`, values: [] };
}

/**
 * The audit rows of case `instanceId` on table `schema.table` (auditEvents): each document without its type schema
 * (`doc`) and the schema as text (`schema`: a chain's rows share a few, so the reader parses each once). Found by
 * FerretDB's own btree index on `{ instanceId: 1, seq: 1 }` (`(_jsonb->'instanceId'), (_jsonb->'seq')`); unordered, as
 * the caller orders by seq (an ORDER BY here sorted on disk whenever the statistics missed a long chain just written).
 * `=` matches the string the schema stores (not, as MongoDB would, an array holding it).
 */
export function chainSql(schema: string, table: string, instanceId: string): SqlQuery {
  return { text: `SELECT _jsonb - '$s' AS doc, (_jsonb->'$s')::text AS schema FROM ${ident(schema)}.${ident(table)} WHERE ${fieldExpr('instanceId')} = $1::jsonb`, values: [JSON.stringify(instanceId)] };
}
