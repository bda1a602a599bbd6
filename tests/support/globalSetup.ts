// Jest global setup: starts the run's own FerretDB (unless MONGODB_URI names a MongoDB) and bundles the workflows once.
import fs from 'node:fs';
import path from 'node:path';
import { type RunningFerretDb, startFerretDb } from '../../scripts/lib/ferretdb';
import { bundleWorkflows } from '../../worker/createWorker';
import { FERRETDB_BIN, ROOT } from './paths';

declare global {
  var __sparrowTestStack: { ferretdb?: RunningFerretDb; dir: string } | undefined;
}

/** Starts the test servers and writes their addresses into the environment the test workers inherit. */
export default async function globalSetup(): Promise<void> {
  const dir = path.join(ROOT, '.data', `test-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  globalThis.__sparrowTestStack = { dir };
  if (process.env.MONGODB_URI) {
    process.env.SPARROW_TEST_MONGODB_URI = process.env.MONGODB_URI;
  } else {
    const ferretdb = await startFerretDb(FERRETDB_BIN, dir);
    globalThis.__sparrowTestStack.ferretdb = ferretdb;
    process.stderr.write(`[sparrow] the test run's FerretDB runs on ${ferretdb.backend === 'postgresql' ? 'PostgreSQL' : 'SQLite'} (${ferretdb.uri})\n`);
    process.env.SPARROW_TEST_MONGODB_URI = ferretdb.uri;
    // FerretDB on PostgreSQL: the app under test reads the hot lists by SQL (store/pgReads.ts) as in production.
    if (ferretdb.postgresUrl) process.env.SPARROW_POSTGRESQL_URL = ferretdb.postgresUrl;
  }
  const bundlePath = path.join(dir, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, (await bundleWorkflows()).code);
  process.env.SPARROW_TEST_WORKFLOW_BUNDLE = bundlePath;
}
