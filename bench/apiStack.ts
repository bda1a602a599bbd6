// The whole product for benchmarks that go through the API or the browser: the bench servers (Temporal dev server,
// FerretDB or MONGODB_URI), a worker with the built-in job types, the express app (serving the built designer when
// asked) listening on 127.0.0.1, the demo users, and signed-in HTTP sessions that keep their cookie like a browser.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtinJobTypes } from '../activities/jobs';
import { hashPassword } from '../server/auth/passwords';
import { createApp } from '../server/app';
import { stopCalendarRollouts } from '../server/services/calendarRollout';
import { DEMO_PASSWORD, seedDemoData } from '../server/seed';
import { createLogger } from '../platform/logger';
import { User } from '../store/models';
import { bundleWorkflows, createSparrowWorker } from '../worker/createWorker';
import { installSdkLogger } from '../worker/sdkLogger';
import { type BenchServers, startBenchServers } from './benchServers';

const TASK_QUEUE = 'bench-api';

/** A running product on loopback. */
export interface ApiBenchStack {
  servers: BenchServers;
  baseURL: string;
  taskQueue: string;
  stop(): Promise<void>;
}

/** Starts servers, worker and app on database `dbName`; `designerDir` is the built designer the app serves at `/`. */
export async function startApiBenchStack(dbName: string, options: { designerDir?: string } = {}): Promise<ApiBenchStack> {
  installSdkLogger(createLogger('bench', 'warn'));
  const servers = await startBenchServers(dbName);
  const { env } = servers;
  const worker = await createSparrowWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue: TASK_QUEUE, jobTypes: builtinJobTypes, workflows: { workflowBundle: await bundleWorkflows() } });
  const running = worker.run();
  await seedDemoData();
  const app = createApp({
    client: env.client,
    connection: env.connection,
    taskQueue: TASK_QUEUE,
    log: createLogger('bench-api', 'silent'),
    designerDir: options.designerDir ?? '/nonexistent',
    loginRateLimit: { windowMs: 60_000, limit: 10_000 },
    loginIpRateLimit: { windowMs: 60_000, limit: 10_000 },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    servers,
    baseURL: `http://127.0.0.1:${port}`,
    taskQueue: TASK_QUEUE,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stopCalendarRollouts();
      worker.shutdown();
      await running;
      await servers.stop();
    },
  };
}

/** Creates task workers `names` (enforcement staff of street bajiao, group enforcement) with the demo password. */
export async function createBenchUsers(names: string[]): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  await User.insertMany(
    names.map((name) => ({ _id: name, displayName: name, passwordHash, roles: ['enforcement-staff'], groups: ['enforcement'], orgUnits: ['bajiao', 'chengguan'], streets: ['bajiao'], disabled: false, credentialVersion: 0, createdAt: now, updatedAt: now })),
  );
}

/** A signed-in user over HTTP: the session cookie and the CSRF token sent like the web app sends them. */
export interface HttpSession {
  username: string;
  /** Sends a request; resolves to the status and the parsed JSON body (null when there is none). */
  request(method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

/** Signs `username` in through POST /api/auth/login. */
export async function signIn(baseURL: string, username: string, password = DEMO_PASSWORD): Promise<HttpSession> {
  const login = await fetch(`${baseURL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (login.status !== 200) throw new Error(`login as ${username} answered ${login.status}: ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return {
    username,
    async request(method, url, body) {
      const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${baseURL}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
  };
}
