// Scenario 1: kill -9 the worker at random points while cases run, restart it each time; then nothing is lost and
// nothing is doubled (every case completes, one side effect per step, consistent task rows and audit chains).
import { AnswerLog, driveToCompletion, PROCESSES, pool, prepare, startCase } from '../driver';
import { checkCases } from '../checks';
import { envNumber, progress, type ScenarioResult, secondsSince } from '../report';
import type { FaultStack } from '../stack';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

/** Runs the scenario on a fresh stack. */
export async function workerKills(stack: FaultStack): Promise<ScenarioResult> {
  const name = 'worker-kills';
  const total = envNumber('FAULTS_CASES', 1000);
  const maxKills = envNumber('FAULTS_KILLS', 12);
  const [killMin, killMax] = [envNumber('FAULTS_KILL_MIN_S', 3), envNumber('FAULTS_KILL_MAX_S', 20)];
  const people = await prepare(stack);
  const log = new AnswerLog();
  const started = Date.now();
  const ids: string[] = [];
  const perProcess = { chain: [] as string[], service: [] as string[] };
  let startsDone = false;
  const starting = pool(Array.from({ length: total }, (_, i) => i), 6, async (i) => {
    const which = i % 2 === 0 ? 'chain' : 'service';
    const id = await startCase(people.staff, log, PROCESSES[which], `k-${process.pid}-${i}`);
    ids.push(id);
    perProcess[which].push(id);
  }).finally(() => {
    startsDone = true;
  });

  // The killer: while cases run, SIGKILL the worker at a random moment after it is up, and start it again.
  const kills: Array<{ at: number; restartSeconds: number }> = [];
  let allDone = false;
  let lastRestartAt = Date.now();
  let restarting = false;
  const killing = (async () => {
    while (!allDone && kills.length < maxKills) {
      await sleep(between(killMin, killMax) * 1000);
      if (allDone) break;
      const at = secondsSince(started);
      restarting = true;
      await stack.worker.kill('SIGKILL');
      const down = Date.now();
      await sleep(between(0, 2000));
      await stack.worker.start();
      lastRestartAt = Date.now();
      restarting = false;
      kills.push({ at, restartSeconds: secondsSince(down) });
      progress(name, `kill ${kills.length} at ${at} s; worker back after ${secondsSince(down)} s`);
    }
  })();

  starting.catch(() => undefined); // both awaited below; this only keeps a failure from being unhandled meanwhile
  killing.catch(() => undefined);
  let lastDone = -1;
  // The longest time no case completed while the worker was up and cases were pending: a killed worker's work must be
  // picked up again within seconds, not after an activity's start-to-close timeout.
  let lastProgressAt = Date.now();
  let maxStallSeconds = 0;
  const maxStallAllowed = envNumber('FAULTS_MAX_STALL_S', 60);
  const deadline = started + envNumber('FAULTS_DEADLINE_S', 1800) * 1000;
  let pending: string[] = [];
  for (;;) {
    const snapshot = [...ids];
    pending = await driveToCompletion(stack, people.staff, log, snapshot, {
      deadlineMs: startsDone ? deadline : Date.now() + 5000,
      onTick: (done) => {
        if (done > lastDone) lastProgressAt = Date.now();
        else if (!restarting && done < snapshot.length) maxStallSeconds = Math.max(maxStallSeconds, secondsSince(Math.max(lastProgressAt, lastRestartAt)));
        if (Math.floor(done / 100) !== Math.floor(lastDone / 100)) progress(name, `${done} of ${total} cases completed (${snapshot.length} started)`);
        lastDone = done;
      },
    });
    if (startsDone && snapshot.length === ids.length) break;
    if (Date.now() > deadline) break;
  }
  allDone = true;
  await starting;
  await killing;
  const drainSeconds = secondsSince(lastRestartAt);
  const runSeconds = secondsSince(started);
  progress(name, `${total - pending.length} of ${total} completed in ${runSeconds} s; checking`);
  const chain = await checkCases(stack, people.auditor, log, PROCESSES.chain, perProcess.chain, { verifyAll: process.env.FAULTS_VERIFY_ALL !== '0' });
  const service = await checkCases(stack, people.auditor, log, PROCESSES.service, perProcess.service, { verifyAll: process.env.FAULTS_VERIFY_ALL !== '0' });
  const problems = [...(pending.length ? [`${pending.length} cases not completed: ${pending.slice(0, 5).join(', ')}`] : []), ...chain.problems, ...service.problems];
  if (maxStallSeconds > maxStallAllowed) problems.push(`no case completed for ${maxStallSeconds} s while the worker was up (allowed ${maxStallAllowed} s)`);
  const passed = problems.length === 0 && log.defects === 0;
  return {
    scenario: name,
    passed,
    summary: `${total} cases (${perProcess.chain.length} with a user task), ${kills.length} worker kills, all done ${runSeconds} s after the first start, drained ${drainSeconds} s after the last restart, longest stall ${maxStallSeconds} s; notifications ${chain.notifications + service.notifications}/${(perProcess.chain.length + perProcess.service.length) * 3}, verified ${chain.verified + service.verified}, sealed ${chain.sealed + service.sealed}, 500s ${log.defects}, problems ${problems.length}`,
    details: { total, kills, runSeconds, drainSeconds, maxStallSeconds, answers: log.byStatus, serverErrors: log.serverErrors, chain: { ...chain, problems: undefined }, service: { ...service, problems: undefined }, problems },
  };
}
