// Reads of the hot lists straight from PostgreSQL when FerretDB v1 stores there (SPARROW_POSTGRESQL_URL): FerretDB v1
// pushes down only single-value equality and never sort or limit with a filter, so it decodes and sorts every row a
// list's street matches in Go; the same query as SQL (ORDER BY ... LIMIT on the expression indexes of pgIndexes.ts)
// reads one page. This depends on FerretDB v1's storage layout (metadata table, `_jsonb` with its `$s` schema): it is
// checked once per database and, if it is not what this code knows, logged once and the Mongo path is used. The same
// way a case's audit chain is read (sqlAuditChain): FerretDB v1 answers that find at a few thousand rows/s.
import mongoose from 'mongoose';
import pg from 'pg';
import { decodeFerretDocument, schemaTextDecoder } from './pgDecode';
import { chainSql, countSql, groupCountSql, pageSql, type SqlQuery } from './pgSql';

/** The FerretDB version whose PostgreSQL layout this code reads. */
export const FERRETDB_LAYOUT_VERSION = /^v?1\.24\./;

let pool: pg.Pool | null = null;
let poolUrl: string | undefined;
let enabled = true;
const tables = new Map<string, Promise<Map<string, string> | null>>();
const warned = new Set<string>();

function warnOnce(what: string, detail: unknown): void {
  if (warned.has(what)) return;
  warned.add(what);
  process.emitWarning(`${what}: ${detail instanceof Error ? detail.message : String(detail)}; the hot lists read through FerretDB`, { code: 'SPARROW_PG_READS' });
}

/** Turns the PostgreSQL reads on or off (tests compare both paths); on by default when SPARROW_POSTGRESQL_URL is set. */
export function usePostgresReads(on: boolean): void {
  enabled = on;
}

function currentPool(): pg.Pool | null {
  const url = process.env.SPARROW_POSTGRESQL_URL;
  if (!enabled || !url) return null;
  if (!pool || poolUrl !== url) {
    void pool?.end();
    pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 30_000, allowExitOnIdle: true });
    pool.on('error', () => undefined);
    poolUrl = url;
    tables.clear();
  }
  return pool;
}

/** The FerretDB version the mongo connection reports (buildInfo's ferretdbVersion; none: not FerretDB). */
async function ferretVersion(): Promise<string | undefined> {
  const info = (await mongoose.connection.db?.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: string } | undefined;
  return info?.ferretdbVersion;
}

/** Collection name → table of database `db`, after checking the layout; null (logged once) when it is not FerretDB v1.24's. */
async function loadTables(client: pg.Pool, db: string): Promise<Map<string, string> | null> {
  try {
    const version = await ferretVersion();
    if (!version || !FERRETDB_LAYOUT_VERSION.test(version)) throw new Error(`FerretDB version ${version ?? 'none'} is not v1.24`);
    const columns = await client.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = '_ferretdb_database_metadata'`,
      [db],
    );
    if (columns.rows.length !== 1 || columns.rows[0].column_name !== '_jsonb' || columns.rows[0].data_type !== 'jsonb') throw new Error(`no FerretDB v1 metadata table in schema ${db}`);
    const rows = await client.query<{ collection: string; table: string }>(`SELECT _jsonb->>'_id' AS collection, _jsonb->>'table' AS table FROM "${db.replace(/"/g, '""')}"._ferretdb_database_metadata`);
    return new Map(rows.rows.filter((r) => r.collection && r.table).map((r) => [r.collection, r.table]));
  } catch (error) {
    warnOnce(`PostgreSQL reads off for database ${db}`, error);
    return null;
  }
}

/** The table FerretDB keeps for `collection` in the connected database, or null when the SQL path is off. */
async function tableOf(collection: string): Promise<{ client: pg.Pool; schema: string; table: string } | null> {
  const client = currentPool();
  const schema = mongoose.connection.name;
  if (!client || !schema) return null;
  let known = tables.get(schema);
  let map = await known;
  if (!known || (map && !map.has(collection))) {
    // A collection created after the first look: read the metadata again.
    known = loadTables(client, schema);
    tables.set(schema, known);
    map = await known;
  }
  const table = map?.get(collection);
  return table ? { client, schema, table } : null;
}

async function run<T>(collection: string, build: (schema: string, table: string) => SqlQuery | null, read: (rows: Record<string, unknown>[]) => T): Promise<T | null> {
  const where = await tableOf(collection);
  const query = where && build(where.schema, where.table);
  if (!where || !query) return null;
  try {
    return read((await where.client.query(query.text, query.values)).rows);
  } catch (error) {
    warnOnce(`PostgreSQL read of ${collection} failed`, error);
    return null;
  }
}

/**
 * One page of `collection` matching `filter` in `sort` read by SQL, decoded as the driver would; null when the SQL
 * path is off or the query does not translate (the caller reads through FerretDB).
 */
export function sqlPage<T = Record<string, unknown>>(collection: string, filter: Record<string, unknown>, sort: Record<string, 1 | -1>, skip: number, limit: number): Promise<T[] | null> {
  return run(collection, (schema, table) => pageSql(schema, table, filter, sort, skip, limit), (rows) => rows.map((r) => decodeFerretDocument(r._jsonb as Record<string, unknown>) as T));
}

/** How many rows of `collection` match `filter`, counted by SQL; null as for sqlPage. */
export function sqlCount(collection: string, filter: Record<string, unknown>): Promise<number | null> {
  return run(collection, (schema, table) => countSql(schema, table, filter), (rows) => Number(rows[0]?.n ?? 0));
}

/** How many rows of `collection` each combination of the text fields `fields` has (`values` in their order, null when missing); null as for sqlPage. */
export function sqlGroupCount(collection: string, fields: readonly string[]): Promise<Array<{ values: Array<string | null>; n: number }> | null> {
  return run(collection, (schema, table) => groupCountSql(schema, table, fields), (rows) => rows.map((r) => ({ values: fields.map((_, i) => (r[`g${i}`] as string | null) ?? null), n: Number(r.n) })));
}

/** The audit rows (auditEvents) of case `instanceId` read by SQL (in no order), decoded as the driver would; null as for sqlPage. */
export function sqlAuditChain<T = Record<string, unknown>>(instanceId: string): Promise<T[] | null> {
  const decode = schemaTextDecoder();
  return run('auditEvents', (schema, table) => chainSql(schema, table, instanceId), (rows) => rows.map((r) => decode(r.doc as Record<string, unknown>, r.schema as string) as T));
}
