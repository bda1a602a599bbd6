// `npm run migrate:postgres`: moves the local SQLite FerretDB store ($SPARROW_DATA_DIR/ferretdb, default .data/) to
// FerretDB on PostgreSQL (.data/postgres/), verified. Starts the old store and the new one on spare ports, copies every
// collection of every database in bounded batches with its options and indexes, then checks that both sides hold the
// same documents (per-collection counts and content digests, the same indexes) and that `npm run audit:verify --all`'s
// verification gives identical results on both; only then moves the SQLite store aside (.data/ferretdb-sqlite-<date>),
// never deleting it. Refuses while the dev stack runs or when the PostgreSQL side already holds data.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BSON, type Db, type Document, MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { verifyAll } from '../audit/service';
import '../store/models';
import { checkedConnectionOptions } from '../store/mongoReplyGuard';
import { postgresUnavailable, type RunningFerretDb, startFerretDb } from './lib/ferretdb';

const ROOT = path.resolve(__dirname, '..');
const DATA_DIR = path.resolve(process.env.SPARROW_DATA_DIR ?? path.join(ROOT, '.data'));
const FERRETDB_BIN = process.env.SPARROW_FERRETDB_BIN ?? path.join(ROOT, '.tools/bin/ferretdb');
/** Documents per read batch and per insert. */
const BATCH = 1000;
const SYSTEM_DATABASES = new Set(['admin', 'config', 'local']);
/** Read documents with their exact BSON types (an Int32 stays an Int32, a Long a Long), so copies and digests keep them. */
const RAW = { promoteValues: false, promoteLongs: false, promoteBuffers: false } as const;

/** Why the migration stops (printed without a stack trace). */
class Refusal extends Error {}

/** What one collection holds on one side. */
interface CollectionFacts {
  count: number;
  digest: string;
  indexes: string[];
}

const say = (line: string) => console.log(`[migrate] ${line}`);

/** Refuses unless there is a SQLite store with data, the dev stack is stopped and FerretDB can run on PostgreSQL. */
async function preconditions(): Promise<void> {
  const store = path.join(DATA_DIR, 'ferretdb');
  if (!fs.existsSync(store) || !fs.readdirSync(store).some((f) => f.endsWith('.sqlite'))) throw new Refusal(`nothing to migrate: ${store} holds no SQLite databases`);
  const status = execFileSync('bash', [path.join(ROOT, 'scripts/dev-stack'), 'status'], { encoding: 'utf8', env: { ...process.env, SPARROW_DATA_DIR: DATA_DIR } });
  const running = status.split('\n').filter((line) => line.includes(': running'));
  if (running.length > 0) throw new Refusal(`the dev stack is running (${running.join('; ')}): stop Sparrow (Ctrl-C on npm start, or npm run dev-stack -- stop) first`);
  const reason = await postgresUnavailable(FERRETDB_BIN);
  if (reason) throw new Refusal(`FerretDB cannot run on PostgreSQL here: ${reason}`);
}

/** The user databases on a server. */
async function databases(client: MongoClient): Promise<string[]> {
  const { databases: list } = await client.db('admin').admin().listDatabases({ nameOnly: true });
  return list.map((d) => d.name).filter((name) => !SYSTEM_DATABASES.has(name)).sort();
}

/** The collections of a database with their creation options. */
async function collections(db: Db): Promise<{ name: string; options: Document }[]> {
  const list = await db.listCollections({ type: 'collection' }, { nameOnly: false }).toArray();
  return list.map((c) => ({ name: c.name, options: (c as { options?: Document }).options ?? {} })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Refuses when the PostgreSQL side already holds a document. */
async function refuseNonEmptyTarget(target: MongoClient): Promise<void> {
  for (const name of await databases(target)) {
    for (const { name: collection } of await collections(target.db(name))) {
      if ((await target.db(name).collection(collection).estimatedDocumentCount()) > 0) {
        throw new Refusal(`the PostgreSQL store already holds data (${name}.${collection}); the migration only fills an empty one`);
      }
    }
  }
}

/** Copies one collection: its options, its documents in batches of BATCH, then its indexes (except _id's). */
async function copyCollection(from: Db, to: Db, name: string, options: Document): Promise<number> {
  await to.createCollection(name, options);
  const target = to.collection(name);
  let batch: Document[] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await target.insertMany(batch, { ordered: true, ...RAW });
    copied += batch.length;
    batch = [];
  };
  for await (const doc of from.collection(name).find({}, { batchSize: BATCH, ...RAW })) {
    batch.push(doc);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  const indexes = (await from.collection(name).listIndexes().toArray()).filter((index) => index.name !== '_id_').map(({ v: _v, ns: _ns, ...spec }) => spec);
  if (indexes.length > 0) await to.command({ createIndexes: name, indexes });
  return copied;
}

/** Count, order-independent content digest (XOR of each document's SHA-256 over canonical Extended JSON) and indexes. */
async function factsOf(db: Db, name: string): Promise<CollectionFacts> {
  const digest = Buffer.alloc(32);
  let count = 0;
  for await (const doc of db.collection(name).find({}, { batchSize: BATCH, ...RAW })) {
    const hash = createHash('sha256').update(BSON.EJSON.stringify(doc, { relaxed: false })).digest();
    for (let i = 0; i < 32; i++) digest[i] ^= hash[i];
    count++;
  }
  const indexes = (await db.collection(name).listIndexes().toArray()).map((i) => JSON.stringify({ name: i.name, key: i.key, unique: i.unique ?? false })).sort();
  return { count, digest: digest.toString('hex'), indexes };
}

/** `npm run audit:verify -- --all`'s verification of database `name` behind `uri`, as comparable JSON. */
async function auditVerdict(uri: string, name: string): Promise<string> {
  const url = new URL(uri);
  url.pathname = `/${name}`;
  await mongoose.connect(url.toString(), { autoIndex: false, autoCreate: false, serverSelectionTimeoutMS: 10_000, ...checkedConnectionOptions });
  try {
    return JSON.stringify(await verifyAll());
  } finally {
    await mongoose.disconnect();
  }
}

/** Compares both sides collection by collection and the audit verification of every database with an audit chain. */
async function verify(source: RunningFerretDb, target: RunningFerretDb, from: MongoClient, to: MongoClient): Promise<string[]> {
  const problems: string[] = [];
  const [sourceDbs, targetDbs] = [await databases(from), await databases(to)];
  if (JSON.stringify(sourceDbs) !== JSON.stringify(targetDbs)) problems.push(`databases differ: ${sourceDbs.join(',')} vs ${targetDbs.join(',')}`);
  for (const name of sourceDbs) {
    const names = (await collections(from.db(name))).map((c) => c.name);
    const targetNames = (await collections(to.db(name))).map((c) => c.name);
    if (JSON.stringify(names) !== JSON.stringify(targetNames)) problems.push(`${name}: collections differ: ${names.join(',')} vs ${targetNames.join(',')}`);
    for (const collection of names) {
      const [a, b] = [await factsOf(from.db(name), collection), await factsOf(to.db(name), collection)];
      if (a.count !== b.count) problems.push(`${name}.${collection}: ${a.count} documents in SQLite, ${b.count} in PostgreSQL`);
      else if (a.digest !== b.digest) problems.push(`${name}.${collection}: same count (${a.count}) but different contents`);
      if (JSON.stringify(a.indexes) !== JSON.stringify(b.indexes)) problems.push(`${name}.${collection}: indexes differ: ${a.indexes.join(' ')} vs ${b.indexes.join(' ')}`);
      say(`${name}.${collection}: ${b.count} documents, ${b.indexes.length} indexes${a.count === b.count && a.digest === b.digest ? ', identical' : ''}`);
    }
    if (names.includes('auditEvents')) {
      const [a, b] = [await auditVerdict(source.uri, name), await auditVerdict(target.uri, name)];
      const verdict = JSON.parse(b) as { ok: boolean; cases: number; findings: unknown[] };
      if (a !== b) problems.push(`${name}: the audit verification differs between SQLite and PostgreSQL:\n  ${a}\n  ${b}`);
      else say(`${name}: audit verification identical on both sides: ${verdict.cases} cases, ${verdict.ok ? 'every chain and the ledger verify' : `${verdict.findings.length} problem(s), as in the SQLite store (npm run audit:verify -- --all lists them)`}`);
    }
  }
  return problems;
}

/** A name for the SQLite store moved aside: ferretdb-sqlite-<UTC date and time>, never an existing one. */
function asideName(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let candidate = path.join(DATA_DIR, `ferretdb-sqlite-${stamp}`);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(DATA_DIR, `ferretdb-sqlite-${stamp}-${n}`);
  return candidate;
}

async function main(): Promise<void> {
  await preconditions();
  const clusterDir = path.join(DATA_DIR, 'postgres');
  const freshCluster = !fs.existsSync(clusterDir);
  let source: RunningFerretDb | undefined;
  let target: RunningFerretDb | undefined;
  let moved = false;
  try {
    source = await startFerretDb(FERRETDB_BIN, DATA_DIR, { backend: 'sqlite' });
    target = await startFerretDb(FERRETDB_BIN, DATA_DIR, { backend: 'postgresql', durable: true });
    say(`SQLite store ${path.join(DATA_DIR, 'ferretdb')} → PostgreSQL cluster ${clusterDir}`);
    const [from, to] = [await MongoClient.connect(source.uri), await MongoClient.connect(target.uri)];
    try {
      await refuseNonEmptyTarget(to);
      for (const name of await databases(from)) {
        for (const { name: collection, options } of await collections(from.db(name))) {
          const copied = await copyCollection(from.db(name), to.db(name), collection, options);
          say(`copied ${name}.${collection}: ${copied} documents`);
        }
      }
      const problems = await verify(source, target, from, to);
      if (problems.length > 0) throw new Error(`verification failed, the SQLite store stays in use:\n- ${problems.join('\n- ')}`);
    } finally {
      await Promise.all([from.close(), to.close()]);
    }
    await Promise.all([source.stop(), target.stop()]);
    const aside = asideName();
    fs.renameSync(path.join(DATA_DIR, 'ferretdb'), aside);
    moved = true;
    say(`done: FerretDB's data is now in PostgreSQL (${clusterDir}); the SQLite store was moved to ${aside} (kept; delete it yourself once you are satisfied). npm start now runs on PostgreSQL.`);
  } finally {
    await Promise.all([source?.stop(), target?.stop()]);
    if (!moved && freshCluster && fs.existsSync(clusterDir)) {
      // The half-filled cluster this run created would make the next run refuse: remove it (the SQLite store is untouched).
      fs.rmSync(clusterDir, { recursive: true, force: true });
      fs.rmSync(path.join(DATA_DIR, 'ferretdb-pg'), { recursive: true, force: true });
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[migrate] ${error instanceof Refusal ? 'refused' : 'failed'}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof Refusal ? 2 : 1);
  },
);
