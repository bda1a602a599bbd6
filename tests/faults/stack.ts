// The stack a fault scenario runs on: FerretDB, the Temporal dev server, the worker and the API server, each its own OS
// process on loopback ports of its own, data under .data/faults-<pid>/<scenario>/ (removed by stop()).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import mongoose from 'mongoose';
import { freePort } from '../../scripts/lib/ferretdb';
import SEARCH_ATTRIBUTE_TYPES from '../../contracts/searchAttributes.json';
import { checkedConnectionOptions } from '../../store/mongoReplyGuard';
import { FERRETDB_BIN, ROOT, TEMPORAL_BIN } from '../support/paths';
import { ManagedChild, whenHttpOk, whenLogSays, whenPortOpen } from './child';

/** The search attributes the dev server registers, as Name=Type (as scripts/dev-stack does, from contracts/searchAttributes.json). */
const SEARCH_ATTRIBUTES = Object.entries(SEARCH_ATTRIBUTE_TYPES).map(([name, type]) => `${name}=${type}`);

/** Where the worker and the server run from: the work tree, or FAULTS_APP_DIR (e.g. an export of a commit with node_modules linked). */
const APP_DIR = process.env.FAULTS_APP_DIR ?? ROOT;

/** The preload that samples heap-after-GC of the worker and the server (see memoryProbe.mjs). */
const MEMORY_PROBE = pathToFileURL(path.join(ROOT, 'tests', 'faults', 'memoryProbe.mjs')).href;

/** Where the memory probe of server `name` in the stack directory `dir` writes its samples (JSON lines). */
export const memoryFile = (dir: string, name: 'worker' | 'server') => path.join(dir, `${name}.memory.jsonl`);

/** The data directory of this run's fault stacks. */
export const FAULTS_DIR = path.join(ROOT, '.data', `faults-${process.pid}`);

/** A running fault stack. */
export interface FaultStack {
  dir: string;
  /** Base URL of the API server, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  mongoUri: string;
  temporalAddress: string;
  ferretdb: ManagedChild;
  temporal: ManagedChild;
  worker: ManagedChild;
  server: ManagedChild;
  /** The runner's own connection to the database, for checking what was stored. */
  db: mongoose.Connection;
  /** Kills every process and removes the data directory (kept when FAULTS_KEEP=1). */
  stop(): Promise<void>;
}

/** Starts FerretDB, Temporal, the worker and the API server for `scenario`. */
export async function startFaultStack(scenario: string): Promise<FaultStack> {
  const dir = path.join(FAULTS_DIR, scenario);
  fs.mkdirSync(path.join(dir, 'ferretdb'), { recursive: true });
  const [mongoPort, temporalPort, httpPort] = [await freePort(), await freePort(), await freePort()];
  const mongoUri = `mongodb://127.0.0.1:${mongoPort}/sparrow`;
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const baseUrl = `http://127.0.0.1:${httpPort}`;
  const appEnv = {
    MONGODB_URI: mongoUri,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: 'sparrow',
    NODE_ENV: 'development',
    SESSION_SECRET: 'fault-suite-session-secret-0123456789',
    IBM_TELEMETRY_DISABLED: 'true',
  };
  // Each Node server carries the memory probe, which writes its samples to memoryFile(dir, name).
  const node = (name: 'worker' | 'server', entry: string, env: NodeJS.ProcessEnv, ready: ManagedChild['spec']['ready']) =>
    new ManagedChild({
      name,
      command: process.execPath,
      args: ['--expose-gc', '--import', 'tsx', '--import', MEMORY_PROBE, entry],
      cwd: APP_DIR,
      env: { ...appEnv, FAULTS_MEMORY_FILE: memoryFile(dir, name), ...env },
      logFile: path.join(dir, `${name}.log`),
      ready,
    });
  const ferretdb = new ManagedChild({
    name: 'ferretdb',
    command: FERRETDB_BIN,
    args: ['--handler=sqlite', `--sqlite-url=file:${dir}/ferretdb/`, `--state-dir=${dir}/ferretdb`, `--listen-addr=127.0.0.1:${mongoPort}`, '--debug-addr=-', '--telemetry=disable', '--log-level=warn'],
    logFile: path.join(dir, 'ferretdb.log'),
    ready: whenPortOpen(mongoPort),
  });
  const temporal = new ManagedChild({
    name: 'temporal',
    command: TEMPORAL_BIN,
    args: ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(temporalPort), '--db-filename', path.join(dir, 'temporal.db'), '--log-level', 'warn', ...SEARCH_ATTRIBUTES.flatMap((sa) => ['--search-attribute', sa])],
    logFile: path.join(dir, 'temporal.log'),
    ready: whenPortOpen(temporalPort),
  });
  const worker = node('worker', 'worker/main.ts', { LOG_LEVEL: 'info' }, whenLogSays(/"msg":"worker running"/));
  const server = node('server', 'server/main.ts', { PORT: String(httpPort), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, whenHttpOk(`${baseUrl}/healthz`));
  const db = mongoose.createConnection();
  const stop = async () => {
    await db.close(true).catch(() => undefined);
    await Promise.all([server, worker, temporal, ferretdb].map((c) => c.kill('SIGKILL')));
    if (process.env.FAULTS_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all([ferretdb.start(), temporal.start()]);
    await db.openUri(mongoUri, { serverSelectionTimeoutMS: 10_000, socketTimeoutMS: 30_000, ...checkedConnectionOptions });
    await server.start(); // seeds the demo users
    await worker.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { dir, baseUrl, mongoUri, temporalAddress, ferretdb, temporal, worker, server, db, stop };
}
