// The campaign benchmark (`npm run bench -- --campaign 10000`, issue 13): a campaign case whose parallel multi-instance
// call activity starts one site case per item of a 10,000-item collection, each site case waiting in the task list.
// Measures, on real servers (a Temporal dev server, FerretDB or MONGODB_URI, the express app and a worker in this
// process): seconds until every site task is listed, the campaign workflow's history (events and bytes), peak memory
// of this process (worker and server), how fast the site tasks are completed through the API, and the seconds from
// the last completion until the campaign case completes. Writes bench/results/campaign.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../server/app';
import { DEMO_PASSWORD, seedDemoData } from '../server/seed';
import { Task } from '../store/models/task';
import { createLogger } from '../platform/logger';
import { bundleWorkflows, createSparrowWorker } from '../worker/createWorker';
import { installSdkLogger } from '../worker/sdkLogger';
import { startBenchServers } from './benchServers';
import { campaignXml, SITE_PROCESS, siteXml } from './campaignProcesses';
import { processCpuSeconds, temporalServerPid } from './processCpu';

const RESULTS = path.join(__dirname, 'results', 'campaign.json');
const TASK_QUEUE = 'bench-campaign';
/** Task completions sent through the API at once. */
const COMPLETERS = 8;

/** The options of `--campaign [N] [--campaign-budget-s S]`: how many sites, and the wall seconds the run may take (default 3,600). */
export interface CampaignOptions {
  sites: number;
  budgetS: number;
}

/** Reads the campaign options from the command line; null when `--campaign` is not given. */
export function campaignOptions(argv: string[]): CampaignOptions | null {
  const at = argv.indexOf('--campaign');
  if (at < 0) return null;
  const value = argv[at + 1] && !argv[at + 1].startsWith('--') ? Number(argv[at + 1]) : 10_000;
  if (!Number.isInteger(value) || value < 1) throw new Error('--campaign takes a positive whole number of sites, e.g. 10000');
  const budgetAt = argv.indexOf('--campaign-budget-s');
  const budgetS = budgetAt < 0 ? 3_600 : Number(argv[budgetAt + 1]);
  if (!(budgetS > 0)) throw new Error('--campaign-budget-s takes a positive number of seconds');
  return { sites: value, budgetS };
}

/** A signed-in API user (supertest agent with the CSRF token). */
async function signIn(app: ReturnType<typeof createApp>, username: string) {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}`);
  const csrf = res.body.csrfToken as string;
  return {
    get: (url: string) => agent.get(url),
    post: (url: string, body: object, idempotencyKey?: string) => {
      const req = agent.post(url).set('X-CSRF-Token', csrf);
      return (idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req).send(body);
    },
  };
}

/** Polls until `check` is true (every `everyMs`), failing after `timeoutS`. */
async function until(what: string, timeoutS: number, everyMs: number, check: () => Promise<boolean>): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutS * 1000) throw new Error(`${what}: not within ${timeoutS} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Runs the campaign benchmark with `sites` site cases and prints and writes its figures. */
export async function runCampaign({ sites, budgetS }: CampaignOptions): Promise<void> {
  installSdkLogger(createLogger('bench', 'warn'));
  const { env, ferretdb, stop } = await startBenchServers('sparrow_bench_campaign');
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 500);
  try {
    const worker = await createSparrowWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue: TASK_QUEUE, workflows: { workflowBundle: await bundleWorkflows() } });
    const app = createApp({ client: env.client, connection: env.connection, taskQueue: TASK_QUEUE, log: createLogger('bench', 'silent'), designerDir: '/nonexistent' });
    await seedDemoData();
    const owner = await signIn(app, 'owner');
    const staff = await signIn(app, 'bajiao-staff');
    for (const xml of [siteXml(), campaignXml()]) {
      const res = await owner.post('/api/deployments', { xml });
      if (res.status >= 300) throw new Error(`deploy answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    await worker.runUntil(async () => {
      const siteCodes = Array.from({ length: sites }, (_, i) => `BJ-${String(i + 1).padStart(5, '0')}`);
      const temporalPid = temporalServerPid(env.address);
      const cpu = () => ({ ferretdb: processCpuSeconds(ferretdb?.process.pid), temporal: processCpuSeconds(temporalPid), worker: process.cpuUsage() });
      const spent = (from: ReturnType<typeof cpu>) => {
        const now = cpu();
        const own = process.cpuUsage(from.worker);
        const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a - b) * 10) / 10);
        return { ferretdbCpuS: diff(now.ferretdb, from.ferretdb), temporalCpuS: diff(now.temporal, from.temporal), workerAndServerCpuS: Math.round((own.user + own.system) / 1e5) / 10 };
      };
      const cpu0 = cpu();
      const t0 = Date.now();
      const deadline = t0 + budgetS * 1000;
      const started = await staff.post('/api/instances', { definitionKey: 'campaign', businessKey: `campaign-${sites}`, street: 'bajiao', variables: { sites: siteCodes } });
      if (started.status !== 201) throw new Error(`start answered ${started.status}: ${JSON.stringify(started.body)}`);
      const campaignId = started.body.id as string;
      const open = () => Task.countDocuments({ definitionKey: SITE_PROCESS, status: 'open' });
      await until('all site tasks listed', budgetS, 1000, async () => (await open()) >= sites);
      const listedS = (Date.now() - t0) / 1000;
      const listingCpu = spent(cpu0);
      const q0 = Date.now();
      const listed = await staff.get(`/api/tasks?definitionKey=${SITE_PROCESS}&status=open&size=20`);
      const taskListMs = Date.now() - q0;
      if (listed.body.total !== sites) throw new Error(`the task list shows ${listed.body.total} site tasks, not ${sites}`);
      console.log(`${sites} site tasks listed after ${listedS.toFixed(1)} s (a task-list page with its count: ${taskListMs} ms)`);

      const ids = (await Task.find({ definitionKey: SITE_PROCESS, status: 'open' }).select({ _id: 1 }).lean()).map((t) => String(t._id));
      const cpu1 = cpu();
      const c0 = Date.now();
      let next = 0;
      let timeouts = 0;
      await Promise.all(
        Array.from({ length: COMPLETERS }, async () => {
          // past the budget the completing stops; the figures then say how many were completed and how fast
          while (next < ids.length && Date.now() < deadline) {
            const id = ids[next++];
            // a completion that outlasts the API's Update timeout (504) is sent again under the same Idempotency-Key
            let res = await staff.post(`/api/tasks/${encodeURIComponent(id)}/complete`, { variables: { outcome: '已整改' } }, id);
            for (let retry = 0; res.status === 504 && retry < 3; retry++) {
              timeouts += 1;
              res = await staff.post(`/api/tasks/${encodeURIComponent(id)}/complete`, { variables: { outcome: '已整改' } }, id);
            }
            if (res.status !== 200) throw new Error(`completing ${id} answered ${res.status}: ${JSON.stringify(res.body)}`);
          }
        }),
      );
      const lastCompleted = Date.now();
      const completed = Math.min(next, ids.length);
      const completeS = (lastCompleted - c0) / 1000;
      const handle = env.client.workflow.getHandle(campaignId);
      let parentDoneS: number | null = null;
      if (completed === sites) {
        const result = (await handle.result()) as { status: string; variables: Record<string, unknown> };
        parentDoneS = (Date.now() - lastCompleted) / 1000;
        if (result.status !== 'completed') throw new Error(`the campaign ended ${result.status}`);
        const outcomes = result.variables.outcomes;
        if (!Array.isArray(outcomes) || outcomes.length !== sites || outcomes.some((o) => o !== '已整改')) throw new Error('the campaign did not collect one outcome per site');
      }
      const completingCpu = spent(cpu1);
      const description = await handle.describe();
      const figures = {
        at: new Date().toISOString(),
        sites,
        cores: os.cpus().length,
        store: process.env.MONGODB_URI ? `MONGODB_URI at ${new URL(process.env.MONGODB_URI).host}` : 'FerretDB (SQLite)',
        listedS,
        taskListPageMs: taskListMs,
        campaignHistoryEvents: description.historyLength,
        campaignHistoryBytes: description.historySize ?? null,
        peakRssMb: Math.round(peakRss / 1e6),
        completed,
        completeS,
        completionsPerS: completed / completeS,
        completionTimeouts: timeouts,
        parentDoneAfterLastS: parentDoneS,
        listingCpu,
        completingCpu,
      };
      console.log(JSON.stringify(figures, null, 2));
      console.log(`goal: all ${sites} site tasks listed within 60 s — ${listedS < 60 ? 'met' : 'missed'}`);
      fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
      fs.writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
    });
  } finally {
    clearInterval(sampler);
    await stop();
  }
}
