// Row 1 of the bench table (issue 15): what Temporal offers to cut the per-step cost of a ten-step automated chain,
// each variant side by side in one run on one Temporal dev server (eager activity dispatch enabled in its dynamic
// config) and one FerretDB, with the CPU seconds each part of the stack spent per case.
// Usage: npm run bench -- --tuning [--instances 50 --steps 10 --rounds 2 --variants a,b]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, Worker, type WorkerOptions } from '@temporalio/worker';
import webpack from 'webpack';
import { createActivities } from '../activities';
import { compile } from '../engine/compile';
import { createLogger } from '../platform/logger';
import { AuditPendingSeal } from '../store/models/auditEvent';
import { installSdkLogger } from '../worker/sdkLogger';
import { sparrowWorkerTuning, workflowPreloadModules } from '../worker/tuning';
import type { BpmnProcessInput } from '../workflows/definitions';
import { startBenchServers } from './benchServers';
import { benchStep } from './benchStep';
import { RESULTS_DIR, rowResult } from './rowResult';
import { serviceChainXml } from './serviceChain';
import { cpuBetween, type StackCpu, stackCpuReader } from './stackCpu';

/** The `start-dev` argument that turns on eager activity dispatch (off by default in the server's dynamic config). */
export const EAGER_ACTIVITIES_ARG = ['--dynamic-config-value', 'system.enableActivityEagerExecution=true'];

/** One way of running the chain: the workflow, the bundle, the worker's options, how it is started. */
interface Variant {
  name: string;
  workflow: 'handWritten' | 'handWrittenLocal' | 'bpmnProcess';
  /** Bench-only bundle whose jobs are local activities; `preload`: the bundle with worker/'s preloaded modules. */
  bundle?: 'localJobs' | 'preload';
  /** Skip the read-model writes (task rows, summary, audit chain): the engine's cost apart from the database's. */
  noReadModel?: boolean;
  /** Start with requestEagerStart through a client on the worker's native connection. */
  eagerStart?: boolean;
  worker: Partial<WorkerOptions>;
}

/** The task queue of a variant's worker. */
const queueOf = (variant: Variant) => `tuning-${variant.name.replace(/\W+/g, '-')}`;

const NO_EAGER_ACTIVITIES = { maxEagerActivityReservationsPerWorkflowTask: 0 };

/** The variants, in the order each round runs them. */
const VARIANTS: Variant[] = [
  { name: 'hand-written', workflow: 'handWritten', worker: NO_EAGER_ACTIVITIES },
  { name: 'hand-written, eager activities', workflow: 'handWritten', worker: {} },
  { name: 'hand-written, local activities', workflow: 'handWrittenLocal', worker: {} },
  { name: 'interpreter (SDK defaults)', workflow: 'bpmnProcess', worker: NO_EAGER_ACTIVITIES },
  { name: 'interpreter, no read model', workflow: 'bpmnProcess', noReadModel: true, worker: NO_EAGER_ACTIVITIES },
  { name: 'interpreter, eager activities', workflow: 'bpmnProcess', worker: {} },
  { name: 'interpreter, eager activities + eager start', workflow: 'bpmnProcess', eagerStart: true, worker: {} },
  { name: 'interpreter, 2 pollers each', workflow: 'bpmnProcess', worker: { ...NO_EAGER_ACTIVITIES, maxConcurrentWorkflowTaskPolls: 2, maxConcurrentActivityTaskPolls: 2 } },
  {
    name: 'interpreter, more slots + cache',
    workflow: 'bpmnProcess',
    worker: { ...NO_EAGER_ACTIVITIES, maxCachedWorkflows: 2000, maxConcurrentWorkflowTaskExecutions: 200, maxConcurrentActivityTaskExecutions: 400, maxConcurrentLocalActivityExecutions: 400 },
  },
  {
    name: 'interpreter, autoscaling pollers',
    workflow: 'bpmnProcess',
    worker: { ...NO_EAGER_ACTIVITIES, workflowTaskPollerBehavior: { type: 'autoscaling' }, activityTaskPollerBehavior: { type: 'autoscaling' } },
  },
  { name: 'interpreter, resource-based tuner', workflow: 'bpmnProcess', worker: { ...NO_EAGER_ACTIVITIES, tuner: { tunerOptions: { targetMemoryUsage: 0.8, targetCpuUsage: 0.9 } } } },
  { name: 'interpreter, FEEL modules preloaded', workflow: 'bpmnProcess', bundle: 'preload', worker: NO_EAGER_ACTIVITIES },
  { name: 'interpreter, preloaded + eager activities', workflow: 'bpmnProcess', bundle: 'preload', worker: {} },
  { name: 'interpreter, preloaded + local-activity jobs (bench-only)', workflow: 'bpmnProcess', bundle: 'localJobs', worker: {} },
  { name: 'interpreter, worker/ as shipped', workflow: 'bpmnProcess', bundle: 'preload', worker: { ...NO_EAGER_ACTIVITIES, ...sparrowWorkerTuning } },
];

/** The options of the tuning bench, or undefined when `--tuning` is absent. */
export function tuningOptions(argv: string[]): { instances: number; steps: number; rounds: number; variants?: string[] } | undefined {
  if (!argv.includes('--tuning')) return undefined;
  const { values } = parseArgs({
    args: argv,
    options: { tuning: { type: 'boolean' }, instances: { type: 'string', default: '50' }, steps: { type: 'string', default: '10' }, rounds: { type: 'string', default: '2' }, variants: { type: 'string' } },
  });
  return { instances: Number(values.instances), steps: Number(values.steps), rounds: Number(values.rounds), variants: values.variants?.split(',') };
}

interface RoundResult {
  variant: string;
  perSecond: number;
  p50: number;
  p99: number;
  eagerlyStarted: number;
  cpu: StackCpu;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Waits (up to 60 s) until the ledger sealer has sealed every closed case, so its work counts in the round. */
async function sealsDrained(): Promise<void> {
  const t0 = Date.now();
  while ((await AuditPendingSeal.countDocuments({})) > 0 && Date.now() - t0 < 60_000) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Runs the tuning bench: every variant once to warm up, then `rounds` rounds of all variants; writes bench/results/tuning.json. */
export async function runTuning(options: NonNullable<ReturnType<typeof tuningOptions>>): Promise<void> {
  installSdkLogger(createLogger('bench', 'warn'));
  const variants = options.variants ? VARIANTS.filter((v) => options.variants?.some((name) => v.name.includes(name))) : VARIANTS;
  const { env, ferretdb, stop } = await startBenchServers('sparrow_bench_tuning', 'warn', EAGER_ACTIVITIES_ARG);
  try {
    const compiled = await compile(serviceChainXml(options.steps));
    if (compiled.problems.length) throw new Error(compiled.problems.map((p) => p.message).join('; '));
    const model = compiled.processes[0].model;
    const workflowsPath = require.resolve('./workflows');
    const bundle = await bundleWorkflowCode({ workflowsPath, logger: undefined });
    const preloadBundle = await bundleWorkflowCode({ workflowsPath, logger: undefined, preloadModules: workflowPreloadModules });
    const localJobsBundle = await bundleWorkflowCode({
      workflowsPath,
      logger: undefined,
      preloadModules: workflowPreloadModules,
      webpackConfigHook: (config) => ({
        ...config,
        plugins: [...(config.plugins ?? []), new webpack.NormalModuleReplacementPlugin(/^\.\/activityProxies$/, path.join(__dirname, 'workflows/localJobProxies.ts'))],
      }),
    });
    const skip = async () => undefined;
    const eagerClient = new Client({ connection: env.nativeConnection, namespace: env.namespace ?? 'default' });
    const readCpu = stackCpuReader(env.address, ferretdb?.process.pid);

    // One worker per variant, each on its own task queue, all running for the whole bench (an idle one only polls), so
    // no round pays for creating a worker or evaluating a bundle.
    const workers = new Map<string, Worker>();
    for (const variant of variants) {
      const activities = createActivities([benchStep]);
      const bundles = { localJobs: localJobsBundle, preload: preloadBundle };
      workers.set(
        variant.name,
        await Worker.create({
          connection: env.nativeConnection,
          taskQueue: queueOf(variant),
          workflowBundle: variant.bundle ? bundles[variant.bundle] : bundle,
          activities: variant.noReadModel ? { ...activities, openUserTask: skip, closeUserTask: skip, recordProgress: skip } : activities,
          ...variant.worker,
        }),
      );
    }
    const running = [...workers.values()].map((worker) => worker.run());

    const round = async (variant: Variant, tag: string): Promise<RoundResult> => {
      const taskQueue = queueOf(variant);
      const cpu0 = readCpu();
      const started = Date.now();
      let eagerlyStarted = 0;
      const latencies = await Promise.all(
        Array.from({ length: options.instances }, async (_, i) => {
          const t0 = Date.now();
          const workflowId = `${taskQueue}-${tag}-${i}`;
          const client = variant.eagerStart ? eagerClient : env.client;
          const args: unknown[] =
            variant.workflow === 'bpmnProcess'
              ? [{ model, definition: { key: model.processId, version: 1, sha256: 'bench' }, businessKey: workflowId, variables: { case: i }, startedBy: 'bench' } satisfies BpmnProcessInput]
              : [options.steps, { case: i }];
          const handle = await client.workflow.start(variant.workflow, { workflowId, taskQueue, args, requestEagerStart: variant.eagerStart });
          if (handle.eagerlyStarted) eagerlyStarted += 1;
          const result = (await handle.result()) as { status?: string };
          if (variant.workflow === 'bpmnProcess' && result.status !== 'completed') throw new Error(`${workflowId} ended ${result.status}`);
          return Date.now() - t0;
        }),
      );
      const seconds = (Date.now() - started) / 1000;
      if (variant.workflow === 'bpmnProcess' && !variant.noReadModel) await sealsDrained();
      const cpu = cpuBetween(cpu0, readCpu());
      const sorted = latencies.sort((a, b) => a - b);
      return { variant: variant.name, perSecond: options.instances / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), eagerlyStarted, cpu };
    };

    console.log(`warming up ${variants.length} variants …`);
    for (const variant of variants) await round(variant, 'warm');
    const results: RoundResult[] = [];
    for (let r = 1; r <= options.rounds; r++) {
      for (const variant of variants) results.push(await round(variant, `r${r}`));
    }
    for (const worker of workers.values()) worker.shutdown();
    await Promise.all(running);
    const perCase = (s: number | null) => (s === null ? null : Math.round((s / options.instances) * 1000 * 10) / 10);
    const summary = variants.map((variant) => {
      const rows = results.filter((r) => r.variant === variant.name);
      const mean = (pick: (r: RoundResult) => number | null) => {
        const values = rows.map(pick);
        return values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0) / values.length;
      };
      return {
        variant: variant.name,
        casesPerSecond: Math.round((mean((r) => r.perSecond) as number) * 10) / 10,
        p50Ms: Math.round(mean((r) => r.p50) as number),
        p99Ms: Math.round(mean((r) => r.p99) as number),
        eagerlyStarted: rows.reduce((n, r) => n + r.eagerlyStarted, 0),
        cpuMsPerCase: { worker: perCase(mean((r) => r.cpu.worker)), temporal: perCase(mean((r) => r.cpu.temporal)), database: perCase(mean((r) => r.cpu.database)) },
      };
    });
    console.log(`\n${options.instances} concurrent ten-step cases per round, ${options.rounds} rounds, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}\n`);
    console.table(summary.map((s) => ({ variant: s.variant, 'cases/s': s.casesPerSecond, 'p50 ms': s.p50Ms, 'p99 ms': s.p99Ms, 'worker ms/case': s.cpuMsPerCase.worker, 'Temporal ms/case': s.cpuMsPerCase.temporal, 'database ms/case': s.cpuMsPerCase.database })));
    const best = summary.filter((s) => s.variant.startsWith('interpreter') && !s.variant.includes('bench-only') && !s.variant.includes('no read model')).sort((a, b) => b.casesPerSecond - a.casesPerSecond)[0];
    const handWritten = summary.find((s) => s.variant === 'hand-written');
    const figures = (s: (typeof summary)[number]) => `${s.casesPerSecond} cases/s, p50 ${s.p50Ms} ms`;
    const result = rowResult(
      1,
      'Interpreter vs hand-written: Temporal options side by side',
      [
        ...(best ? [{ what: `best shippable interpreter variant (${best.variant})`, figures: figures(best), target: '>= 50 ten-step cases/s', pass: best.casesPerSecond >= 50 }] : []),
        ...(handWritten ? [{ what: 'hand-written workflow (SDK defaults)', figures: figures(handWritten), target: 'baseline', pass: true }] : []),
      ],
      { instances: options.instances, rounds: options.rounds, steps: options.steps, variants: summary },
      ['Side-by-side variants of `npm run bench -- --tuning`; cpuMsPerCase is CPU ms per case of this process (worker and client), the Temporal dev server and the database (FerretDB, and PostgreSQL when it runs on it).'],
    );
    // Beside row-1.json (the interpreter-vs-hand-written row), not instead of it: the report reads row-<n>.json only.
    const file = path.join(RESULTS_DIR, 'row-1-tuning.json');
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await stop();
  }
}
