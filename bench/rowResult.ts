// The result of one row of the bench table (issue 15): what was measured, against which target, pass or fail, on
// which machine and when. Every row writes bench/results/row-<n>.json; `npm run bench -- --report` renders them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the rows' results live. */
export const RESULTS_DIR = path.join(__dirname, 'results');

/** One measured figure of a row against its target (a row may have several, e.g. replay and verification). */
export interface Measurement {
  /** What was measured, e.g. "replay a 10,000-event history". */
  what: string;
  /** The figures as the table shows them, e.g. "p50 41 ms, p99 118 ms". */
  figures: string;
  /** The target as the table shows it, e.g. "p99 < 150 ms". */
  target: string;
  pass: boolean;
  /** Reported beside the row without its target applying (e.g. the SQLite fallback of a PostgreSQL target). */
  reportOnly?: boolean;
  /** For a miss: what profiling found bounds it. */
  bottleneck?: string;
}

/** The machine a row ran on. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  /** The 1-minute load average when the row finished (others' work on a shared box shows here). */
  loadAverage: number;
}

/** A row's result file. */
export interface RowResult {
  row: number;
  title: string;
  /** The targets of the measurements, joined. */
  target: string;
  /** Whether every measurement met its target. */
  pass: boolean;
  measurements: Measurement[];
  /** The raw values behind the figures (latencies, counts, sizes, runs). */
  values: Record<string, unknown>;
  machine: Machine;
  /** ISO time the row finished. */
  date: string;
  notes: string[];
}

/** The machine this process runs on, now. */
export function thisMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

/** A row's result from its measurements (pass when all pass), stamped with this machine and the time. */
export function rowResult(row: number, title: string, measurements: Measurement[], values: Record<string, unknown>, notes: string[] = []): RowResult {
  return {
    row,
    title,
    target: measurements.map((m) => m.target).join('; '),
    pass: measurements.every((m) => m.pass || m.reportOnly === true),
    measurements,
    values,
    machine: thisMachine(),
    date: new Date().toISOString(),
    notes,
  };
}

/** The file of row `row`, or of one part of it (`row-<n>-<part>.json`, e.g. the same row on another backend). */
export const rowResultPath = (row: number, dir = RESULTS_DIR, part?: string) => path.join(dir, part ? `row-${row}-${part}.json` : `row-${row}.json`);

/** Writes a row's result (or one part of it) to bench/results and prints its measurements. */
export function writeRowResult(result: RowResult, dir = RESULTS_DIR, part?: string): string {
  const file = rowResultPath(result.row, dir, part);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  for (const m of result.measurements) console.log(`row ${result.row} — ${m.what}: ${m.figures} (target ${m.target}) ${m.reportOnly ? 'reported' : m.pass ? 'PASS' : 'FAIL'}`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  return file;
}

/** Every row result in `dir` (files row-<n>.json, and row-<n>-<part>.json for a row measured in parts), by row number and file name. */
export function readRowResults(dir = RESULTS_DIR): RowResult[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /^row-\d+(-[\w-]+)?\.json$/.test(name))
    .map((name) => name.slice(0, -'.json'.length))
    // a row's own file before its parts (row-2 before row-2-sqlite)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}.json`)
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as RowResult)
    .sort((a, b) => a.row - b.row);
}

/** The p-th percentile (nearest rank) of ascending numbers. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The database a bench ran on: FerretDB with its backend (when it says), or the MongoDB of MONGODB_URI. */
export function databaseOf(stack: { servers: { ferretdb?: object } } | { ferretdb?: object }): string {
  const ferretdb = 'servers' in stack ? stack.servers.ferretdb : stack.ferretdb;
  if (!ferretdb) return 'MONGODB_URI';
  const backend = (ferretdb as { backend?: string }).backend;
  return backend ? `FerretDB on ${backend}` : 'FerretDB';
}
