// Jest global setup: starts the run's own FerretDB (unless MONGODB_URI names a MongoDB) and bundles the workflows once.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { bundleWorkflows } from '../../worker/createWorker';
import { FERRETDB_BIN, ROOT } from './paths';

declare global {
  var __sparrowTestStack: { ferretdb?: ChildProcess; dir: string } | undefined;
}

function freePort(): Promise<number> {
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
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`FerretDB did not answer on port ${port} within 30 s; see ${logFile}`);
}

/** Starts the test servers and writes their addresses into the environment the test workers inherit. */
export default async function globalSetup(): Promise<void> {
  const dir = path.join(ROOT, '.data', `test-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  globalThis.__sparrowTestStack = { dir };
  if (process.env.MONGODB_URI) {
    process.env.SPARROW_TEST_MONGODB_URI = process.env.MONGODB_URI;
  } else {
    if (!fs.existsSync(FERRETDB_BIN)) throw new Error(`FerretDB is not provisioned at ${FERRETDB_BIN}: run 'npm run setup' (npm test does it for you)`);
    const port = await freePort();
    const dataDir = path.join(dir, 'ferretdb');
    fs.mkdirSync(dataDir, { recursive: true });
    const logFile = path.join(dir, 'ferretdb.log');
    const log = fs.openSync(logFile, 'a');
    const ferretdb = spawn(
      FERRETDB_BIN,
      ['--handler=sqlite', `--sqlite-url=file:${dataDir}/`, `--state-dir=${dataDir}`, `--listen-addr=127.0.0.1:${port}`, '--debug-addr=-', '--telemetry=disable', '--log-level=warn'],
      { stdio: ['ignore', log, log] },
    );
    globalThis.__sparrowTestStack.ferretdb = ferretdb;
    await waitForPort(port, ferretdb, logFile);
    process.env.SPARROW_TEST_MONGODB_URI = `mongodb://127.0.0.1:${port}/`;
  }
  const bundlePath = path.join(dir, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, (await bundleWorkflows()).code);
  process.env.SPARROW_TEST_WORKFLOW_BUNDLE = bundlePath;
}
