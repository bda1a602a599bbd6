// Bench row 6 (`npm run bench -- --designer [nodes]`): open a 1,000-element diagram in the designer. The built web
// app, served by the real product (bench/apiStack.ts), in headless Chromium (playwright-core, Debian's chromium,
// --headless --no-sandbox --disable-gpu, as the browser tests start it). A process of `nodes` flow nodes (start, user
// tasks, end) and their sequence flows, laid out in rows, is saved as a draft; a process owner opens
// /processes/<key> in a fresh browser context each time (nothing cached). Time to interactive: from navigation start
// (the page's performance clock) until the drawn diagram answers a click (the clicked task's name in the properties panel). Also: when all shapes were
// drawn, and when lint reported. Target < 2 s (median of 5). Writes bench/results/row-6.json.
// With `--profile <file>` one more opening is profiled (bench/browserProfile.ts): the .cpuprofile is written and its
// self time by script and function printed (build with `--minify false --outDir <dir>` and pass `--designer-dir <dir>`
// for readable names); nothing is written to bench/results then.
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/support/browser';
import { ensureDesignerBuild } from '../tests/e2e/support/designerBuild';
import { DEMO_PASSWORD } from '../server/seed';
import { signIn, startApiBenchStack } from './apiStack';
import { reportProfile, startProfile } from './browserProfile';
import { databaseOf, percentile, rowResult, writeRowResult } from './rowResult';

const TARGET_MS = 2_000;
const REPEATS = 5;
const PROCESS_KEY = 'bench-large-diagram';
const COLUMNS = 25;
const CELL = { width: 160, height: 130 };

/** The options of `--designer [nodes] [--profile file] [--designer-dir dir]`: flow nodes in the diagram, where a CPU profile goes, which build to serve. */
export interface DesignerOptions {
  nodes: number;
  profileFile?: string;
  designerDir?: string;
}

/** The options of `--designer [nodes] [--profile file] [--designer-dir dir]`, or null without `--designer`. */
export function designerOptions(argv: string[]): DesignerOptions | null {
  const at = argv.indexOf('--designer');
  if (at < 0) return null;
  const nodes = argv[at + 1] && !argv[at + 1].startsWith('--') ? Number(argv[at + 1]) : 1_000;
  if (!Number.isInteger(nodes) || nodes < 3) throw new Error('--designer takes the number of flow nodes, at least 3, e.g. 1000');
  const { values } = parseArgs({ args: argv, options: { profile: { type: 'string' }, 'designer-dir': { type: 'string' } }, strict: false });
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { nodes, profileFile: text(values.profile), designerDir: text(values['designer-dir']) };
}

/** Where cell `i` of the snake layout is (rows alternate direction, so each flow is short). */
function cellOf(i: number): { x: number; y: number } {
  const row = Math.floor(i / COLUMNS);
  const col = row % 2 === 0 ? i % COLUMNS : COLUMNS - 1 - (i % COLUMNS);
  return { x: 100 + col * CELL.width, y: 100 + row * CELL.height };
}

/** A process of `nodes` flow nodes in a chain (start, user tasks with a candidate group, end) with its diagram. */
export function largeDiagramXml(nodes: number): string {
  const ids = Array.from({ length: nodes }, (_, i) => (i === 0 ? 'Start' : i === nodes - 1 ? 'End' : `Task_${i}`));
  const size = (i: number) => (i === 0 || i === nodes - 1 ? { w: 36, h: 36 } : { w: 100, h: 80 });
  const bounds = (i: number) => {
    const { x, y } = cellOf(i);
    const { w, h } = size(i);
    return { x: x + (100 - w) / 2, y: y + (80 - h) / 2, w, h };
  };
  const elements = ids.map((id, i) =>
    i === 0
      ? `<bpmn:startEvent id="Start" name="开始" />`
      : i === nodes - 1
        ? `<bpmn:endEvent id="End" name="结束" />`
        : `<bpmn:userTask id="${id}" name="任务 ${i}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="enforcement" /></bpmn:extensionElements></bpmn:userTask>`,
  );
  const flows = ids.slice(1).map((id, i) => `<bpmn:sequenceFlow id="Flow_${i + 1}" sourceRef="${ids[i]}" targetRef="${id}" />`);
  const shapes = ids.map((id, i) => {
    const b = bounds(i);
    return `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" /></bpmndi:BPMNShape>`;
  });
  const edges = ids.slice(1).map((_, i) => {
    const from = bounds(i);
    const to = bounds(i + 1);
    const sameRow = Math.floor(i / COLUMNS) === Math.floor((i + 1) / COLUMNS);
    const points = sameRow
      ? from.x < to.x
        ? [[from.x + from.w, from.y + from.h / 2], [to.x, to.y + to.h / 2]]
        : [[from.x, from.y + from.h / 2], [to.x + to.w, to.y + to.h / 2]]
      : [[from.x + from.w / 2, from.y + from.h], [to.x + to.w / 2, to.y]];
    return `<bpmndi:BPMNEdge id="Flow_${i + 1}_di" bpmnElement="Flow_${i + 1}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_bench" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${PROCESS_KEY}" name="基准：大流程图" isExecutable="true">
    ${elements.join('\n    ')}
    ${flows.join('\n    ')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="${PROCESS_KEY}">
      ${shapes.join('\n      ')}
      ${edges.join('\n      ')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** One opening's times in ms from navigation: app shell painted, canvas mounted (modeler chunk and draft loaded), shapes drawn, interactive (a click answered), lint reported. */
interface Opening {
  shellMs: number;
  canvasMs: number;
  drawnMs: number;
  interactiveMs: number;
  lintMs: number;
}

/** Records in the page, from navigation start, when the app's shell (its layout, not index.html's header), the canvas and all `nodes` shapes appeared. */
function markProgress(nodes: number): void {
  const marks: Record<string, number> = {};
  (window as unknown as { benchMarks: Record<string, number> }).benchMarks = marks;
  new MutationObserver(() => {
    const now = performance.now();
    if (!marks.shell && document.querySelector('#root .ant-layout')) marks.shell = now;
    const canvas = document.querySelector('[data-testid="bpmn-canvas"]');
    if (!marks.canvas && canvas) marks.canvas = now;
    if (canvas && !marks.drawn && canvas.querySelectorAll('.djs-shape[data-element-id]').length >= nodes) marks.drawn = now;
  }).observe(document, { childList: true, subtree: true });
}

/** The first task shape fully inside the visible canvas: its id and the centre to click. */
async function visibleTask(page: Page): Promise<{ id: string; x: number; y: number }> {
  const found = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="bpmn-canvas"]')?.getBoundingClientRect();
    if (!canvas) return null;
    for (const shape of document.querySelectorAll('[data-testid="bpmn-canvas"] .djs-shape[data-element-id^="Task_"]')) {
      const r = shape.getBoundingClientRect();
      if (r.left >= canvas.left && r.right <= canvas.right && r.top >= canvas.top && r.bottom <= canvas.bottom) {
        return { id: shape.getAttribute('data-element-id') ?? '', x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
    }
    return null;
  });
  if (!found) throw new Error('no task shape is visible on the opened canvas');
  return found;
}

/** Opens the modeler on the large draft in a fresh context of `browser` as `owner`; returns the times. */
async function openOnce(browser: Browser, baseURL: string, nodes: number, pageErrors: string[], profileFile?: string): Promise<Opening> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const login = await context.request.post('/api/auth/login', { data: { username: 'owner', password: DEMO_PASSWORD } });
    if (login.status() !== 200) throw new Error(`login answered ${login.status()}`);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.addInitScript(markProgress, nodes);
    // The profiler follows one renderer: a same-origin page first, so the modeler's navigation stays in its process.
    if (profileFile) await page.goto('/healthz');
    const stopProfile = profileFile ? await startProfile(page) : null;
    await page.goto(`/processes/${PROCESS_KEY}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { benchMarks: Record<string, number> }).benchMarks.drawn !== undefined, undefined, { timeout: 60_000, polling: 'raf' });
    const task = await visibleTask(page);
    await page.mouse.click(task.x, task.y);
    const name = `任务 ${task.id.slice('Task_'.length)}`;
    await page.locator('[data-testid="properties-panel"] .bio-properties-panel-header-label', { hasText: new RegExp(`^${name}$`) }).waitFor({ timeout: 60_000 });
    const interactiveMs = await page.evaluate(() => performance.now());
    await page.getByText(/\d+ 个错误/).first().waitFor({ timeout: 60_000 });
    const lintMs = await page.evaluate(() => performance.now());
    if (stopProfile && profileFile) {
      reportProfile(await stopProfile(), profileFile);
      const resources = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => ({ name: e.name.replace(/^.*\/\/[^/]+/, ''), startMs: Math.round(e.startTime), endMs: Math.round((e as PerformanceResourceTiming).responseEnd) })),
      );
      console.log('what the page fetched, from navigation start:');
      console.table(resources.filter((r) => r.endMs - r.startMs > 5 || r.name.startsWith('/api')));
    }
    const marks = await page.evaluate(() => (window as unknown as { benchMarks: Record<string, number> }).benchMarks);
    const ms = (n: number | undefined) => Math.round(n ?? NaN);
    return { shellMs: ms(marks.shell), canvasMs: ms(marks.canvas), drawnMs: ms(marks.drawn), interactiveMs: ms(interactiveMs), lintMs: ms(lintMs) };
  } finally {
    await context.close();
  }
}

/** Runs row 6 and writes its result. */
export async function runDesignerOpen({ nodes, profileFile, designerDir: builtDir }: DesignerOptions): Promise<void> {
  const designerDir = builtDir ?? (await ensureDesignerBuild());
  const stack = await startApiBenchStack('sparrow_bench_designer', { designerDir });
  let browser: Browser | undefined;
  try {
    const xml = largeDiagramXml(nodes);
    const owner = await signIn(stack.baseURL, 'owner');
    const saved = await owner.request('PUT', `/api/definitions/${PROCESS_KEY}/draft`, { xml });
    if (saved.status !== 200) throw new Error(`saving the draft answered ${saved.status}: ${JSON.stringify(saved.body)}`);
    browser = await launchBrowser();
    const pageErrors: string[] = [];
    console.log(`opening a diagram of ${nodes} flow nodes and ${nodes - 1} sequence flows (${Math.round(xml.length / 1024)} KiB of XML) ${REPEATS + 1} times …`);
    await openOnce(browser, stack.baseURL, nodes, pageErrors);
    if (profileFile) {
      console.table([await openOnce(browser, stack.baseURL, nodes, pageErrors, profileFile)]);
      if (pageErrors.length) throw new Error(`the page threw: ${pageErrors.join('; ')}`);
      return;
    }
    const openings: Opening[] = [];
    for (let i = 0; i < REPEATS; i++) openings.push(await openOnce(browser, stack.baseURL, nodes, pageErrors));
    if (pageErrors.length) throw new Error(`the page threw: ${pageErrors.join('; ')}`);
    const median = (pick: (o: Opening) => number) => percentile(openings.map(pick).sort((a, b) => a - b), 50);
    const values = {
      flowNodes: nodes,
      sequenceFlows: nodes - 1,
      xmlKiB: Math.round(xml.length / 1024),
      interactiveMedianMs: median((o) => o.interactiveMs),
      shellMedianMs: median((o) => o.shellMs),
      canvasMedianMs: median((o) => o.canvasMs),
      drawnMedianMs: median((o) => o.drawnMs),
      lintMedianMs: median((o) => o.lintMs),
      openings,
      chromium: browser.version(),
      database: databaseOf(stack),
    };
    console.table(openings);
    writeRowResult(
      rowResult(
        6,
        'Designer: open a large diagram',
        [{
          what: `Open a ${nodes.toLocaleString('en-US')}-node diagram (${(nodes - 1).toLocaleString('en-US')} flows) in the designer, headless Chromium`,
          figures: `interactive ${values.interactiveMedianMs} ms (app shown ${values.shellMedianMs} ms, canvas mounted ${values.canvasMedianMs} ms, diagram drawn ${values.drawnMedianMs} ms, lint ${values.lintMedianMs} ms; median of ${REPEATS})`,
          target: `< ${TARGET_MS.toLocaleString('en-US')} ms to interactive`,
          pass: values.interactiveMedianMs < TARGET_MS,
          bottleneck: values.interactiveMedianMs < TARGET_MS ? undefined : `the main thread (CPU profile: --profile): ${values.canvasMedianMs} ms until the canvas mounts (app shell and antd, then the modeler page's and workspace's chunks parsed and run while the draft is read), ${values.drawnMedianMs - values.canvasMedianMs} ms in bpmn-js importXML (moddle parse ~1/6; drawing 1,000 shapes and 999 connections with their SVG attributes and measured labels; the page's first layout with the modeler's CSS), ${values.interactiveMedianMs - values.drawnMedianMs} ms until the click is answered (fitting the view forces a layout of the whole SVG; the properties panel renders the task and the Zeebe panel looks up variables over every element). Lint runs one rule per task (designer/src/bpmn/lint/slicedLint.ts)`,
        }],
        values,
        [`Chromium ${values.chromium}, --headless --no-sandbox --disable-gpu, 1366×768, a fresh browser context per opening (nothing cached), after one unmeasured opening.`],
      ),
    );
  } finally {
    await browser?.close();
    await stack.stop();
  }
}
