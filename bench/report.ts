// `npm run bench -- --report`: renders the bench table for the README from bench/results/row-<n>.json (one line per
// measurement: row, what, figures, target, pass/fail, bottleneck), with where and when each row ran; rows without a
// result are listed as not run. Prints it and writes bench/results/table.md.
import fs from 'node:fs';
import path from 'node:path';
import { type Machine, readRowResults, RESULTS_DIR, type RowResult } from './rowResult';

/** The rows of the issue-15 table and what each measures, for rows that have no result yet. */
export const BENCH_ROWS: Record<number, string> = {
  1: 'Interpreter vs hand-written Temporal workflow',
  2: 'Task list at 1,000,000 tasks (50,000 open)',
  3: 'Step latency under load (20 API users)',
  4: 'Peers: bpmn-engine and Flowable 7',
  5: 'Replay and audit-chain verification',
  6: 'Designer: open a 1,000-element diagram',
};

/** Table cell text: one line, pipes escaped. */
const cell = (text: string | undefined) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/** Where a row ran, briefly: cores, CPU, load, date. */
export function machineLine(machine: Machine, date: string): string {
  return `${machine.cpus} cores (${machine.cpuModel}), load ${machine.loadAverage}, Node ${machine.node}, ${date.slice(0, 10)}`;
}

/** The markdown table of `results` (rows of BENCH_ROWS without a result say "not run"), then where each row ran. */
export function renderReport(results: RowResult[]): string {
  const byRow = new Map<number, RowResult[]>();
  for (const r of results) byRow.set(r.row, [...(byRow.get(r.row) ?? []), r]);
  const rows = [...new Set([...Object.keys(BENCH_ROWS).map(Number), ...byRow.keys()])].sort((a, b) => a - b);
  const lines = ['| Row | What | Figures | Target | Result | Bottleneck / notes |', '| --- | --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    const parts = byRow.get(row);
    if (!parts) {
      lines.push(`| ${row} | ${cell(BENCH_ROWS[row])} | — | — | not run | |`);
      continue;
    }
    for (const m of parts.flatMap((part) => part.measurements)) {
      lines.push(`| ${row} | ${cell(m.what)} | ${cell(m.figures)} | ${cell(m.target)} | ${m.reportOnly ? 'reported' : m.pass ? 'pass' : '**fail**'} | ${cell(m.bottleneck)} |`);
    }
  }
  const ran = rows.flatMap((row) =>
    (byRow.get(row) ?? []).map((result) => `- Row ${row}: ${machineLine(result.machine, result.date)}${result.notes.length ? `. ${result.notes.join(' ')}` : ''}`),
  );
  return [...lines, '', ...ran].join('\n').trimEnd();
}

/** Prints the table of bench/results and writes it to bench/results/table.md. */
export async function runReport(dir = RESULTS_DIR): Promise<void> {
  const table = renderReport(readRowResults(dir));
  fs.writeFileSync(path.join(dir, 'table.md'), `${table}\n`);
  console.log(table);
}
