// Row 4 of the bench table (issue 15): Sparrow against two peers on the same machine and the same two processes — a
// chain of 10 service tasks, and user task → service task → user task — N instances at once:
// - bpmn-engine (npm, in memory, not durable): the in-memory ceiling, in this process;
// - Flowable 7 (embedded, H2 file database, async service tasks through its async executor): the durable peer, a Java
//   program in bench/peers/flowable built by Maven here (never by npm test);
// - Sparrow: the interpreter on a Temporal dev server with FerretDB and its read model (bench/benchServers.ts), the
//   worker built by worker/ with its options; user tasks are found in the read model and completed by the
//   completeTask Update, as the API does.
// Usage: npm run bench -- --peers [--instances 100 --rounds 2]
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';
import { compile } from '../engine/compile';
import { createLogger } from '../platform/logger';
import { Task } from '../store/models';
import { bundleWorkflows, createSparrowWorker } from '../worker/createWorker';
import { installSdkLogger } from '../worker/sdkLogger';
import { type BpmnProcessInput, completeTaskUpdate } from '../workflows/definitions';
import { startBenchServers } from './benchServers';
import { benchStep } from './benchStep';
import { bpmnDocument } from './bpmnDocument';
import { percentile, rowResult, writeRowResult } from './rowResult';
import { serviceChainXml } from './serviceChain';
import { stackCpuReader } from './stackCpu';

const FLOWABLE_DIR = path.join(__dirname, 'peers/flowable');
/** The two processes of the row. */
type ProcessName = 'chain' | 'user';
const PROCESSES: ProcessName[] = ['chain', 'user'];
const PROCESS_TITLES: Record<ProcessName, string> = { chain: '10 service tasks', user: 'user task → service task → user task' };

/** One round of one engine on one process. */
interface Round {
  engine: 'Sparrow' | 'bpmn-engine' | 'Flowable 7';
  process: ProcessName;
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU ms per instance of everything the engine runs on (Sparrow: worker, Temporal server, database; Flowable: the JVM; bpmn-engine: this process). */
  cpuMsPerInstance: number | null;
}

/** The options of the peers bench, or undefined when `--peers` is absent. */
export function peersOptions(argv: string[]): { instances: number; rounds: number } | undefined {
  if (!argv.includes('--peers')) return undefined;
  const { values } = parseArgs({ args: argv, options: { peers: { type: 'boolean' }, instances: { type: 'string', default: '100' }, rounds: { type: 'string', default: '2' } } });
  return { instances: Number(values.instances), rounds: Number(values.rounds) };
}

/** BPMN (Zeebe dialect) of user task `First` → service task `Work` (bench.step) → user task `Second`. */
function userXml(): string {
  return bpmnDocument('Peers', 'bench-user-service-user', 'User, service, user', [
    '<bpmn:startEvent id="Start"><bpmn:outgoing>Flow_0</bpmn:outgoing></bpmn:startEvent>',
    '<bpmn:userTask id="First"><bpmn:incoming>Flow_0</bpmn:incoming><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:userTask>',
    '<bpmn:serviceTask id="Work"><bpmn:extensionElements><zeebe:taskDefinition type="bench.step" retries="3" /></bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>',
    '<bpmn:userTask id="Second"><bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing></bpmn:userTask>',
    '<bpmn:endEvent id="End"><bpmn:incoming>Flow_3</bpmn:incoming></bpmn:endEvent>',
    '<bpmn:sequenceFlow id="Flow_0" sourceRef="Start" targetRef="First" />',
    '<bpmn:sequenceFlow id="Flow_1" sourceRef="First" targetRef="Work" />',
    '<bpmn:sequenceFlow id="Flow_2" sourceRef="Work" targetRef="Second" />',
    '<bpmn:sequenceFlow id="Flow_3" sourceRef="Second" targetRef="End" />',
  ]);
}

/** The same processes for bpmn-engine: service tasks call `environment.services.step`; plain BPMN otherwise. */
function bpmnEngineXml(process: ProcessName, steps: number): string {
  const service = (id: string) => `<serviceTask id="${id}" implementation="\${environment.services.step}" />`;
  const ids = process === 'chain' ? ['Start', ...Array.from({ length: steps }, (_, i) => `Step_${i + 1}`), 'End'] : ['Start', 'First', 'Work', 'Second', 'End'];
  const nodes = ids.map((id) => (id === 'Start' ? '<startEvent id="Start" />' : id === 'End' ? '<endEvent id="End" />' : id === 'First' || id === 'Second' ? `<userTask id="${id}" />` : service(id)));
  const flows = ids.slice(1).map((id, i) => `<sequenceFlow id="Flow_${i}" sourceRef="${ids[i]}" targetRef="${id}" />`);
  return `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Peers" targetNamespace="http://sparrow.local/bench"><process id="${process}" isExecutable="true">${nodes.join('')}${flows.join('')}</process></definitions>`;
}

/** Runs `instances` at once through `one` (one instance start to end); returns throughput, latencies and CPU per instance (`cpu`: CPU seconds so far). */
async function timed(engine: Round['engine'], process: ProcessName, instances: number, one: (i: number) => Promise<void>, cpu: () => number | null): Promise<Round> {
  const cpu0 = cpu();
  const started = Date.now();
  const latencies = await Promise.all(
    Array.from({ length: instances }, async (_, i) => {
      const t0 = Date.now();
      await one(i);
      return Date.now() - t0;
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  const seconds = (Date.now() - started) / 1000;
  const cpu1 = cpu();
  const cpuMsPerInstance = cpu0 === null || cpu1 === null ? null : Math.round(((cpu1 - cpu0) / instances) * 10_000) / 10;
  return { engine, process, perSecond: instances / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), cpuMsPerInstance };
}

/** bpmn-engine rounds (after one warm-up round): the XML parsed once, user tasks signalled as soon as they wait. */
async function bpmnEngineRounds(instances: number, rounds: number): Promise<Round[]> {
  const results: Round[] = [];
  for (const process of PROCESSES) {
    const moddleContext = await new BpmnModdle().fromXML(bpmnEngineXml(process, 10));
    const one = async (i: number) => {
      const engine = new Engine({ name: `${process}-${i}`, moddleContext });
      const listener = new EventEmitter();
      listener.on('wait', (api: { signal(message?: unknown): void }) => setImmediate(() => api.signal({ done: true })));
      const ended = engine.waitFor('end');
      await engine.execute({
        listener,
        variables: { case: i },
        services: {
          step(context: { content: { id: string }; environment: { variables: Record<string, unknown> } }, callback: (error: Error | null, result?: unknown) => void) {
            const variables = context.environment.variables;
            setImmediate(() => callback(null, { [context.content.id]: Object.keys(JSON.parse(JSON.stringify(variables))).length }));
          },
        },
      });
      await ended;
    };
    const ownCpu = () => {
      const { user, system } = globalThis.process.cpuUsage();
      return (user + system) / 1e6;
    };
    await timed('bpmn-engine', process, instances, one, ownCpu);
    for (let r = 0; r < rounds; r++) results.push(await timed('bpmn-engine', process, instances, one, ownCpu));
  }
  return results;
}

/** Sparrow rounds (after one warm-up round) on a Temporal dev server and FerretDB, the worker as worker/ builds it. */
async function sparrowRounds(instances: number, rounds: number): Promise<{ rounds: Round[]; database: string }> {
  installSdkLogger(createLogger('bench', 'warn'));
  const { env, ferretdb, stop } = await startBenchServers('sparrow_bench_peers');
  try {
    const models = {} as Record<ProcessName, BpmnProcessInput['model']>;
    for (const [name, xml] of [['chain', serviceChainXml(10)], ['user', userXml()]] as const) {
      const compiled = await compile(xml);
      if (compiled.problems.length) throw new Error(compiled.problems.map((p) => p.message).join('; '));
      models[name] = compiled.processes[0].model;
    }
    const taskQueue = 'peers';
    const worker = await createSparrowWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, jobTypes: [benchStep], workflows: { workflowBundle: await bundleWorkflows() } });
    const openTask = async (instanceId: string, elementId: string) => {
      for (const t0 = Date.now(); Date.now() - t0 < 120_000; await new Promise((resolve) => setTimeout(resolve, 10))) {
        const row = await Task.findOne({ instanceId, elementId, status: 'open' }, { _id: 1 }).lean();
        if (row) return String(row._id);
      }
      throw new Error(`no open task <${elementId}> of ${instanceId} within 120 s`);
    };
    const readCpu = stackCpuReader(env.address, ferretdb?.process.pid);
    const stackCpu = () => {
      const { worker: own, temporal, database } = readCpu();
      return temporal === null || database === null ? null : own + temporal + database;
    };
    const results: Round[] = [];
    await worker.runUntil(async () => {
      for (const process of PROCESSES) {
        const model = models[process];
        let tag = 0;
        const one = (round: number) => async (i: number) => {
          const workflowId = `peers-${process}-${round}-${i}`;
          const input: BpmnProcessInput = { model, definition: { key: model.processId, version: 1, sha256: 'bench' }, businessKey: workflowId, variables: { case: i }, startedBy: 'bench' };
          const handle = await env.client.workflow.start('bpmnProcess', { workflowId, taskQueue, args: [input] });
          if (process === 'user') {
            for (const elementId of ['First', 'Second']) {
              const taskId = await openTask(workflowId, elementId);
              await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, variables: { [elementId]: true }, actor: 'bench' }] });
            }
          }
          const result = await handle.result();
          if (result.status !== 'completed') throw new Error(`${workflowId} ended ${result.status}`);
        };
        await timed('Sparrow', process, instances, one(tag++), stackCpu);
        for (let r = 0; r < rounds; r++) results.push(await timed('Sparrow', process, instances, one(tag++), stackCpu));
      }
    });
    const backend = (ferretdb as { backend?: string } | undefined)?.backend;
    return { rounds: results, database: ferretdb ? `FerretDB${backend ? ` on ${backend}` : ''}` : 'MONGODB_URI' };
  } finally {
    await stop();
  }
}

/** Builds the Flowable program with Maven (once per run); returns its class path, or why it cannot run. */
function buildFlowable(): { classPath: string } | { skipped: string } {
  const mvn = spawnSync('mvn', ['-q', '-B', 'package', 'dependency:copy-dependencies', '-DincludeScope=runtime'], { cwd: FLOWABLE_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (mvn.error) return { skipped: `Maven is not available (${mvn.error.message}); install maven and a JDK 17` };
  if (mvn.status !== 0) return { skipped: `the Maven build failed: ${(mvn.stdout + mvn.stderr).trim().split('\n').slice(-5).join(' ')}` };
  return { classPath: [path.join(FLOWABLE_DIR, 'target/flowable-peer-1.jar'), path.join(FLOWABLE_DIR, 'target/dependency/*')].join(path.delimiter) };
}

/** Flowable rounds: the Java program runs each process in its own JVM on a fresh H2 file database (after one warm-up round). */
function flowableRounds(classPath: string, instances: number, rounds: number): Round[] {
  const results: Round[] = [];
  for (const process of PROCESSES) {
    const db = fs.mkdtempSync(path.join(os.tmpdir(), 'flowable-peer-'));
    try {
      const run = spawnSync('java', ['-cp', classPath, 'sparrow.bench.FlowablePeer', '--process', process, '--instances', String(instances), '--rounds', String(rounds), '--db', db], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 30 * 60_000,
      });
      if (run.status !== 0) throw new Error(`Flowable peer failed on ${process}: ${run.stderr.trim().split('\n').slice(-5).join(' ')}`);
      for (const line of run.stdout.split('\n').filter((l) => l.startsWith('{'))) {
        const r = JSON.parse(line) as { instances: number; perSecond: number; p50: number; p99: number; cpuSeconds: number };
        results.push({ engine: 'Flowable 7', process, perSecond: r.perSecond, p50: r.p50, p99: r.p99, cpuMsPerInstance: Math.round((r.cpuSeconds / r.instances) * 10_000) / 10 });
      }
    } finally {
      fs.rmSync(db, { recursive: true, force: true });
    }
  }
  return results;
}

/** Runs the peers bench and writes bench/results/row-4.json. */
export async function runPeers(options: NonNullable<ReturnType<typeof peersOptions>>): Promise<void> {
  const { instances, rounds } = options;
  const flowable = buildFlowable();
  console.log(`bpmn-engine: ${instances} instances at once, ${rounds} rounds …`);
  const all = await bpmnEngineRounds(instances, rounds);
  console.log('Sparrow …');
  const sparrow = await sparrowRounds(instances, rounds);
  all.push(...sparrow.rounds);
  if ('classPath' in flowable) {
    console.log('Flowable 7 …');
    all.push(...flowableRounds(flowable.classPath, instances, rounds));
  } else console.log(`Flowable 7 skipped: ${flowable.skipped}`);

  const mean = (engine: Round['engine'], process: ProcessName, pick: (r: Round) => number) => {
    const rows = all.filter((r) => r.engine === engine && r.process === process);
    return rows.length ? rows.reduce((n, r) => n + pick(r), 0) / rows.length : null;
  };
  const engines: Round['engine'][] = ['Sparrow', 'bpmn-engine', 'Flowable 7'];
  const summary = PROCESSES.flatMap((process) =>
    engines.flatMap((engine) => {
      const perSecond = mean(engine, process, (r) => r.perSecond);
      if (perSecond === null) return [];
      const sparrowPerSecond = mean('Sparrow', process, (r) => r.perSecond) as number;
      const cpuRows = all.filter((r) => r.engine === engine && r.process === process && r.cpuMsPerInstance !== null);
      const cpuMsPerInstance = cpuRows.length ? Math.round(cpuRows.reduce((n, r) => n + (r.cpuMsPerInstance as number), 0) / cpuRows.length) : null;
      return [{ process, engine, perSecond: Math.round(perSecond * 10) / 10, cpuMsPerInstance, p50Ms: Math.round(mean(engine, process, (r) => r.p50) as number), p99Ms: Math.round(mean(engine, process, (r) => r.p99) as number), sparrowRatio: Math.round((sparrowPerSecond / perSecond) * 100) / 100 }];
    }),
  );
  console.log(`\n${instances} instances at once, ${rounds} rounds, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}\n`);
  console.table(summary.map((s) => ({ process: PROCESS_TITLES[s.process], engine: s.engine, 'instances/s': s.perSecond, 'p50 ms': s.p50Ms, 'p99 ms': s.p99Ms, 'CPU ms/instance': s.cpuMsPerInstance ?? '', 'Sparrow ÷ engine': s.sparrowRatio })));
  const measurements = PROCESSES.map((process) => {
    const rows = summary.filter((s) => s.process === process);
    return {
      what: `${PROCESS_TITLES[process]}, ${instances} instances at once (instances/s)`,
      figures: rows.map((s) => `${s.engine} ${s.perSecond}/s, ${s.cpuMsPerInstance ?? '?'} CPU ms each${s.engine === 'Sparrow' ? '' : ` (Sparrow ×${s.sparrowRatio})`}`).join('; '),
      target: 'report (no target)',
      pass: true,
      bottleneck: 'Sparrow: CPU of the worker and the Temporal dev server per step (see row 1); Flowable: H2 writes per async job; bpmn-engine keeps nothing',
    };
  });
  writeRowResult(
    rowResult(4, 'Peers: bpmn-engine and Flowable 7', measurements, { instances, rounds, database: sparrow.database, summary, allRounds: all }, [
      `Sparrow on a Temporal dev server and ${sparrow.database}; Flowable 7.1.0 embedded on an H2 file database, async executor 8 threads; bpmn-engine ${readBpmnEngineVersion()} in memory.`,
      ...('skipped' in flowable ? [`Flowable skipped: ${flowable.skipped}`] : []),
    ]),
  );
}

/** The installed bpmn-engine's version. */
function readBpmnEngineVersion(): string {
  // The package's exports leave out package.json: read it beside the resolved entry point.
  const dir = path.dirname(path.dirname(require.resolve('bpmn-engine')));
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}
