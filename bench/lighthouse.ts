// Lighthouse mobile performance of the task page (issue 17: ≥ 80), once or --runs N times with their median: the real
// product (bench/apiStack.ts) serving the built designer behind Caddy as docker-compose deploys it (HTTPS, HTTP/2:
// bench/httpsFront.ts), a stall-patrol case whose 现场核查 task (with its form and the case diagram) bajiao-staff
// opens, audited by Lighthouse's default mobile run (simulated slow 4G, 4× CPU) in Debian's chromium. `--plain-http`
// audits the server itself instead (HTTP/1.1, no brotli: what `npm start` serves). Not in npm test.
// Lighthouse is not a project dependency: install it beside the checkout and name its folder, e.g.
//   npm install --prefix /tmp/lh lighthouse chrome-launcher && LIGHTHOUSE_DIR=/tmp/lh npx tsx bench/lighthouse.ts [--runs N]
// With `--profile <file>` the task page is opened instead in playwright's Chromium at 390×844 with the CPU slowed 4× as
// Lighthouse's mobile run assumes, and its main thread's CPU profile written and summarised (bench/browserProfile.ts);
// `--designer-dir <dir>` serves another build, e.g. one built with `--minify false` so the profile names functions.
// With `--trace <file>` the same opening is traced instead, and each main-thread task of 30 ms or more (at 4× slower)
// printed with what filled it (bench/browserTrace.ts): the long tasks Lighthouse's blocking time counts.
// With `--lighthouse-traces` each Lighthouse run also keeps the trace it scored (beside its report) and prints the
// tasks of its real, unthrottled run that its simulation makes 50 ms or longer (4× slower: 12.5 ms and more).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../tests/e2e/support/browser';
import { reportProfile, startProfile } from './browserProfile';
import { longTasks } from './browserTrace';
import { PATROL_REPORT_FORM, STALL_PATROL_BPMN } from '../tests/e2e/support/stallPatrol';
import { ensureDesignerBuild } from '../tests/e2e/support/designerBuild';
import { DEMO_PASSWORD } from '../server/seed';
import { signIn, startApiBenchStack } from './apiStack';
import { type HttpsFront, startHttpsFront } from './httpsFront';

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

/** The session cookie of `username` (signed in at the server `apiURL`), as a browser holds it after signing in. */
async function sessionCookie(apiURL: string, username: string): Promise<string> {
  const res = await fetch(`${apiURL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/**
 * Opens `url` (of the site at `baseURL`, signed in at the server `apiURL`) as a phone with the CPU slowed 4× until the
 * task form shows and the network is quiet, recording its main thread as a CPU profile (`profile`) or a Chrome trace
 * (`trace`) written to `file`, and reports it.
 */
async function recordTaskPage(baseURL: string, apiURL: string, url: string, file: string, kind: 'profile' | 'trace'): Promise<void> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ baseURL, ignoreHTTPSErrors: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const [name, value] = (await sessionCookie(apiURL, 'bajiao-staff')).split('=');
    await context.addCookies([{ name, value, url: baseURL }]);
    const page = await context.newPage();
    // The profiler follows one renderer: a same-origin page first, so the task page's navigation stays in its process.
    await page.goto('/healthz');
    const session = await context.newCDPSession(page);
    await session.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const stop = kind === 'profile' ? await startProfile(page) : undefined;
    if (kind === 'trace') await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
    const t0 = Date.now();
    await page.goto(url);
    await page.getByRole('button', { name: /认\s*领|完\s*成/ }).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    console.log(`task page showed its action and the network went quiet after ${Date.now() - t0} ms (CPU 4× slower, no network throttling)`);
    if (stop) return reportProfile(await stop(), file);
    const trace = (await browser.stopTracing()).toString();
    fs.writeFileSync(file, trace);
    console.log(`trace written to ${file} (opens in Chrome DevTools' Performance panel); main-thread tasks of 30 ms or more:`);
    for (const task of longTasks(trace)) console.log(`  at ${task.atMs} ms, ${task.ms} ms: ${task.inside.map((e) => `${e.name} ${e.ms}`).join(', ')}`);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { profile: { type: 'string' }, trace: { type: 'string' }, 'designer-dir': { type: 'string' }, runs: { type: 'string', default: '1' }, 'plain-http': { type: 'boolean', default: false }, 'lighthouse-traces': { type: 'boolean', default: false } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error(`--runs takes a whole number from 1 to 20, not ${values.runs}`);
  type Launcher = { launch(options: { chromePath: string; chromeFlags: string[] }): Promise<{ port: number; kill(): Promise<void> | void }> };
  type Report = { categories: { performance: { score: number | null } }; audits: Record<string, { displayValue?: string }>; runtimeError?: { code: string; message: string } };
  type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: Report; artifacts: { Trace?: unknown } }>;
  const designerDir = values['designer-dir'] ? path.resolve(values['designer-dir']) : await ensureDesignerBuild();
  const stack = await startApiBenchStack('sparrow_bench_lighthouse', { designerDir });
  let front: HttpsFront | undefined;
  try {
    front = values['plain-http'] ? undefined : await startHttpsFront(stack.baseURL);
    const siteURL = front?.baseURL ?? stack.baseURL;
    console.log(front ? `auditing through Caddy (HTTPS, HTTP/2) at ${siteURL}, as docker-compose serves Sparrow` : `auditing the server itself at ${siteURL} (HTTP/1.1)`);
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
    const url = `${siteURL}/tasks/${encodeURIComponent(taskId)}`;
    if (values.profile) return await recordTaskPage(siteURL, stack.baseURL, url, path.resolve(values.profile), 'profile');
    if (values.trace) return await recordTaskPage(siteURL, stack.baseURL, url, path.resolve(values.trace), 'trace');
    const launcher = await fromLighthouseDir<Launcher>('chrome-launcher');
    const lighthouse = (await fromLighthouseDir<{ default: Lighthouse }>('lighthouse')).default;
    const scores: number[] = [];
    // One run varies by about ±5 (the simulated load follows this machine's timings), so --runs N reports the median.
    for (let run = 1; run <= runs; run += 1) {
      const chrome = await launcher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', ...(front ? ['--ignore-certificate-errors'] : [])] });
      try {
        const { lhr, artifacts } = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], extraHeaders: { Cookie: await sessionCookie(stack.baseURL, 'bajiao-staff') }, logLevel: 'error' });
        const report = path.join(os.tmpdir(), `sparrow-lighthouse-task-page${runs > 1 ? `-${run}` : ''}.json`);
        fs.writeFileSync(report, JSON.stringify(lhr));
        if (values['lighthouse-traces']) {
          const trace = JSON.stringify(artifacts.Trace);
          fs.writeFileSync(report.replace(/\.json$/, '-trace.json'), trace);
          for (const task of longTasks(trace, 12.5)) console.log(`  real-run task at ${task.atMs} ms, ${task.ms} ms: ${task.inside.map((e) => `${e.name} ${e.ms}`).join(', ')}`);
        }
        if (lhr.runtimeError || lhr.categories.performance.score === null) {
          console.log(`run ${run}: Lighthouse gave no score (${lhr.runtimeError?.code ?? 'no score'}: ${lhr.runtimeError?.message ?? '-'}); report ${report}`);
          continue;
        }
        const score = Math.round(lhr.categories.performance.score * 100);
        scores.push(score);
        console.log(`run ${run}: Lighthouse mobile performance of the task page: ${score}`);
        for (const id of METRICS) console.log(`  ${id}: ${lhr.audits[id]?.displayValue ?? '-'}`);
        console.log(`  full report: ${report} (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
      } finally {
        await chrome.kill();
      }
    }
    const sorted = [...scores].sort((a, b) => a - b);
    if (runs > 1 && sorted.length) console.log(`median of ${sorted.length} scored runs: ${sorted[Math.floor((sorted.length - 1) / 2)]} (${sorted.join(', ')})`);
  } finally {
    await front?.stop();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
