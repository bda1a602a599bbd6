// A case's audit chain read by SQL on FerretDB/PostgreSQL (store/pgReads.ts sqlAuditChain, what audit/service.ts
// chainOf reads there, each distinct type schema parsed once) gives the rows the Mongo path gives, and verification the same verdict, byte for byte: for an
// intact chain with Chinese, escaped and nested data, and for each kind of tampering (a changed value, a changed data
// text, a deleted row, two rows swapped, a value of another type, data too large for a number). Skipped when the test
// run's FerretDB stores in SQLite.
import mongoose from 'mongoose';
import { buildChain, GENESIS_HASH } from '../../audit/chain';
import { chainOf, verifyCase } from '../../audit/service';
import type { AuditEntry } from '../../contracts/caseData';
import { connectMongo } from '../../store/db';
import { AuditEvent, auditRowId } from '../../store/models/auditEvent';
import { sqlAuditChain, usePostgresReads } from '../../store/pgReads';

const onPostgres = Boolean(process.env.SPARROW_POSTGRESQL_URL);

/** Entries with the data a case writes, and some it might: Chinese, quotes and escapes, nesting, numbers, no data. */
function entries(count: number): AuditEntry[] {
  const at = (i: number) => new Date(Date.UTC(2030, 0, 1) + i * 1000).toISOString();
  return Array.from({ length: count }, (_, i): AuditEntry => {
    const elementId = i % 4 === 3 ? undefined : `Task_${i % 3}`;
    const data = [
      undefined,
      { taskId: `案件/${i}`, candidateGroups: ['执法队', 'liaison'] },
      { note: 'quote " back \\ line\n tab\t 😀 \u2028', nested: { z: [1, 2.5, -0, 1e21, null, true], a: { 'é': '八角街道' } } },
      { changes: [{ name: 'result', old: null, new: 'b'.repeat(64) }], count: 12345678901234 },
    ][i % 4];
    return { at: at(i), actor: i % 2 ? 'bajiao-staff' : 'system', kind: i % 3 ? 'task.completed' : 'variables.changed', elementId, tokenId: i % 5 ? `t${i}` : undefined, data };
  });
}

/** Stores a chain of `count` rows for `instanceId`. */
async function storeChain(instanceId: string, count: number): Promise<void> {
  const links = buildChain(instanceId, 2, 1, entries(count), GENESIS_HASH);
  await AuditEvent.insertMany(links.map((l) => ({ ...l, _id: auditRowId(instanceId, l.seq), at: new Date(l.at) })), { lean: true });
}

/** chainOf and verifyCase of `instanceId` by SQL and through FerretDB. */
async function bothPaths(instanceId: string) {
  usePostgresReads(true);
  const sqlRows = await sqlAuditChain(instanceId);
  const sql = { rows: await chainOf(instanceId), verdict: await verifyCase(instanceId) };
  usePostgresReads(false);
  const mongo = { rows: await chainOf(instanceId), verdict: await verifyCase(instanceId) };
  usePostgresReads(true);
  return { sqlRows, sql, mongo };
}

(onPostgres ? describe : describe.skip)('the audit chain read by SQL on FerretDB/PostgreSQL', () => {
  const fellBack: string[] = [];
  const onWarning = (w: Error & { code?: string }) => w.code === 'SPARROW_PG_READS' && fellBack.push(w.message);
  beforeAll(async () => {
    process.on('warning', onWarning);
    const uri = new URL(process.env.SPARROW_TEST_MONGODB_URI as string);
    uri.pathname = `/chain-sql-${process.pid}`;
    await connectMongo(uri.toString());
    await mongoose.connection.dropDatabase();
    await connectMongo(uri.toString());
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    usePostgresReads(true);
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
    // and the SQL path never fell back to the Mongo path
    expect(fellBack).toEqual([]);
  });

  it('should read an intact chain in seq order and verify it as the Mongo path does', async () => {
    // given a chain of 300 rows stored out of order, and a second case's rows beside it
    await storeChain('sql-chain:other', 5);
    const links = buildChain('sql-chain:intact', 2, 1, entries(300), GENESIS_HASH);
    await AuditEvent.insertMany([...links].reverse().map((l) => ({ ...l, _id: auditRowId('sql-chain:intact', l.seq), at: new Date(l.at) })), { lean: true });

    // when it is read and verified by both paths
    const { sqlRows, sql, mongo } = await bothPaths('sql-chain:intact');

    // then SQL read this case's rows alone, and both paths agree on the rows (in seq order) and the verdict
    expect(sqlRows?.map((r) => r.seq).sort((a, b) => Number(a) - Number(b))).toEqual(links.map((l) => l.seq));
    expect(sql.rows).toEqual(mongo.rows);
    expect(sql.rows.map((r) => r.hash)).toEqual(links.map((l) => l.hash));
    expect(sql.verdict).toEqual(mongo.verdict);
    expect(sql.verdict).toMatchObject({ ok: true, chain: { ok: true, rows: 300, closed: false, headHash: links[299].hash }, seal: { status: 'open' } });
    expect(JSON.stringify(sql.verdict)).toBe(JSON.stringify(mongo.verdict));
  });

  const tamperings: Array<{ name: string; reason: string; tamper: (id: string) => Promise<unknown> }> = [
    { name: 'a changed actor', reason: 'hash-mismatch', tamper: (id) => AuditEvent.updateOne({ _id: auditRowId(id, 7) }, { $set: { actor: 'mallory' } }) },
    { name: 'changed data text', reason: 'data-changed', tamper: (id) => AuditEvent.updateOne({ _id: auditRowId(id, 6) }, { $set: { dataJson: '{"note":"改过"}' } }) },
    { name: 'a deleted row', reason: 'missing-row', tamper: (id) => AuditEvent.deleteOne({ _id: auditRowId(id, 9) }) },
    {
      name: 'two rows swapped',
      reason: 'hash-mismatch',
      tamper: async (id) => {
        await AuditEvent.updateOne({ _id: auditRowId(id, 4) }, { $set: { seq: 1004 } });
        await AuditEvent.updateOne({ _id: auditRowId(id, 5) }, { $set: { seq: 4 } });
        await AuditEvent.updateOne({ _id: auditRowId(id, 4) }, { $set: { seq: 5 } });
      },
    },
    { name: 'a value of another type', reason: 'hash-mismatch', tamper: (id) => AuditEvent.collection.updateOne({ _id: auditRowId(id, 3) } as never, { $set: { tokenId: ['t3', { x: 1 }], definitionVersion: '2' } }) },
    { name: 'data with a number too large', reason: 'data-changed', tamper: (id) => AuditEvent.updateOne({ _id: auditRowId(id, 2) }, { $set: { dataJson: '{"n":1e999}' } }) },
  ];

  it.each(tamperings)('should find $name where the Mongo path finds it, with the same verdict', async ({ name, reason, tamper }) => {
    // given a chain of 12 rows, changed
    const id = `sql-chain:${name.replace(/\W+/g, '-')}`;
    await storeChain(id, 12);
    await tamper(id);

    // when both paths read and verify it
    const { sql, mongo } = await bothPaths(id);

    // then both name the same break, and the verdicts are the same text
    expect(sql.verdict).toMatchObject({ ok: false, chain: { broken: { reason } } });
    expect(sql.rows).toEqual(mongo.rows);
    expect(JSON.stringify(sql.verdict)).toBe(JSON.stringify(mongo.verdict));
  });
});
