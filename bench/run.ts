// Benchmark: a 10-service-task process run by Sparrow's interpreter (with and without its read-model writes) vs a
// hand-written workflow calling the same
// activity, on the same Temporal dev server in the same run, N instances at once. Prints throughput, latencies, ratios.
// Usage: npm run bench [-- --instances 100 --steps 10 --rounds 2]
// With --fanout (bench/fanout.ts) only the in-process fan-out benchmark runs: npm run bench -- --fanout 100,1000,10000
// With --campaign (bench/campaign.ts) only the 10,000-site campaign runs: npm run bench -- --campaign 10000 [--campaign-budget-s 3600]
// With --continue-as-new (bench/longCase.ts) only a case looping 10,000 times through a job runs: npm run bench -- --continue-as-new 10000
// Bench table (issue 15, bench/rows.ts): --step-latency 20 (row 3), --replay-verify (row 5), --designer 1000 (row 6),
// --report (the README table from bench/results/row-<n>.json), --all (every row in sequence, then the report).
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { compile } from '../engine/compile';
import { AuditPendingSeal } from '../store/models/auditEvent';
import { createLogger } from '../platform/logger';
import { installSdkLogger } from '../worker/sdkLogger';
import { sparrowWorkerTuning, workflowPreloadModules } from '../worker/tuning';
import { benchStep } from './benchStep';
import { rowResult, writeRowResult } from './rowResult';
import type { BpmnProcessInput } from '../workflows/definitions';
import { serviceChainXml } from './serviceChain';
import { fanoutOptions, runFanout } from './fanout';
import { campaignOptions, runCampaign } from './campaign';
import { startBenchServers } from './benchServers';
import { processCpuSeconds } from './processCpu';
import { longCaseOptions, runLongCase } from './longCase';
import { runTaskList, taskListOptions } from './taskList';
import { benchRowCommand } from './rows';
import { runTuning, tuningOptions } from './tuning';
import { peersOptions, runPeers } from './peers';

const FANOUT = fanoutOptions(process.argv.slice(2));
const CAMPAIGN = campaignOptions(process.argv.slice(2));
const LONG_CASE = longCaseOptions(process.argv.slice(2));
/** The bench table's rows 3, 5, 6, --report and --all (bench/rows.ts). */
const BENCH_ROW = benchRowCommand(process.argv.slice(2));
/** Row 1's Temporal options side by side (bench/tuning.ts): npm run bench -- --tuning [--instances 50 --rounds 2]. */
const TUNING = tuningOptions(process.argv.slice(2));
/** Row 4's peers (bench/peers.ts): npm run bench -- --peers [--instances 100 --rounds 2]. */
const PEERS = peersOptions(process.argv.slice(2));
/** Row 2, the task list at scale (bench/taskList.ts): npm run bench -- --tasklist 1000000 [--tasklist-open 50000 --samples 200]. */
const TASK_LIST = taskListOptions(process.argv.slice(2));
const { values: args } = parseArgs({
  options: { instances: { type: 'string', default: '100' }, steps: { type: 'string', default: '10' }, rounds: { type: 'string', default: '2' } },
  // The fan-out benchmark's options are read by fanoutOptions; the Temporal bench does not run then.
  args: FANOUT || CAMPAIGN || LONG_CASE || BENCH_ROW || TUNING || PEERS || TASK_LIST ? [] : process.argv.slice(2),
});
const INSTANCES = Number(args.instances);
const STEPS = Number(args.steps);
const ROUNDS = Number(args.rounds);
const TASK_QUEUE = 'bench';
/** A second queue whose worker skips the read-model writes, to measure the engine apart from the database. */
const ENGINE_ONLY_QUEUE = 'bench-engine-only';
type Kind = 'interpreter' | 'interpreter, no read model' | 'hand-written';

interface RoundResult {
  kind: string;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Interpreter with read model: ms from the last case's end until the ledger sealer had sealed every closed case. */
  sealLag?: number;
  /** CPU seconds spent in the round by FerretDB (Linux /proc; null elsewhere or with MONGODB_URI) and by this process (worker). */
  dbCpu: number | null;
  workerCpu: number;
}

/** Waits until the ledger sealer has sealed every queued closing; returns how long that took. */
async function sealsDrained(): Promise<number> {
  const t0 = Date.now();
  while ((await AuditPendingSeal.countDocuments({})) > 0) {
    if (Date.now() - t0 > 60_000) throw new Error('the ledger sealer did not seal the closed cases within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - t0;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function round(kind: Kind, client: Client, model: BpmnProcessInput['model'], tag: string, dbPid?: number): Promise<RoundResult> {
  const started = Date.now();
  const db0 = processCpuSeconds(dbPid);
  const own0 = process.cpuUsage();
  const latencies = await Promise.all(
    Array.from({ length: INSTANCES }, async (_, i) => {
      const t0 = Date.now();
      const workflowId = `${kind.replace(/\W+/g, '-')}-${tag}-${i}`;
      if (kind === 'hand-written') {
        await client.workflow.execute('handWritten', { workflowId, taskQueue: TASK_QUEUE, args: [STEPS, { case: i }] });
      } else {
        const input: BpmnProcessInput = {
          model,
          definition: { key: model.processId, version: 1, sha256: 'bench' },
          businessKey: `${tag}-${i}`,
          variables: { case: i },
          startedBy: 'bench',
        };
        const taskQueue = kind === 'interpreter' ? TASK_QUEUE : ENGINE_ONLY_QUEUE;
        const result = await client.workflow.execute('bpmnProcess', { workflowId, taskQueue, args: [input] });
        if (result.status !== 'completed') throw new Error(`${workflowId} ended ${result.status}`);
      }
      return Date.now() - t0;
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const sealLag = kind === 'interpreter' ? await sealsDrained() : undefined;
  const db1 = processCpuSeconds(dbPid);
  const own = process.cpuUsage(own0);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    kind, seconds, perSecond: INSTANCES / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), sealLag,
    dbCpu: db0 === null || db1 === null ? null : db1 - db0,
    workerCpu: (own.user + own.system) / 1e6,
  };
}

/** Row 1 of the bench table (issue 15): the interpreter's cases/s against the goal, and its ratio to the hand-written workflow. */
function interpreterRow(results: RoundResult[], mean: (kind: string, pick: (r: RoundResult) => number) => number) {
  const perSecond = (kind: Kind) => Math.round(mean(kind, (r) => r.perSecond) * 10) / 10;
  const ratio = mean('interpreter', (r) => r.perSecond) / mean('hand-written', (r) => r.perSecond);
  const bare = mean('interpreter, no read model', (r) => r.perSecond) / mean('hand-written', (r) => r.perSecond);
  const ms = (seconds: number) => Math.round((seconds / INSTANCES) * 1000);
  // The hand-written workflow writes no read model: what of the gap is the read model's, what the interpreter's.
  const gap = `without the read model the interpreter runs ${bare.toFixed(2)} of the hand-written workflow's cases/s; the read model's activities (case summary, task rows, audit records, which the hand-written workflow does not write) take ${Math.round((1 - ratio / bare) * 100)} % of the interpreter's throughput`;
  const bound = `CPU-bound on 2 cores: worker ${ms(mean('interpreter', (r) => r.workerCpu))} ms and database ${ms(mean('interpreter', (r) => r.dbCpu ?? 0))} ms per case here; the Temporal dev server's share and what cuts it: npm run bench -- --tuning (row-1-tuning.json)`;
  return rowResult(
    1,
    'Interpreter vs hand-written Temporal workflow',
    [
      { what: `${STEPS}-step automated case, ${INSTANCES} at once, whole path (interpreter with read model)`, figures: `${perSecond('interpreter')} cases/s (hand-written ${perSecond('hand-written')}, no read model ${perSecond('interpreter, no read model')})`, target: '>= 50 cases/s', pass: perSecond('interpreter') >= 50, bottleneck: bound },
      { what: 'interpreter ÷ hand-written throughput', figures: ratio.toFixed(2), target: '>= 0.90', pass: ratio >= 0.9, ...(ratio >= 0.9 ? {} : { bottleneck: gap }) },
    ],
    { instances: INSTANCES, steps: STEPS, rounds: ROUNDS, results },
  );
}

async function main(): Promise<void> {
  installSdkLogger(createLogger('bench', 'warn'));
  const { env, ferretdb, stop } = await startBenchServers('sparrow_bench');
  try {
    const compiled = await compile(serviceChainXml(STEPS));
    if (compiled.problems.length) throw new Error(compiled.problems.map((p) => p.message).join('; '));
    const model = compiled.processes[0].model;
    // The worker as worker/ ships it: its preloaded modules and options, for both sides.
    const bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows'), logger: undefined, preloadModules: workflowPreloadModules });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle: bundle,
      activities: createActivities([benchStep]),
      ...sparrowWorkerTuning,
    });
    // Same activities, but the read-model writes (task rows, case summary, audit chain) are skipped: a measurement
    // device for the bench only, so the engine's own cost shows apart from the database's.
    const skip = async () => undefined;
    const engineOnly = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: ENGINE_ONLY_QUEUE,
      workflowBundle: bundle,
      activities: { ...createActivities([benchStep]), openUserTask: skip, closeUserTask: skip, recordProgress: skip },
      ...sparrowWorkerTuning,
    });
    const kinds: Kind[] = ['hand-written', 'interpreter, no read model', 'interpreter'];
    await Promise.all([engineOnly.run(), worker.runUntil(async () => {
      console.log(`warming up …`);
      const dbPid = ferretdb?.process.pid;
      for (const kind of kinds) await round(kind, env.client, model, 'warm', dbPid);
      const results: RoundResult[] = [];
      for (let r = 1; r <= ROUNDS; r++) {
        for (const kind of kinds) results.push(await round(kind, env.client, model, `r${r}`, dbPid));
      }
      console.log(`\n${INSTANCES} concurrent instances of a ${STEPS}-service-task process, ${ROUNDS} rounds, ${os.cpus().length} cores\n`);
      console.table(results.map((r) => ({ kind: r.kind, 'seconds': r.seconds.toFixed(2), 'instances/s': r.perSecond.toFixed(1), 'p50 ms': r.p50, 'p99 ms': r.p99, 'all sealed +ms': r.sealLag ?? '', 'FerretDB cpu s': r.dbCpu?.toFixed(2) ?? '', 'worker cpu s': r.workerCpu.toFixed(2) })));
      const mean = (kind: string, pick: (r: RoundResult) => number) => {
        const rows = results.filter((r) => r.kind === kind);
        return rows.reduce((n, r) => n + pick(r), 0) / rows.length;
      };
      for (const kind of kinds.slice(1)) {
        const ratio = mean(kind, (r) => r.perSecond) / mean('hand-written', (r) => r.perSecond);
        const p50Ratio = mean('hand-written', (r) => r.p50) / mean(kind, (r) => r.p50);
        console.log(`${kind}: throughput ratio to hand-written ${ratio.toFixed(2)} (target >= 0.90), p50 latency ratio ${p50Ratio.toFixed(2)}`);
      }
      writeRowResult(interpreterRow(results, mean));
      engineOnly.shutdown();
    })]);
  } finally {
    await stop();
  }
}

(BENCH_ROW ? BENCH_ROW() : TASK_LIST ? runTaskList(TASK_LIST) : TUNING ? runTuning(TUNING) : PEERS ? runPeers(PEERS) : FANOUT ? runFanout(FANOUT) : CAMPAIGN ? runCampaign(CAMPAIGN) : LONG_CASE ? runLongCase(LONG_CASE) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
