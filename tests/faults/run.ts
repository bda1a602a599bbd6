// `npm run test:faults [-- scenario...]`: the fault and soak suites on real servers (separate OS processes on loopback).
// Each scenario gets a fresh stack under .data/faults-<pid>/; every child is killed and the data removed at the end.
// Prints one line per scenario and closes with `N passed, N failed`.
import fs from 'node:fs';
import { killAllChildren } from './child';
import { type ScenarioResult, writeResult } from './report';
import { apiRestart } from './scenarios/apiRestart';
import { databaseOutage } from './scenarios/databaseOutage';
import { soak } from './scenarios/soak';
import { temporalRestart } from './scenarios/temporalRestart';
import { workerKills } from './scenarios/workerKills';
import { FAULTS_DIR, type FaultStack, startFaultStack } from './stack';

const SCENARIOS: Record<string, (stack: FaultStack) => Promise<ScenarioResult>> = {
  'worker-kills': workerKills,
  'temporal-restart': temporalRestart,
  'database-outage': databaseOutage,
  'api-restart': apiRestart,
  soak,
};

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !(w in SCENARIOS));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; choose from ${Object.keys(SCENARIOS).join(', ')}`);
  let passed = 0;
  let failed = 0;
  for (const name of wanted.length ? wanted : Object.keys(SCENARIOS)) {
    console.log(`== ${name}`);
    let stack: FaultStack | undefined;
    let result: ScenarioResult;
    try {
      stack = await startFaultStack(name);
      result = await SCENARIOS[name](stack);
    } catch (error) {
      result = { scenario: name, passed: false, summary: `error: ${(error as Error).message}`, details: { error: String((error as Error).stack ?? error) } };
    } finally {
      await stack?.stop();
    }
    writeResult(result);
    if (result.passed) passed += 1;
    else failed += 1;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.on('exit', () => {
  killAllChildren();
  if (process.env.FAULTS_KEEP !== '1') fs.rmSync(FAULTS_DIR, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
