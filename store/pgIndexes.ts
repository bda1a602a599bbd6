// PostgreSQL-side indexes for FerretDB v1 on PostgreSQL. FerretDB pushes an equality filter down as
// `_jsonb->'field' @> '"value"'` (even for `_id`), which its own btree indexes (`(_jsonb->'field')`) cannot serve: every
// find, by id too, scanned the whole table. A GIN index on the same expression (jsonb_path_ops) serves it; FerretDB
// leaves indexes it did not create alone (its own metadata lists only its own).
import pg from 'pg';
import { SORT_FIELDS, sortKeyExpr } from './pgSql';

/** The fields of each collection whose equality filters get a GIN index (arrays too: `@>` finds an element). */
export const GIN_INDEXED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  tasks: ['_id', 'street', 'assignee', 'candidateGroups', 'candidateUsers', 'instanceId'],
  taskHistory: ['_id', 'instanceId', 'street'],
  taskCounts: ['_id', 'kind', 'user', 'street'],
  instances: ['_id', 'street', 'status', 'parentInstanceId', 'startedBy', 'businessKey', 'waitingSignals'],
};

/** The sort fields of each collection's lists read by SQL (store/pgReads.ts): a btree index on the key and the `_id` tiebreak each. */
export const SORT_INDEXED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  tasks: ['dueDate', 'priority', 'createdAt'],
  instances: ['startedAt'],
};

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The CREATE INDEX statement of one field's GIN index on a FerretDB table (name within PostgreSQL's 63 bytes). */
export function ginIndexSql(schema: string, table: string, field: string): string {
  const name = `${table}_${field.replace(/[^A-Za-z0-9]/g, '')}_gin`.slice(0, 63);
  return `CREATE INDEX IF NOT EXISTS ${ident(name)} ON ${ident(schema)}.${ident(table)} USING gin ((_jsonb->${literal(field)}) jsonb_path_ops)`;
}

/** The CREATE INDEX statement of one sort field's btree index (the same expressions as the SQL's ORDER BY). */
export function sortIndexSql(schema: string, table: string, field: string): string {
  const name = `${table}_${field.replace(/[^A-Za-z0-9]/g, '')}_sort`.slice(0, 63);
  return `CREATE INDEX IF NOT EXISTS ${ident(name)} ON ${ident(schema)}.${ident(table)} ((${sortKeyExpr(field, SORT_FIELDS[field])}), (${sortKeyExpr('_id', 'text')}))`;
}

/**
 * Creates the GIN indexes of GIN_INDEXED_FIELDS and the sort indexes of SORT_INDEXED_FIELDS on the tables FerretDB keeps for database `dbName` (a PostgreSQL
 * schema of that name), for the collections that exist; idempotent. Answers how many statements ran.
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
      const statementsOf = [...(GIN_INDEXED_FIELDS[collection] ?? []).map((f) => ginIndexSql(dbName, table, f)), ...(SORT_INDEXED_FIELDS[collection] ?? []).map((f) => sortIndexSql(dbName, table, f))];
      for (const statement of statementsOf) {
        // A server and a worker starting together race on the same name: the loser's error is the winner's index.
        await client.query(statement).catch((error: { code?: string }) => {
          if (error.code !== '23505' && error.code !== '42P07') throw error;
        });
        statements += 1;
      }
    }
    return statements;
  } finally {
    await client.end();
  }
}
