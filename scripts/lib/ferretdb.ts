// Starts a private FerretDB (SQLite backend) on a free loopback port, for test runs and benchmarks.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A running FerretDB: its base URI and how to stop it. */
export interface RunningFerretDb {
  uri: string;
  process: ChildProcess;
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

/** Starts FerretDB with its data and log under `dir`; telemetry off, no debug listener. */
export async function startFerretDb(binary: string, dir: string): Promise<RunningFerretDb> {
  if (!fs.existsSync(binary)) throw new Error(`FerretDB is not provisioned at ${binary}: run 'npm run setup'`);
  const dataDir = path.join(dir, 'ferretdb');
  fs.mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const logFile = path.join(dir, 'ferretdb.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    binary,
    ['--handler=sqlite', `--sqlite-url=file:${dataDir}/`, `--state-dir=${dataDir}`, `--listen-addr=127.0.0.1:${port}`, '--debug-addr=-', '--telemetry=disable', '--log-level=warn'],
    { stdio: ['ignore', log, log] },
  );
  await waitForPort(port, child, logFile);
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    },
  };
}
