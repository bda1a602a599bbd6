// Lighthouse mobile performance of the task page (issue 17: ≥ 80), measured once: the real product (bench/apiStack.ts)
// serving the built designer, a stall-patrol case whose 现场核查 task (with its form and the case diagram) bajiao-staff
// opens, audited by Lighthouse's default mobile run (simulated slow 4G, 4× CPU) in Debian's chromium. Not in npm test.
// Lighthouse is not a project dependency: install it beside the checkout and name its folder, e.g.
//   npm install --prefix /tmp/lh lighthouse chrome-launcher && LIGHTHOUSE_DIR=/tmp/lh npx tsx bench/lighthouse.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PATROL_REPORT_FORM, STALL_PATROL_BPMN } from '../tests/e2e/support/stallPatrol';
import { ensureDesignerBuild } from '../tests/e2e/support/designerBuild';
import { DEMO_PASSWORD } from '../server/seed';
import { signIn, startApiBenchStack } from './apiStack';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive', 'total-byte-weight'];

/** Imports an ESM package installed under LIGHTHOUSE_DIR. */
async function fromLighthouseDir<T>(name: string): Promise<T> {
  const dir = process.env.LIGHTHOUSE_DIR;
  if (!dir) throw new Error('set LIGHTHOUSE_DIR to a folder where `npm install lighthouse chrome-launcher` ran');
  const pkg = path.join(dir, 'node_modules', name);
  const { main, exports } = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { main?: string; exports?: unknown };
  const entry = typeof exports === 'object' && exports && '.' in exports ? (exports as Record<string, { import?: string } | string>)['.'] : main;
  const file = typeof entry === 'string' ? entry : (entry?.import ?? main ?? 'index.js');
  return (await import(pathToFileURL(path.join(pkg, file)).href)) as T;
}

/** The session cookie of `username`, as a browser holds it after signing in. */
async function sessionCookie(baseURL: string, username: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function main(): Promise<void> {
  type Launcher = { launch(options: { chromePath: string; chromeFlags: string[] }): Promise<{ port: number; kill(): Promise<void> | void }> };
  type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: { categories: { performance: { score: number } }; audits: Record<string, { displayValue?: string }> } }>;
  const launcher = await fromLighthouseDir<Launcher>('chrome-launcher');
  const lighthouse = (await fromLighthouseDir<{ default: Lighthouse }>('lighthouse')).default;
  const designerDir = await ensureDesignerBuild();
  const stack = await startApiBenchStack('sparrow_bench_lighthouse', { designerDir });
  try {
    const owner = await signIn(stack.baseURL, 'owner');
    await owner.request('PUT', '/api/forms/patrol-report', { schema: PATROL_REPORT_FORM, name: '巡查核查表' });
    const deployed = await owner.request('POST', '/api/deployments', { xml: fs.readFileSync(STALL_PATROL_BPMN, 'utf8'), note: 'lighthouse' });
    if (deployed.status !== 201) throw new Error(`deploying stall-patrol answered ${deployed.status}`);
    const staff = await signIn(stack.baseURL, 'bajiao-staff');
    const started = await staff.request('POST', '/api/instances', { definitionKey: 'stall-patrol', businessKey: `LH-${Date.now()}`, variables: { address: '八角南路 3 号' } });
    if (started.status !== 201) throw new Error(`starting a case answered ${started.status}`);
    let taskId: string | undefined;
    for (let attempt = 0; attempt < 100 && !taskId; attempt += 1) {
      const tasks = (await staff.request('GET', '/api/tasks?status=open,claimed&size=5')).body as { items: Array<{ id: string }> };
      taskId = tasks.items[0]?.id;
      if (!taskId) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (!taskId) throw new Error('the case made no task within 20 s');
    const url = `${stack.baseURL}/tasks/${encodeURIComponent(taskId)}`;
    const chrome = await launcher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], extraHeaders: { Cookie: await sessionCookie(stack.baseURL, 'bajiao-staff') }, logLevel: 'error' });
      console.log(`Lighthouse mobile performance of the task page: ${Math.round(lhr.categories.performance.score * 100)}`);
      for (const id of METRICS) console.log(`  ${id}: ${lhr.audits[id]?.displayValue ?? '-'}`);
      const report = path.join(os.tmpdir(), 'sparrow-lighthouse-task-page.json');
      fs.writeFileSync(report, JSON.stringify(lhr));
      console.log(`  full report: ${report} (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
    } finally {
      await chrome.kill();
    }
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
