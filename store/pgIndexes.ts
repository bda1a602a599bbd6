// PostgreSQL-side indexes for FerretDB v1 on PostgreSQL. FerretDB pushes an equality filter down as
// `_jsonb->'field' @> '"value"'` (even for `_id`), which its own btree indexes (`(_jsonb->'field')`) cannot serve: every
// find, by id too, scanned the whole table. A GIN index on the same expression (jsonb_path_ops) serves it; FerretDB
// leaves indexes it did not create alone (its own metadata lists only its own).
import pg from 'pg';
import { fieldExpr, SORT_FIELDS, sortKeyExpr } from './pgSql';

/** The fields of each collection whose equality filters get a GIN index (arrays too: `@>` finds an element). */
export const GIN_INDEXED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  tasks: ['_id', 'street', 'assignee', 'candidateGroups', 'candidateUsers', 'instanceId'],
  taskHistory: ['_id', 'instanceId', 'street'],
  taskCounts: ['_id', 'kind', 'user', 'street'],
  instances: ['_id', 'street', 'status', 'parentInstanceId', 'startedBy', 'businessKey', 'waitingSignals', 'waitingMessages'],
  instanceHistory: ['_id', 'street', 'parentInstanceId', 'startedBy', 'businessKey'],
};

/** One list order served by a btree index: an optional leading equality field (a street's list), the sort key and its direction, then `_id` ascending. */
export interface ListIndex {
  leading: string | null;
  field: string;
  dir: 1 | -1;
}

const bothWays = (fields: readonly string[], dirs: ReadonlyArray<1 | -1>): ListIndex[] =>
  [null, 'street'].flatMap((leading) => fields.flatMap((field) => dirs.map((dir) => ({ leading, field, dir }))));

/**
 * The list orders of each collection read by SQL (store/pgReads.ts): the task list's six sorts and the case list's newest
 * first, district-wide and within a street, each with the `_id` tiebreak, so a page is an index scan that stops after it.
 * Closed tasks keep only the creation order (the list's default, both ways): every index is written with each of the
 * years of closed rows, and their other orders are read rarely (a sort of the matching rows then).
 */
export const LIST_INDEXES: Readonly<Record<string, readonly ListIndex[]>> = {
  tasks: bothWays(['dueDate', 'priority', 'createdAt'], [1, -1]),
  taskHistory: bothWays(['createdAt'], [1, -1]),
  instances: bothWays(['startedAt'], [-1]),
  instanceHistory: bothWays(['startedAt'], [-1]),
};

/**
 * Fields whose value distribution the planner needs (PostgreSQL extended statistics on the expression): a list
 * filtered by `status` (completed tasks of a street: 95 % of the rows match) was planned with `@>`'s default
 * selectivity as if a few rows matched — a sort of the whole street instead of the list index's ordered scan, 45 ms
 * instead of 0.2 ms at 6,000 rows of a street.
 */
export const STATISTICS_FIELDS: Readonly<Record<string, readonly string[]>> = {
  tasks: ['status'],
  taskHistory: ['status'],
  instances: ['status'],
  instanceHistory: ['status'],
};

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The CREATE INDEX statement of one field's GIN index on a FerretDB table (name within PostgreSQL's 63 bytes). */
export function ginIndexSql(schema: string, table: string, field: string): string {
  const name = `${table}_${field.replace(/[^A-Za-z0-9]/g, '')}_gin`.slice(0, 63);
  return `CREATE INDEX IF NOT EXISTS ${ident(name)} ON ${ident(schema)}.${ident(table)} USING gin ((_jsonb->${literal(field)}) jsonb_path_ops)`;
}

/** The CREATE INDEX statement of one list order's btree index (the same expressions as the SQL's WHERE and ORDER BY). */
export function listIndexSql(schema: string, table: string, { leading, field, dir }: ListIndex): string {
  const name = `${table}_${leading ? `${leading}_` : ''}${field.replace(/[^A-Za-z0-9]/g, '')}_${dir === 1 ? 'asc' : 'desc'}_list`.slice(0, 63);
  const keys = [...(leading ? [`(${fieldExpr(leading)})`] : []), `(${sortKeyExpr(field, SORT_FIELDS[field])}) ${dir === 1 ? 'ASC' : 'DESC'}`, `(${sortKeyExpr('_id', 'text')}) ASC`];
  return `CREATE INDEX IF NOT EXISTS ${ident(name)} ON ${ident(schema)}.${ident(table)} (${keys.join(', ')})`;
}

/** The CREATE STATISTICS statement of one field's expression statistics on a FerretDB table (PostgreSQL 14 and later). */
export function statisticsSql(schema: string, table: string, field: string): string {
  const name = `${table}_${field.replace(/[^A-Za-z0-9]/g, '')}_stats`.slice(0, 63);
  return `CREATE STATISTICS ${ident(schema)}.${ident(name)} ON ((_jsonb->${literal(field)})) FROM ${ident(schema)}.${ident(table)}`;
}

/**
 * Creates the expression statistics of STATISTICS_FIELDS on `collection`'s table and analyzes the table when one was
 * new (statistics are empty until then); an existing one is left alone. A server without expression statistics
 * (PostgreSQL before 14) only plans those lists worse: warned, not fatal.
 */
async function ensureStatistics(client: pg.Client, dbName: string, collection: string, table: string): Promise<number> {
  let created = 0;
  for (const field of STATISTICS_FIELDS[collection] ?? []) {
    try {
      await client.query(statisticsSql(dbName, table, field));
      created += 1;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 42710: it exists (another process, an earlier start); 23505: a concurrent creation of the same name.
      if (code !== '42710' && code !== '23505') process.emitWarning(`no expression statistics on ${collection}.${field}: ${(error as Error).message}`, { code: 'SPARROW_PG_STATISTICS' });
    }
  }
  if (created > 0) await client.query(`ANALYZE ${ident(dbName)}.${ident(table)}`);
  return created;
}

/**
 * Creates the GIN indexes of GIN_INDEXED_FIELDS, the list indexes of LIST_INDEXES and the statistics of
 * STATISTICS_FIELDS on the tables FerretDB keeps for database `dbName` (a PostgreSQL schema of that name), for the
 * collections that exist; idempotent. Answers how many statements ran.
 */
export async function ensurePostgresIndexes(postgresUrl: string, dbName: string): Promise<number> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const metadata = await client.query<{ collection: string; table: string }>(
      `SELECT _jsonb->>'_id' AS collection, _jsonb->>'table' AS table FROM ${ident(dbName)}._ferretdb_database_metadata`,
    ).catch(() => ({ rows: [] }));
    let statements = 0;
    for (const { collection, table } of metadata.rows) {
      const statementsOf = [...(GIN_INDEXED_FIELDS[collection] ?? []).map((f) => ginIndexSql(dbName, table, f)), ...(LIST_INDEXES[collection] ?? []).map((index) => listIndexSql(dbName, table, index))];
      for (const statement of statementsOf) {
        // A server and a worker starting together race on the same name: the loser's error is the winner's index.
        await client.query(statement).catch((error: { code?: string }) => {
          if (error.code !== '23505' && error.code !== '42P07') throw error;
        });
        statements += 1;
      }
      statements += await ensureStatistics(client, dbName, collection, table);
    }
    return statements;
  } finally {
    await client.end();
  }
}
