// Scenario results: one summary line each on stdout and a JSON file under bench/results/faults/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/paths';

/** Where scenario results are written. */
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results', 'faults');

/** The outcome of one scenario. */
export interface ScenarioResult {
  scenario: string;
  passed: boolean;
  /** One line for the closing summary. */
  summary: string;
  /** Figures and findings, written as JSON. */
  details: Record<string, unknown>;
}

/** Prints the summary line and writes `<scenario>.json`. */
export function writeResult(result: ScenarioResult): void {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${result.scenario}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ ...result, at: new Date().toISOString(), host: { cpus: os.cpus().length } }, null, 2)}\n`);
  console.log(`${result.passed ? 'PASS' : 'FAIL'} ${result.scenario}: ${result.summary} (${path.relative(ROOT, file)})`);
}

/** Seconds since `start` (ms), one decimal. */
export const secondsSince = (start: number) => Math.round((Date.now() - start) / 100) / 10;

/** Prints a progress line (prefixed with the scenario name). */
export const progress = (scenario: string, text: string) => console.log(`  [${scenario} ${new Date().toISOString().slice(11, 19)}] ${text}`);

/** A number from the environment, or `fallback`. */
export function envNumber(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, not ${value}`);
  return n;
}
