// The real servers a benchmark runs on: FerretDB (or the MongoDB of MONGODB_URI) with a fresh database, and a Temporal
// dev server with Sparrow's search attributes; stopped together, the database dropped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import mongoose from 'mongoose';
import { connectMongo } from '../store/db';
import { searchAttributes } from '../workflows/definitions';
import { type RunningFerretDb, startFerretDb } from '../scripts/lib/ferretdb';

const ROOT = path.resolve(__dirname, '..');

/** A benchmark's servers: the Temporal environment, the FerretDB it started (none with MONGODB_URI), and how to stop both. */
export interface BenchServers {
  env: TestWorkflowEnvironment;
  ferretdb: RunningFerretDb | undefined;
  stop(): Promise<void>;
}

/**
 * Starts FerretDB (unless MONGODB_URI is set) with the empty database `dbName`, connects mongoose, and starts a Temporal
 * dev server (`temporalArgs`: extra `start-dev` arguments, e.g. `--dynamic-config-value` for eager activity dispatch).
 */
export async function startBenchServers(dbName: string, temporalLogLevel = 'warn', temporalArgs: string[] = []): Promise<BenchServers> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${dbName}-`));
  const ferretdb = process.env.MONGODB_URI ? undefined : await startFerretDb(path.join(ROOT, '.tools/bin/ferretdb'), dir);
  const mongoUri = new URL(process.env.MONGODB_URI ?? (ferretdb as RunningFerretDb).uri);
  mongoUri.pathname = `/${dbName}`;
  // Drop what an earlier run left before connectMongo creates the product's indexes (dropping after would remove them).
  await mongoose.connect(mongoUri.toString());
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
  await connectMongo(mongoUri.toString());
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: path.join(ROOT, '.tools/bin/temporal') }, searchAttributes: Object.values(searchAttributes), log: { format: 'pretty', level: temporalLogLevel }, extraArgs: temporalArgs },
  });
  return {
    env,
    ferretdb,
    async stop() {
      await mongoose.connection.dropDatabase().catch(() => undefined);
      await mongoose.disconnect();
      await env.teardown();
      await ferretdb?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
