// `npm run migrate:postgres` on a seeded SQLite store (issue 15): every document, type and index arrives in the new
// PostgreSQL-backed FerretDB, the audit verification is identical on both sides, the SQLite store is moved aside and
// kept; the migration refuses while the dev stack runs and when the PostgreSQL side already holds data.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BSON, type Document, MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { recordProgress } from '../../activities/readModel';
import { sealPendingCases } from '../../audit/ledger';
import { verifyAll } from '../../audit/service';
import type { CaseSummary, RecordProgressInput } from '../../contracts/activities';
import type { AuditEntry } from '../../contracts/caseData';
import { type RunningFerretDb, startFerretDb } from '../../scripts/lib/ferretdb';
import { connectMongo } from '../../store/db';
import { FERRETDB_BIN, ROOT } from '../support/paths';

const run = promisify(execFile);
const postgresMissing = spawnSync('bash', [path.join(ROOT, 'scripts/pg-cluster'), 'check', FERRETDB_BIN], { encoding: 'utf8' });
const describeWithPostgres = postgresMissing.status === 0 ? describe : describe.skip;
if (postgresMissing.status !== 0) console.warn(`migrate:postgres tests skipped: ${postgresMissing.stdout.trim()}`);

/** Documents in the seeded `extra` database: more than one batch, every BSON type Sparrow's stores might hold. */
const EXTRA_DOCS = 2_345;
const extraDoc = (i: number): Document => ({
  _id: `doc-${String(i).padStart(5, '0')}`,
  n: new BSON.Int32(i),
  big: BSON.Long.fromNumber(i * 1_000_000_007),
  ratio: new BSON.Double(i / 7),
  at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  tags: i % 3 === 0 ? [] : ['a', { nested: [i, null, true] }],
  blob: new BSON.Binary(Buffer.from([i % 256, 1, 2])),
  oid: new BSON.ObjectId(i.toString(16).padStart(24, '0')),
  none: null,
  text: `街道 ${i}`,
});

/** A case's progress write as the workflow's activity makes it. */
function progress(instanceId: string, firstSeq: number, kinds: string[], status: CaseSummary['status']): RecordProgressInput {
  return {
    caseRef: { instanceId, definitionKey: 'migrate', definitionVersion: 1, businessKey: instanceId, street: 'bajiao' },
    startedBy: 'bajiao-staff',
    startedAt: '2026-03-01T08:00:00.000Z',
    firstSeq,
    entries: kinds.map((kind, i) => ({ at: `2026-03-01T08:0${firstSeq + i}:00.000Z`, actor: 'bajiao-staff', kind: kind as AuditEntry['kind'], elementId: `step${i}`, data: { i, kind } })),
    summary: { status, currentElements: [], incidentCount: 0, ...(status === 'running' ? {} : { endedAt: '2026-03-01T09:00:00.000Z' }) },
  };
}

/** Runs the migration on `dataDir`; resolves with its exit code and output. */
async function migrate(dataDir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/migrate-postgres.ts'], {
      cwd: ROOT,
      env: { ...process.env, SPARROW_DATA_DIR: dataDir, SPARROW_FERRETDB_BIN: FERRETDB_BIN },
      timeout: 300_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, out: stdout + stderr };
  }
}

describeWithPostgres('npm run migrate:postgres', () => {
  let dataDir: string;
  let target: RunningFerretDb | undefined;
  /** The seeded store's audit verification, as JSON. */
  let verdictBefore: string;

  beforeAll(async () => {
    // given a SQLite store written the way Sparrow writes it: three cases' audit chains (two closed and sealed) and their
    // summaries, and a second database with more than a batch of documents of every type and a compound unique index
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-migrate-'));
    const source = await startFerretDb(FERRETDB_BIN, dataDir, { backend: 'sqlite' });
    try {
      await connectMongo(`${source.uri}sparrow`);
      await recordProgress(progress('case-open', 1, ['instance.started', 'task.opened'], 'running'));
      await recordProgress(progress('case-done', 1, ['instance.started', 'task.opened', 'task.completed'], 'running'));
      await recordProgress(progress('case-done', 4, ['instance.completed'], 'completed'));
      await recordProgress(progress('instance.cancelled', 1, ['instance.started', 'instance.cancelled'], 'cancelled'));
      await sealPendingCases();
      verdictBefore = JSON.stringify(await verifyAll());
      expect(JSON.parse(verdictBefore)).toMatchObject({ ok: true, cases: 3 });
      const extra = mongoose.connection.getClient().db('extra').collection('things');
      for (let i = 0; i < EXTRA_DOCS; i += 500) await extra.insertMany(Array.from({ length: Math.min(500, EXTRA_DOCS - i) }, (_, k) => extraDoc(i + k)));
      await extra.createIndex({ text: 1, n: -1 }, { name: 'text_n', unique: true });
    } finally {
      await mongoose.disconnect();
      await source.stop();
    }
  }, 180_000);

  afterAll(async () => {
    await mongoose.disconnect();
    await target?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should refuse while the dev stack runs, touching nothing', async () => {
    // given the dev stack's FerretDB pid file naming a live process
    fs.mkdirSync(path.join(dataDir, 'pids'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'pids', 'ferretdb.pid'), String(process.pid));
    try {
      // when migrating
      const { code, out } = await migrate(dataDir);
      // then it refuses and the store stays where it was, with no cluster created
      expect({ code, refused: /refused: the dev stack is running/.test(out) }).toEqual({ code: 2, refused: true });
      expect(fs.existsSync(path.join(dataDir, 'ferretdb', 'sparrow.sqlite'))).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'postgres'))).toBe(false);
    } finally {
      fs.rmSync(path.join(dataDir, 'pids'), { recursive: true, force: true });
    }
  }, 60_000);

  it('should copy every document, type and index, verify the audit chains identically and move the SQLite store aside', async () => {
    // when migrating the stopped store
    const { code, out } = await migrate(dataDir);
    // then it succeeds, saying the audit verification is identical on both sides
    expect({ code, out }).toEqual({ code: 0, out: expect.stringContaining('sparrow: audit verification identical on both sides: 3 cases, every chain and the ledger verify') });
    expect(out).toContain(`extra.things: ${EXTRA_DOCS} documents, 2 indexes, identical`);
    // and the SQLite store is kept beside, no longer where npm start looks
    const aside = fs.readdirSync(dataDir).filter((name) => name.startsWith('ferretdb-sqlite-'));
    expect(aside).toHaveLength(1);
    expect(fs.existsSync(path.join(dataDir, aside[0], 'sparrow.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'ferretdb'))).toBe(false);

    // and FerretDB on the new cluster serves the same documents with their exact types, the index and the same audit verdict
    target = await startFerretDb(FERRETDB_BIN, dataDir, { backend: 'postgresql', durable: true });
    const client = await MongoClient.connect(target.uri);
    try {
      const things = client.db('extra').collection('things');
      expect(await things.countDocuments()).toBe(EXTRA_DOCS);
      const raw = { promoteValues: false, promoteLongs: false, promoteBuffers: false } as const;
      for (const i of [0, 1, 999, 1000, EXTRA_DOCS - 1]) {
        const stored = await things.findOne({ _id: extraDoc(i)._id as unknown as never }, raw);
        expect(BSON.EJSON.stringify(stored, { relaxed: false })).toBe(BSON.EJSON.stringify(extraDoc(i), { relaxed: false }));
      }
      expect((await things.listIndexes().toArray()).map((index) => [index.name, index.key, index.unique ?? false])).toEqual(
        expect.arrayContaining([['text_n', { text: 1, n: -1 }, true]]),
      );
      await expect(things.insertOne({ ...extraDoc(7), _id: 'duplicate-text-n' } as Document)).rejects.toThrow(/duplicate key/i);
    } finally {
      await client.close();
    }
    await mongoose.connect(`${target.uri}sparrow`, { autoIndex: false });
    expect(JSON.stringify(await verifyAll())).toBe(verdictBefore);
    await mongoose.disconnect();
    await target.stop();
    target = undefined;
  }, 300_000);

  it('should refuse when the PostgreSQL store already holds data, keeping the SQLite store', async () => {
    // given the moved-aside SQLite store put back while the cluster holds the migrated data
    const aside = fs.readdirSync(dataDir).find((name) => name.startsWith('ferretdb-sqlite-')) as string;
    fs.cpSync(path.join(dataDir, aside), path.join(dataDir, 'ferretdb'), { recursive: true });
    // when migrating again
    const { code, out } = await migrate(dataDir);
    // then it refuses, and the store and the cluster stay as they were
    expect({ code, refused: /refused: the PostgreSQL store already holds data/.test(out) }).toEqual({ code: 2, refused: true });
    expect(fs.existsSync(path.join(dataDir, 'ferretdb', 'sparrow.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
  }, 120_000);
});
