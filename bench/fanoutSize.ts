// One size of the fan-out benchmark, run in its own process by bench/fanout.ts: compiles the fan-out process, then
// drives the pure interpreter with the events the case runner (workflows/caseRunner.ts) would feed it, on a fake clock,
// timing every step() call; reports progress to the parent so a size over its time budget can be stopped.
import { performance } from 'node:perf_hooks';
import { compile } from '../engine/compile';
import type { ExecutableModel } from '../engine/model';
import { DEFAULT_LIMITS, emptyState, type EngineEvent, type EngineLimits, type EngineState, rejectionOf, step } from '../engine/interpreter';
import { caseSummaryOf } from '../workflows/caseViews';
import { parallelFanoutXml } from './parallelFanout';

/** In which order the N jobs complete: shuffled (seeded, like concurrent activities), as started, or reversed. */
export type FanoutOrder = 'shuffle' | 'fifo' | 'reverse';
/** What each job returns: one new variable named after its task (like `npm run bench`'s job), or nothing. */
export type FanoutResult = 'one' | 'none';

/** What the parent asks a child to run. */
export interface SizeOptions {
  branches: number;
  order: FanoutOrder;
  result: FanoutResult;
}

/** Times summed over the steps driven so far (CPU from process.cpuUsage, user + system; wall from performance.now). */
export interface StepTotals {
  /** step() calls made (the start, then one per completed job). */
  steps: number;
  stepCpuUs: number;
  stepWallMs: number;
  /** CPU of the start step alone (it spawns every branch). */
  startStepCpuUs: number;
  /** CPU of the slowest single step. */
  maxStepCpuUs: number;
  /** CPU the case runner spends around each step outside step(): its rejectionOf check and caseSummaryOf. */
  runnerCpuUs: number;
}

/** Messages from a child to the parent. */
export type SizeMessage =
  | { kind: 'compiled'; compileS: number }
  | { kind: 'progress'; totals: StepTotals }
  | { kind: 'done'; totals: StepTotals };

const cpuUs = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

/** A small seeded generator (mulberry32), so the shuffled order is the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ordered<T>(items: T[], order: FanoutOrder, random: () => number): T[] {
  if (order === 'fifo') return items;
  if (order === 'reverse') return [...items].reverse();
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Compiles the fan-out process of `branches` service tasks (over 5,000 branches it exceeds the default 50,000 XML elements: limits raised). */
export async function fanoutModel(branches: number): Promise<ExecutableModel> {
  const compiled = await compile(parallelFanoutXml(branches), { maxElements: 20 * branches + 100, maxBytes: 1000 * branches + 10_000 });
  if (compiled.problems.length) throw new Error(compiled.problems.map((p) => p.message).join('; '));
  return compiled.processes[0].model;
}

/** Runs one case of the model to its end (start, then every job completed), checks it completed; calls `onStep` after each step. */
export function driveFanout(model: ExecutableModel, options: SizeOptions, onStep: (totals: StepTotals) => void = () => undefined): { state: EngineState; totals: StepTotals } {
  // The default limits: the loop guard counts each branch's own run, so a wide fan-out needs no room of its own.
  const limits: EngineLimits = DEFAULT_LIMITS;
  let clock = Date.parse('2026-01-01T00:00:00.000Z');
  const at = () => new Date(clock++).toISOString();
  const random = seeded(12);
  const totals: StepTotals = { steps: 0, stepCpuUs: 0, stepWallMs: 0, startStepCpuUs: 0, maxStepCpuUs: 0, runnerCpuUs: 0 };
  let state = emptyState('bench-fanout', at());
  const jobs: Array<{ waitId: string; elementId: string }> = [];
  const apply = (event: EngineEvent) => {
    const c0 = cpuUs();
    const refused = rejectionOf(state, event, limits);
    const c1 = cpuUs();
    const w1 = performance.now();
    if (refused) throw new Error(`event ${event.type} refused: ${refused}`);
    const result = step(model, state, event, limits);
    const w2 = performance.now();
    const c2 = cpuUs();
    state = result.state;
    caseSummaryOf(state, model);
    const c3 = cpuUs();
    totals.steps += 1;
    totals.stepCpuUs += c2 - c1;
    totals.stepWallMs += w2 - w1;
    totals.maxStepCpuUs = Math.max(totals.maxStepCpuUs, c2 - c1);
    totals.runnerCpuUs += c1 - c0 + (c3 - c2);
    if (event.type === 'start') totals.startStepCpuUs = c2 - c1;
    const started = result.commands.flatMap((c) => (c.type === 'runJob' ? [{ waitId: c.waitId, elementId: c.elementId }] : []));
    jobs.push(...ordered(started, options.order, random));
    onStep(totals);
  };
  apply({ type: 'start', at: at(), actor: 'bench', instanceId: state.instanceId, variables: { case: 1 } });
  for (let done = 0; done < jobs.length; done++) {
    const job = jobs[done];
    const variables = options.result === 'one' ? { [job.elementId]: done } : {};
    apply({ type: 'jobCompleted', at: at(), waitId: job.waitId, variables });
  }
  const incidents = Object.values(state.incidents).map((i) => i.message);
  if (state.status !== 'completed' || incidents.length) throw new Error(`the case ended ${state.status}; incidents: ${incidents.join('; ') || 'none'}`);
  if (totals.steps !== options.branches + 1) throw new Error(`expected ${options.branches + 1} steps, drove ${totals.steps}`);
  return { state, totals };
}

/** The child's main: warm up on 100 branches (untimed), then measure the asked size, reporting twice a second. */
async function main(options: SizeOptions): Promise<void> {
  const send = (message: SizeMessage) => new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
  const t0 = performance.now();
  const model = await fanoutModel(options.branches);
  await send({ kind: 'compiled', compileS: (performance.now() - t0) / 1000 });
  driveFanout(await fanoutModel(100), { ...options, branches: 100 });
  let reported = performance.now();
  const { totals } = driveFanout(model, options, (progress) => {
    if (performance.now() - reported < 500) return;
    reported = performance.now();
    void send({ kind: 'progress', totals: { ...progress } });
  });
  await send({ kind: 'done', totals });
}

if (require.main === module) {
  main(JSON.parse(process.argv[2]) as SizeOptions).then(
    () => process.disconnect?.(),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
