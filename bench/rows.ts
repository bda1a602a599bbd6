// The issue-15 bench table's commands in bench/run.ts: rows 3, 5 and 6, `--report` (the README table from
// bench/results/row-<n>.json) and `--all` (every row in sequence, each in its own process so one row's servers and
// runtime never meet the next's, then the report). Rows 1, 2 and 4 are run by their own options (ALL_ROWS).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { designerOptions, runDesignerOpen } from './designerOpen';
import { replayVerifyOptions, runReplayVerify } from './replayVerify';
import { runReport } from './report';
import { runStepLatency, stepLatencyOptions } from './stepLatency';

/** Every row of the table and the `npm run bench --` arguments that run it at full size. */
export const ALL_ROWS: Array<{ row: number; args: string[] }> = [
  { row: 1, args: ['--tuning'] },
  { row: 2, args: ['--tasklist', '1000000'] },
  { row: 3, args: ['--step-latency', '20'] },
  { row: 4, args: ['--peers'] },
  { row: 5, args: ['--replay-verify'] },
  { row: 6, args: ['--designer', '1000'] },
];

/** Runs every row in turn (a failed row is reported and the others still run), then prints the report; rejects if a row failed. */
async function runAll(): Promise<void> {
  const failed: number[] = [];
  for (const { row, args } of ALL_ROWS) {
    console.log(`\n=== bench row ${row}: npm run bench -- ${args.join(' ')}`);
    const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'run.ts'), ...args], { stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`bench row ${row} failed (exit ${result.status ?? result.signal})`);
      failed.push(row);
    }
  }
  console.log('');
  await runReport();
  if (failed.length) throw new Error(`bench rows ${failed.join(', ')} failed; see above`);
}

/** The command of the bench-table options among `argv`, or null when none is given. */
export function benchRowCommand(argv: string[]): (() => Promise<void>) | null {
  if (argv.includes('--all')) return runAll;
  if (argv.includes('--report')) return () => runReport();
  const steps = stepLatencyOptions(argv);
  if (steps) return () => runStepLatency(steps);
  const replay = replayVerifyOptions(argv);
  if (replay) return () => runReplayVerify(replay);
  const designer = designerOptions(argv);
  if (designer) return () => runDesignerOpen(designer);
  return null;
}
