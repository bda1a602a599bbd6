// Scenario 2: restart the Temporal dev server under load (it keeps its SQLite file); cases started before complete after.
import { probeOnce, type ProbeAnswer, summariseProbes } from '../probe';
import { envNumber, progress, type ScenarioResult, secondsSince } from '../report';
import type { FaultStack } from '../stack';
import { figuresOf, problemsOf, runUnderLoad } from '../underLoad';

/** Runs the scenario on a fresh stack. */
export async function temporalRestart(stack: FaultStack): Promise<ScenarioResult> {
  const name = 'temporal-restart';
  const total = envNumber('FAULTS_TEMPORAL_CASES', 200);
  const signal = (process.env.FAULTS_TEMPORAL_SIGNAL ?? 'SIGTERM') as NodeJS.Signals;
  const run = await runUnderLoad(stack, name, {
    total,
    faultAfter: Math.floor(total / 2),
    fault: async (people) => {
      const down = Date.now();
      await stack.temporal.kill(signal);
      const probes: ProbeAnswer[] = await probeOnce(stack.baseUrl, people.staff);
      await new Promise((r) => setTimeout(r, envNumber('FAULTS_TEMPORAL_DOWN_S', 5) * 1000));
      probes.push(...(await probeOnce(stack.baseUrl, people.staff)));
      await stack.temporal.start();
      const downSeconds = secondsSince(down);
      progress(name, `Temporal (${signal}) back after ${downSeconds} s`);
      return { signal, downSeconds, probes: summariseProbes(probes) };
    },
  });
  const problems = problemsOf(run);
  return {
    scenario: name,
    passed: problems.length === 0,
    summary: `${run.total} cases, Temporal stopped (${signal}) for ${run.fault.downSeconds} s after ${Math.floor(total / 2)} had started; all done after ${run.runSeconds} s, drained ${run.drainSeconds} s after the restart; 503 answers ${run.log.count(503)}, 500s ${run.log.defects}, problems ${problems.length}`,
    details: { ...figuresOf(run), problems },
  };
}
