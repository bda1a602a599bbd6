// Starts a private FerretDB on a free loopback port, for test runs, benchmarks and the migration: on PostgreSQL (its
// own cluster, see scripts/pg-cluster) when PostgreSQL is available, else on SQLite, saying why.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const PG_CLUSTER = path.resolve(__dirname, '..', 'pg-cluster');
const run = promisify(execFile);
const SETPRIV = '/usr/bin/setpriv';

/** The storage FerretDB runs on. */
export type FerretDbBackend = 'sqlite' | 'postgresql';

/** How to start FerretDB. */
export interface FerretDbOptions {
  /** The backend; by default SPARROW_FERRETDB_BACKEND, else PostgreSQL when available, else SQLite. */
  backend?: FerretDbBackend;
  /**
   * Data that must survive (the migration's target): PostgreSQL keeps fsync and its cluster stays in `dir/postgres`
   * (search permission is granted on the way when needed). Otherwise a throw-away cluster: no fsync, moved to a
   * private temporary directory when PostgreSQL's user cannot enter `dir`, and stopped when this process dies.
   */
  durable?: boolean;
}

/** A running FerretDB: its base URI, its backend, and how to stop it (and its PostgreSQL). */
export interface RunningFerretDb {
  uri: string;
  backend: FerretDbBackend;
  process: ChildProcess;
  /** The PostgreSQL postmaster's pid (PostgreSQL backend only): its CPU is the database's too. */
  postgresPid?: number;
  /** The URL of the PostgreSQL database FerretDB stores in (PostgreSQL backend only), for SPARROW_POSTGRESQL_URL. */
  postgresUrl?: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port: number, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited with code ${child.exitCode}; see ${logFile}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`FerretDB did not answer on port ${port} within 30 s; see ${logFile}`);
}

/** Sends `signal` and waits up to `ms` for the exit; true when the process is gone. */
async function signalAndWait(child: ChildProcess, signal: NodeJS.Signals, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  child.kill(signal);
  return Promise.race([exited, new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
}

/** Why FerretDB cannot run on PostgreSQL here (one line), or null when it can. */
export async function postgresUnavailable(binary: string): Promise<string | null> {
  try {
    await run('bash', [PG_CLUSTER, 'check', binary]);
    return null;
  } catch (error) {
    const { stdout } = error as { stdout?: string };
    return stdout?.trim() || String(error);
  }
}

/** The backend to use: asked for, forced by SPARROW_FERRETDB_BACKEND, or PostgreSQL when available; says why not. */
async function chooseBackend(binary: string, asked: FerretDbBackend | undefined): Promise<FerretDbBackend> {
  const forced = asked ?? process.env.SPARROW_FERRETDB_BACKEND;
  if (forced && forced !== 'sqlite' && forced !== 'postgresql') throw new Error(`SPARROW_FERRETDB_BACKEND must be 'sqlite' or 'postgresql', not '${forced}'`);
  if (forced === 'sqlite') return 'sqlite';
  const reason = await postgresUnavailable(binary);
  if (reason === null) return 'postgresql';
  if (forced === 'postgresql') throw new Error(`FerretDB on PostgreSQL was asked for, but ${reason}`);
  process.stderr.write(`[sparrow] FerretDB runs on SQLite, not PostgreSQL: ${reason}\n`);
  return 'sqlite';
}

/** A private PostgreSQL cluster serving on a free port, stopped by `stop`. */
interface RunningPostgres {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Where a cluster for `dir` lives: `dir/postgres`, or (throw-away) a private temporary directory PostgreSQL can enter. */
async function clusterHome(dir: string, durable: boolean): Promise<{ cluster: string; scratch?: string }> {
  if (durable) return { cluster: path.join(dir, 'postgres') };
  const { stdout: blocked } = await run('bash', [PG_CLUSTER, 'blocked', dir]);
  if (!blocked.trim()) return { cluster: path.join(dir, 'postgres') };
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-pg-'));
  fs.chmodSync(scratch, 0o711);
  return { cluster: path.join(scratch, 'cluster'), scratch };
}

/** Creates (once) and starts a PostgreSQL cluster for `dir`, on a free port; retries a port someone took meanwhile. */
async function startPostgres(dir: string, durable: boolean): Promise<RunningPostgres> {
  const mode = durable ? 'durable' : 'ephemeral';
  const { cluster, scratch } = await clusterHome(dir, durable);
  const logFile = path.join(dir, 'postgres.log');
  try {
    await run('bash', [PG_CLUSTER, 'init', cluster, mode]);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const log = fs.openSync(logFile, 'a');
      const child = spawn('bash', [PG_CLUSTER, 'run', cluster, String(port), mode], { stdio: ['ignore', log, log] });
      fs.closeSync(log);
      const exited = new Promise<'exited'>((resolve) => child.once('exit', () => resolve('exited')));
      const ready = run('bash', [PG_CLUSTER, 'ready', String(port), '60']).then(() => 'ready' as const, () => 'timeout' as const);
      const outcome = await Promise.race([ready, exited]);
      if (outcome === 'timeout') {
        await signalAndWait(child, 'SIGQUIT', 5_000);
        throw new Error(`PostgreSQL (${cluster}) did not accept connections on port ${port} within 60 s; see ${logFile}`);
      }
      if (outcome === 'ready') {
        return {
          port,
          pid: child.pid as number,
          async stop() {
            // SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for clients); SIGQUIT as the last resort.
            if (!(await signalAndWait(child, 'SIGINT', 30_000))) await signalAndWait(child, 'SIGQUIT', 5_000);
            if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
          },
        };
      }
      if (attempt === 3) throw new Error(`PostgreSQL (${cluster}) did not start; see ${logFile}`);
    }
  } catch (error) {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Starts FerretDB with its state and log under `dir` (SQLite data and state in `dir/ferretdb`; on PostgreSQL the
 * cluster in `dir/postgres` and the state in `dir/ferretdb-pg`); telemetry off, no debug listener.
 */
export async function startFerretDb(binary: string, dir: string, options: FerretDbOptions = {}): Promise<RunningFerretDb> {
  if (!fs.existsSync(binary)) throw new Error(`FerretDB is not provisioned at ${binary}: run 'npm run setup'`);
  const backend = await chooseBackend(binary, options.backend);
  const dataDir = path.join(dir, 'ferretdb');
  const stateDir = backend === 'postgresql' ? path.join(dir, 'ferretdb-pg') : dataDir;
  fs.mkdirSync(stateDir, { recursive: true });
  const postgres = backend === 'postgresql' ? await startPostgres(dir, options.durable ?? false) : undefined;
  const postgresUrl = postgres && `postgres://sparrow@127.0.0.1:${postgres.port}/ferretdb`;
  const store = postgresUrl
    ? ['--handler=postgresql', `--postgresql-url=${postgresUrl}`]
    : ['--handler=sqlite', `--sqlite-url=file:${dataDir}/`];
  const port = await freePort();
  const logFile = path.join(dir, 'ferretdb.log');
  const log = fs.openSync(logFile, 'a');
  const args = [...store, `--state-dir=${stateDir}`, `--listen-addr=127.0.0.1:${port}`, '--debug-addr=-', '--telemetry=disable', '--log-level=warn'];
  // A throw-away FerretDB goes when this process does (killed test runs left them running); setpriv execs, same pid.
  const child = options.durable || !fs.existsSync(SETPRIV) ? spawn(binary, args, { stdio: ['ignore', log, log] }) : spawn(SETPRIV, ['--pdeathsig', 'TERM', '--', binary, ...args], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  try {
    await waitForPort(port, child, logFile);
  } catch (error) {
    await signalAndWait(child, 'SIGKILL', 5_000);
    await postgres?.stop();
    throw error;
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    backend,
    process: child,
    ...(postgres ? { postgresPid: postgres.pid, postgresUrl } : {}),
    async stop() {
      await signalAndWait(child, 'SIGTERM', 5_000);
      await postgres?.stop();
    },
  };
}
