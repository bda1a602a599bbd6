// The fuzzing run's own stack as child processes: FerretDB, a headless Temporal dev server, the worker and the web server.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import SEARCH_ATTRIBUTE_TYPES from '../../contracts/searchAttributes.json';
import { freePort, startFerretDb } from '../../scripts/lib/ferretdb';
import { FERRETDB_BIN, ROOT, TEMPORAL_BIN } from '../support/paths';

/** The search attributes scripts/dev-stack registers (contracts/searchAttributes.json), as Name=Type, so cases can be listed by them. */
const SEARCH_ATTRIBUTES = Object.entries(SEARCH_ATTRIBUTE_TYPES).map(([name, type]) => `${name}=${type}`);

/** A running fuzzing stack: the app's base URL and how to stop everything. */
export interface FuzzStack {
  baseUrl: string;
  /** Where the processes' logs are. */
  dir: string;
  stop(): Promise<void>;
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

async function waitUntil(what: string, child: ChildProcess, logFile: string, ready: () => Promise<boolean>, seconds = 120): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}; see ${logFile}`);
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} was not ready within ${seconds} s; see ${logFile}`);
}

function launch(dir: string, name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; logFile: string } {
  const logFile = path.join(dir, `${name}.log`);
  const log = fs.openSync(logFile, 'a');
  // Its own process group, so stopping it also stops what npx/tsx started under it.
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  return { child, logFile };
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const done = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000).unref())]);
  if (!done) signal('SIGKILL');
}

/** Starts FerretDB, Temporal, the worker and the server (development mode, so demo users are seeded) under `dir`. */
export async function startFuzzStack(dir: string): Promise<FuzzStack> {
  const children: ChildProcess[] = [];
  const ferretdb = await startFerretDb(FERRETDB_BIN, dir);
  const stop = async () => {
    for (const child of children.reverse()) await stopGroup(child);
    await ferretdb.stop();
  };
  try {
    const [temporalPort, httpPort, metricsPort, appPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const temporal = launch(dir, 'temporal', TEMPORAL_BIN, [
      'server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(temporalPort), '--http-port', String(httpPort),
      '--metrics-port', String(metricsPort), '--log-level', 'warn', ...SEARCH_ATTRIBUTES.flatMap((sa) => ['--search-attribute', sa]),
    ]);
    children.push(temporal.child);
    await waitUntil('the Temporal dev server', temporal.child, temporal.logFile, () => portOpen(temporalPort));
    const env = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      TEMPORAL_TASK_QUEUE: 'sparrow-fuzz',
      MONGODB_URI: `${ferretdb.uri}sparrow_fuzz`,
      PORT: String(appPort),
      HOST: '127.0.0.1',
    };
    const worker = launch(dir, 'worker', 'npx', ['tsx', 'worker/main.ts'], env);
    children.push(worker.child);
    const server = launch(dir, 'server', 'npx', ['tsx', 'server/main.ts'], env);
    children.push(server.child);
    const baseUrl = `http://127.0.0.1:${appPort}`;
    const healthy = () => fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false);
    await waitUntil('the web server', server.child, server.logFile, async () => {
      if (worker.child.exitCode !== null) throw new Error(`the worker exited with code ${worker.child.exitCode}; see ${worker.logFile}`);
      return healthy();
    });
    return { baseUrl, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
