// The fan-out benchmark (`npm run bench -- --fanout 100,1000,10000`, issue 12): interpreter CPU per step of one case
// whose parallel gateway splits into N service tasks, for each N, each size in its own process and within a time
// budget. No Temporal, no database. Prints a table and the per-step ratio of the largest N to the smallest against
// the target (≤ 1.5), and writes bench/results/fanout.json.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FanoutOrder, FanoutResult, SizeMessage, SizeOptions, StepTotals } from './fanoutSize';

/** Largest per-step ratio (largest N / smallest N) the issue accepts. */
export const TARGET_RATIO = 1.5;
const DEFAULT_SIZES = [100, 1000, 10000];
const RESULTS = path.join(__dirname, 'results', 'fanout.json');

/** The benchmark's options, from `--fanout [N,...] [--fanout-budget-s S] [--fanout-order shuffle|fifo|reverse] [--fanout-result one|none]`. */
export interface FanoutOptions {
  sizes: number[];
  /** Wall seconds one size may take (compile and warm-up included) before it is stopped. */
  budgetS: number;
  order: FanoutOrder;
  result: FanoutResult;
}

/** One size's outcome; per-step figures are over the steps driven (all of them unless stopped). */
export interface SizeRow {
  branches: number;
  outcome: 'done' | 'over budget' | 'failed';
  steps: number;
  plannedSteps: number;
  compileS: number | null;
  cpuS: number;
  cpuPerStepUs: number | null;
  wallPerStepUs: number | null;
  startStepMs: number | null;
  maxStepMs: number | null;
  runnerPerStepUs: number | null;
}

/** Reads the fan-out options from the command line; null when `--fanout` is not given (the Temporal bench runs). */
export function fanoutOptions(argv: string[]): FanoutOptions | null {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (!flag.startsWith('--fanout')) continue;
    const next = argv[i + 1];
    const value = inline ?? (next !== undefined && !next.startsWith('--') ? (i++, next) : '');
    values.set(flag, value);
  }
  if (!values.has('--fanout')) return null;
  const unknown = [...values.keys()].filter((k) => !['--fanout', '--fanout-budget-s', '--fanout-order', '--fanout-result'].includes(k));
  if (unknown.length) throw new Error(`unknown option ${unknown.join(', ')}`);
  const sizes = values.get('--fanout') ? (values.get('--fanout') as string).split(',').map(Number) : DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--fanout takes positive whole numbers, e.g. 100,1000,10000`);
  const budgetS = Number(values.get('--fanout-budget-s') || 300);
  if (!(budgetS > 0)) throw new Error('--fanout-budget-s takes a positive number of seconds');
  const order = (values.get('--fanout-order') || 'shuffle') as FanoutOrder;
  if (!['shuffle', 'fifo', 'reverse'].includes(order)) throw new Error('--fanout-order is shuffle, fifo or reverse');
  const result = (values.get('--fanout-result') || 'one') as FanoutResult;
  if (!['one', 'none'].includes(result)) throw new Error('--fanout-result is one or none');
  return { sizes, budgetS, order, result };
}

function rowOf(branches: number, outcome: SizeRow['outcome'], compileS: number | null, totals: StepTotals | null): SizeRow {
  const t = totals ?? { steps: 0, stepCpuUs: 0, stepWallMs: 0, startStepCpuUs: 0, maxStepCpuUs: 0, runnerCpuUs: 0 };
  const per = (sum: number) => (t.steps ? sum / t.steps : null);
  return {
    branches, outcome, steps: t.steps, plannedSteps: branches + 1, compileS, cpuS: t.stepCpuUs / 1e6,
    cpuPerStepUs: per(t.stepCpuUs), wallPerStepUs: per(t.stepWallMs * 1000),
    startStepMs: t.steps ? t.startStepCpuUs / 1000 : null, maxStepMs: t.steps ? t.maxStepCpuUs / 1000 : null,
    runnerPerStepUs: per(t.runnerCpuUs),
  };
}

/** Runs one size in a child process (bench/fanoutSize.ts); kills it when it exceeds the budget. */
function runSize(options: SizeOptions, budgetS: number): Promise<SizeRow> {
  return new Promise((resolve) => {
    const child = fork(path.join(__dirname, 'fanoutSize.ts'), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let compileS: number | null = null;
    let last: StepTotals | null = null;
    let row: SizeRow | null = null;
    const timer = setTimeout(() => {
      row = rowOf(options.branches, 'over budget', compileS, last);
      child.kill('SIGKILL');
    }, budgetS * 1000);
    child.on('message', (message: SizeMessage) => {
      if (message.kind === 'compiled') compileS = message.compileS;
      else if (message.kind === 'progress') last = message.totals;
      else row = rowOf(options.branches, 'done', compileS, message.totals);
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(row ?? rowOf(options.branches, 'failed', compileS, last));
    });
  });
}

const fixed = (value: number | null, digits: number) => (value === null ? '' : value.toFixed(digits));

/** Runs every size, prints the table and the ratio, writes bench/results/fanout.json. */
export async function runFanout(options: FanoutOptions): Promise<void> {
  const loadBefore = os.loadavg();
  console.log(`fan-out benchmark: ${options.sizes.join(', ')} parallel service tasks, jobs complete ${options.order}, each returns ${options.result === 'one' ? 'one variable' : 'nothing'}; budget ${options.budgetS} s per size; ${os.cpus().length} cores, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  const rows: SizeRow[] = [];
  for (const branches of options.sizes) {
    const row = await runSize({ branches, order: options.order, result: options.result }, options.budgetS);
    rows.push(row);
    const status = row.outcome === 'done' ? 'done' : `${row.outcome} after ${row.steps} of ${row.plannedSteps} steps`;
    console.log(`  N=${branches}: ${status}, ${fixed(row.cpuPerStepUs, 0)} µs CPU per step`);
  }
  console.table(rows.map((r) => ({
    'N': r.branches,
    'outcome': r.outcome === 'done' ? 'done' : `${r.outcome} after ${r.steps} of ${r.plannedSteps} steps`,
    'step() CPU s': fixed(r.cpuS, 2),
    'CPU µs/step': fixed(r.cpuPerStepUs, 1),
    'wall µs/step': fixed(r.wallPerStepUs, 1),
    'start step ms': fixed(r.startStepMs, 1),
    'max step ms': fixed(r.maxStepMs, 1),
    'runner µs/step': fixed(r.runnerPerStepUs, 1),
    'compile s': fixed(r.compileS, 2),
  })));
  const measured = rows.filter((r) => r.cpuPerStepUs !== null);
  const smallest = measured.reduce<SizeRow | null>((a, r) => (a === null || r.branches < a.branches ? r : a), null);
  const largest = measured.reduce<SizeRow | null>((a, r) => (a === null || r.branches > a.branches ? r : a), null);
  const ratio = smallest && largest && smallest !== largest ? (largest.cpuPerStepUs as number) / (smallest.cpuPerStepUs as number) : null;
  const partial = [smallest, largest].some((r) => r && r.outcome !== 'done');
  if (ratio === null) console.log('per-step ratio: needs two measured sizes');
  else {
    const verdict = ratio <= TARGET_RATIO ? 'met' : 'NOT met';
    console.log(`per-step CPU ratio N=${largest?.branches} / N=${smallest?.branches}: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}): ${verdict}${partial ? ' — from a size stopped over budget (steps driven so far)' : ''}`);
  }
  if (rows.some((r) => r.outcome === 'failed')) process.exitCode = 1;
  const report = {
    benchmark: 'fan-out: start → parallel split → N service tasks → parallel join → end; step() timed in-process',
    at: new Date().toISOString(),
    machine: { cores: os.cpus().length, node: process.version, loadBefore, loadAfter: os.loadavg() },
    options, rows, ratio, target: TARGET_RATIO, met: ratio !== null && ratio <= TARGET_RATIO, partial,
  };
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written ${path.relative(process.cwd(), RESULTS)}`);
}
