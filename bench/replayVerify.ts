// Bench row 5 (`npm run bench -- --replay-verify [--events 10000] [--rows 100000]`): replay and verification.
// Replay: a real case (bench/longCase.ts's loop through a service task, continuing as new every 2,000 events) runs
// until its history holds at least `events` events; its history, fetched as the API fetches it, is replayed through
// today's workflow code by audit/replay.ts (what verification, export and the replay check use). Target ≥ 5,000
// events/s. Verification: one case's chain of `rows` audit rows (built by audit/chain.ts as the activity builds them,
// with the kinds and data a case writes) is stored in bounded batches and verified by audit/service.ts verifyCase
// (read from the database + hashes + links), as `npm run audit:verify -- <id>` does. Target ≥ 100,000 rows/s.
// On FerretDB/PostgreSQL the product reads the chain by SQL (store/pgReads.ts); the read through FerretDB is measured
// beside it, once (it takes a minute). Each is measured three times after a warm-up; the median counts. Writes
// bench/results/row-5.json (replay) and row-5-verify.json (verification); `--verify-only` measures the verification
// alone. With --history <file> the history is read from that file when it exists, else recorded and saved there.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { AuditEntry } from '../contracts/caseData';
import { buildChain, GENESIS_HASH, verifyChain } from '../audit/chain';
import { replayBundle, replayHistory } from '../audit/replay';
import { chainOf, fetchHistoryJson, verifyCase } from '../audit/service';
import { usePostgresReads } from '../store/pgReads';
import type { HistoryJson } from '../audit/types';
import { compile } from '../engine/compile';
import { AuditEvent, auditRowId } from '../store/models';
import { bundleWorkflows, createSparrowWorker } from '../worker/createWorker';
import { createLogger } from '../platform/logger';
import { installSdkLogger } from '../worker/sdkLogger';
import { BPMN_WORKFLOW_TYPE, type BpmnProcessInput, caseWorkflowId } from '../workflows/definitions';
import { type BenchServers, startBenchServers } from './benchServers';
import { LOOP_XML, tick } from './longCase';
import { databaseOf, rowResult, writeRowResult } from './rowResult';

const TARGET_EVENTS_PER_S = 5_000;
const TARGET_ROWS_PER_S = 100_000;
/** History events per loop step of the long case (measured: 6.17), to size the case for `events`. */
const EVENTS_PER_STEP = 6;
const INSERT_BATCH = 1_000;
const REPEATS = 3;

/** Row 5's options: history events, chain rows, the file to keep the recorded history in, and whether only the verification runs. */
export interface ReplayVerifyOptions {
  events: number;
  rows: number;
  historyFile?: string;
  verifyOnly: boolean;
}

/** The options of `--replay-verify [--events N] [--rows N] [--history file] [--verify-only]`, or null without `--replay-verify`. */
export function replayVerifyOptions(argv: string[]): ReplayVerifyOptions | null {
  if (!argv.includes('--replay-verify')) return null;
  const { values } = parseArgs({ args: argv.filter((a) => a !== '--replay-verify'), options: { events: { type: 'string', default: '10000' }, rows: { type: 'string', default: '100000' }, history: { type: 'string' }, 'verify-only': { type: 'boolean', default: false } }, strict: false });
  const events = Number(values.events);
  const rows = Number(values.rows);
  if (![events, rows].every((n) => Number.isInteger(n) && n >= 1)) throw new Error('--replay-verify takes --events N (history events) and --rows N (audit rows), positive whole numbers');
  return { events, rows, historyFile: typeof values.history === 'string' ? values.history : undefined, verifyOnly: values['verify-only'] === true };
}

/** Seconds `fn` takes. */
async function timed<T>(fn: () => Promise<T> | T): Promise<{ seconds: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - t0) / 1000, value };
}

/** The median of `REPEATS` timed runs of `fn` after one warm-up run; every run must pass `check`. */
async function medianSeconds<T>(fn: () => Promise<T> | T, check: (value: T) => void): Promise<{ median: number; runs: number[] }> {
  check(await fn());
  const runs: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const { seconds, value } = await timed(fn);
    check(value);
    runs.push(Math.round(seconds * 1000) / 1000);
  }
  return { median: [...runs].sort((a, b) => a - b)[Math.floor(REPEATS / 2)], runs };
}

/** The audit entries of a case doing `count` things: tasks opened, claimed and completed, jobs and variables, as cases write them. */
function auditEntries(count: number, from: number): AuditEntry[] {
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  return Array.from({ length: count }, (_, k): AuditEntry => {
    const i = from + k;
    const elementId = `Task_${i % 50}`;
    switch (i % 5) {
      case 0:
        return { at: at(i), actor: 'system', kind: 'element.entered', elementId, tokenId: `t${i}` };
      case 1:
        return { at: at(i), actor: 'system', kind: 'task.opened', elementId, tokenId: `t${i}`, data: { taskId: `case/${elementId}/${i}`, candidateGroups: ['enforcement'] } };
      case 2:
        return { at: at(i), actor: 'bajiao-staff', kind: 'task.claimed', elementId, tokenId: `t${i}`, data: { taskId: `case/${elementId}/${i}`, previous: null, assignee: 'bajiao-staff' } };
      case 3:
        return { at: at(i), actor: 'bajiao-staff', kind: 'task.completed', elementId, tokenId: `t${i}`, data: { taskId: `case/${elementId}/${i}`, variables: ['result', 'note'], variablesHash: 'a'.repeat(64) } };
      default:
        return { at: at(i), actor: 'system', kind: 'variables.changed', elementId, data: { changes: [{ name: 'result', old: 'b'.repeat(64), new: 'c'.repeat(64) }] } };
    }
  });
}

/** Stores one case's chain of `rows` rows in batches; returns its instance id. */
async function seedChain(rows: number): Promise<string> {
  const instanceId = 'bench-chain:100k';
  let prev = GENESIS_HASH;
  for (let from = 0; from < rows; from += INSERT_BATCH) {
    const links = buildChain(instanceId, 1, from + 1, auditEntries(Math.min(INSERT_BATCH, rows - from), from), prev);
    prev = links[links.length - 1].hash as string;
    await AuditEvent.insertMany(links.map((l) => ({ ...l, _id: auditRowId(instanceId, l.seq), at: new Date(l.at) })), { ordered: false, lean: true });
  }
  return instanceId;
}

/** Runs the loop case until its history holds at least `events` events; returns its workflow id. */
async function recordLongHistory(env: Awaited<ReturnType<typeof startBenchServers>>['env'], events: number): Promise<string> {
  const compiled = await compile(LOOP_XML);
  if (compiled.problems.length) throw new Error(compiled.problems.map((p) => p.message).join('; '));
  const model = compiled.processes[0].model;
  const steps = Math.ceil(events / EVENTS_PER_STEP);
  const taskQueue = 'bench-replay';
  const worker = await createSparrowWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, jobTypes: [tick], workflows: { workflowBundle: await bundleWorkflows() } });
  const input: BpmnProcessInput = { model, definition: { key: model.processId, version: 1, sha256: 'bench' }, businessKey: `replay-${steps}`, variables: { n: 0, limit: steps }, startedBy: 'bench' };
  const workflowId = caseWorkflowId(model.processId, input.businessKey);
  console.log(`recording a history of ≥ ${events} events: a case looping ${steps} times …`);
  await worker.runUntil(async () => {
    const result = await env.client.workflow.execute(BPMN_WORKFLOW_TYPE, { workflowId, taskQueue, args: [input] });
    if (result.status !== 'completed') throw new Error(`the loop case ended ${result.status}`);
  });
  return workflowId;
}

const perSecond = (n: number, seconds: number) => Math.round(n / seconds);
const thousands = (n: number) => n.toLocaleString('en-US');

/** Replays a history of at least `events` events (recorded, or read from `historyFile`) and writes row-5.json. */
async function measureReplay(servers: BenchServers, events: number, historyFile?: string): Promise<void> {
  const history = historyFile && fs.existsSync(historyFile) ? (JSON.parse(fs.readFileSync(historyFile, 'utf8')) as HistoryJson) : await fetchHistoryJson(servers.env.client, await recordLongHistory(servers.env, events));
  if (!history) throw new Error('Temporal has no history of the loop case');
  if (historyFile && !fs.existsSync(historyFile)) fs.writeFileSync(historyFile, JSON.stringify(history));
  const runs = history.events.filter((e) => e.eventType === 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED').length;
  const bundle = await timed(() => replayBundle());
  console.log(`replaying ${history.events.length} events (${runs} runs) …`);
  const cpu0 = process.cpuUsage();
  const replay = await medianSeconds(() => replayHistory(history), (outcome) => {
    if (!outcome.ok) throw new Error(`the history did not replay: ${outcome.divergence?.message}`);
  });
  const cpu = process.cpuUsage(cpu0);
  const workflowTasks = history.events.filter((e) => e.eventType === 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED').length;
  const cpuMsPerWorkflowTask = Math.round(((cpu.user + cpu.system) / 1000 / (REPEATS + 1) / workflowTasks) * 100) / 100;
  const values = { events: history.events.length, runs, workflowTasks, cpuMsPerWorkflowTask, medianSeconds: replay.median, seconds: replay.runs, eventsPerSecond: perSecond(history.events.length, replay.median), bundleSeconds: Math.round(bundle.seconds * 100) / 100 };
  console.log(JSON.stringify(values, null, 2));
  writeRowResult(
    rowResult(
      5,
      'Replay and verification',
      [
        {
          what: `Replay a ${thousands(values.events)}-event history (${runs} runs) through today's workflow code`,
          figures: `${thousands(values.eventsPerSecond)} events/s (${values.medianSeconds} s; bundle built once per process: ${values.bundleSeconds} s)`,
          target: `≥ ${thousands(TARGET_EVENTS_PER_S)} events/s`,
          pass: values.eventsPerSecond >= TARGET_EVENTS_PER_S,
          bottleneck: values.eventsPerSecond >= TARGET_EVENTS_PER_S ? undefined : `CPU in this process: ${cpuMsPerWorkflowTask} ms per workflow task (${workflowTasks} tasks, ${Math.round((values.events / workflowTasks) * 10) / 10} events each); the target needs ${Math.round(((values.events / workflowTasks) * 1000) / TARGET_EVENTS_PER_S * 100) / 100} ms. Profile: the SDK's replay sandbox (vm.runInContext per activation call, activation handling) about half, the interpreter's step a sixth, re-parsing FEEL conditions on every evaluation about a tenth`,
        },
      ],
      { replay: values, database: databaseOf(servers) },
      [`Median of ${REPEATS} runs after a warm-up.`],
    ),
  );
}

/** Stores a chain of `rows` rows, verifies it as the product does (and reads it through FerretDB beside) and writes row-5-verify.json. */
async function measureVerify(servers: BenchServers, rows: number): Promise<void> {
  const postgresUrl = servers.ferretdb?.postgresUrl;
  // The product reads by SQL when it knows FerretDB's PostgreSQL (SPARROW_POSTGRESQL_URL, as the dev stack sets it).
  if (postgresUrl) process.env.SPARROW_POSTGRESQL_URL = postgresUrl;
  const database = databaseOf(servers);
  const readPath = postgresUrl ? `${database}, by SQL` : database;
  console.log(`storing a chain of ${rows} audit rows …`);
  const seeded = await timed(() => seedChain(rows));
  const instanceId = seeded.value;
  const verify = await medianSeconds(() => verifyCase(instanceId), (result) => {
    if (!result.ok || result.chain.rows !== rows) throw new Error(`the chain did not verify: ${result.reason} (${result.chain.rows} rows)`);
  });
  const read = await medianSeconds(() => chainOf(instanceId), (links) => {
    if (links.length !== rows) throw new Error(`read ${links.length} rows`);
  });
  const links = await chainOf(instanceId);
  const hashes = await medianSeconds(() => verifyChain(instanceId, links), (verdict) => {
    if (!verdict.ok) throw new Error('the chain did not verify in memory');
  });
  // Beside it, once: the same read through FerretDB (the path without SPARROW_POSTGRESQL_URL, and on SQLite).
  let viaFerretDb: { seconds: number; rowsPerSecond: number } | null = null;
  if (postgresUrl) {
    usePostgresReads(false);
    try {
      const mongoRead = await timed(() => chainOf(instanceId));
      if (mongoRead.value.length !== rows) throw new Error(`read ${mongoRead.value.length} rows through FerretDB`);
      viaFerretDb = { seconds: Math.round(mongoRead.seconds * 1000) / 1000, rowsPerSecond: perSecond(rows, mongoRead.seconds) };
    } finally {
      usePostgresReads(true);
    }
  }
  const values = {
    rows,
    medianSeconds: verify.median,
    seconds: verify.runs,
    rowsPerSecond: perSecond(rows, verify.median),
    readMedianSeconds: read.median,
    readRowsPerSecond: perSecond(rows, read.median),
    hashMedianSeconds: hashes.median,
    hashRowsPerSecond: perSecond(rows, hashes.median),
    readThroughFerretDb: viaFerretDb,
    seedSeconds: Math.round(seeded.seconds * 10) / 10,
  };
  console.log(JSON.stringify(values, null, 2));
  const pass = values.rowsPerSecond >= TARGET_ROWS_PER_S;
  const beside = viaFerretDb ? `; the same read through FerretDB: ${thousands(viaFerretDb.rowsPerSecond)} rows/s` : '';
  writeRowResult(
    rowResult(
      5,
      'Replay and verification',
      [
        {
          what: `Verify a ${thousands(rows)}-row audit chain (read from ${readPath}, hashes, links)`,
          figures: `${thousands(values.rowsPerSecond)} rows/s (${values.medianSeconds} s: read ${thousands(values.readRowsPerSecond)} rows/s, hashes and links in memory ${thousands(values.hashRowsPerSecond)} rows/s${beside})`,
          target: `≥ ${thousands(TARGET_ROWS_PER_S)} rows/s`,
          pass,
          bottleneck: pass
            ? undefined
            : values.readRowsPerSecond < values.hashRowsPerSecond
              ? `reading the rows: ${thousands(values.readRowsPerSecond)} rows/s from ${readPath} (${postgresUrl ? 'pg parses each row\'s document, ~600 bytes of JSON, and it is decoded as the driver would; the type schemas come apart as text, each distinct one parsed once' : 'FerretDB v1 sorts in its own memory and answers once all rows are read'}); hashing and linking in memory: ${thousands(values.hashRowsPerSecond)} rows/s`
              : `hashing and linking in memory: ${thousands(values.hashRowsPerSecond)} rows/s (per row two SHA-256, the record's canonical JSON and the data parsed and written canonically); the read: ${thousands(values.readRowsPerSecond)} rows/s`,
        },
      ],
      { verify: values, database },
      [`Median of ${REPEATS} runs after a warm-up; the read through FerretDB once. The chain is read as the product reads it (audit/service.ts chainOf) over the product's connection (15 s socket timeout).`],
    ),
    undefined,
    'verify',
  );
}

/** Runs row 5 (or only its verification) and writes its results. */
export async function runReplayVerify({ events, rows, historyFile, verifyOnly }: ReplayVerifyOptions): Promise<void> {
  installSdkLogger(createLogger('bench', 'warn'));
  const servers = await startBenchServers('sparrow_bench_replay');
  try {
    if (!verifyOnly) await measureReplay(servers, events, historyFile);
    await measureVerify(servers, rows);
  } finally {
    await servers.stop();
  }
}
