// Scenario 3: the database goes away for 60 s under load (FerretDB SIGKILLed and started again on the same port and data,
// or with FAULTS_DB_MODE=stop frozen with SIGSTOP/SIGCONT): the API answers 503 problem+json with Retry-After in bounded
// time, activities back off, and afterwards the backlog drains and every case completes.
import { probeOnce, type ProbeAnswer, summariseProbes } from '../probe';
import { envNumber, progress, type ScenarioResult, secondsSince } from '../report';
import type { FaultStack } from '../stack';
import { figuresOf, problemsOf, runUnderLoad } from '../underLoad';

/** Runs the scenario on a fresh stack. */
export async function databaseOutage(stack: FaultStack): Promise<ScenarioResult> {
  const name = 'database-outage';
  const total = envNumber('FAULTS_DB_CASES', 200);
  const outageSeconds = envNumber('FAULTS_DB_OUTAGE_S', 60);
  const mode = process.env.FAULTS_DB_MODE === 'stop' ? 'stop' : 'kill';
  /** The slowest answer a route may give during the outage. */
  const boundMs = envNumber('FAULTS_DB_ANSWER_BOUND_MS', 30_000);
  const run = await runUnderLoad(stack, name, {
    total,
    faultAfter: Math.floor(total / 2),
    fault: async (people) => {
      const down = Date.now();
      await stack.ferretdb.kill(mode === 'stop' ? 'SIGSTOP' : 'SIGKILL');
      const probes: ProbeAnswer[] = [];
      // Probe until the outage is over; each round waits for its slowest answer (bounded by the client timeout).
      while (Date.now() - down < outageSeconds * 1000 - 2000) {
        probes.push(...(await probeOnce(stack.baseUrl, people.staff, 45_000)));
        await new Promise((r) => setTimeout(r, 2000));
      }
      await new Promise((r) => setTimeout(r, Math.max(0, outageSeconds * 1000 - (Date.now() - down))));
      if (mode === 'stop') await stack.ferretdb.kill('SIGCONT');
      else await stack.ferretdb.start();
      const downSeconds = secondsSince(down);
      progress(name, `database (${mode}) back after ${downSeconds} s; ${probes.length} probe answers`);
      return { mode, downSeconds, probes: summariseProbes(probes), probeAnswers: probes.length, slowestMs: Math.max(...probes.map((p) => p.ms)), raw: probes };
    },
  });
  const problems = problemsOf(run);
  const probes = run.fault.raw as ProbeAnswer[];
  const bad = probes.filter((p) => p.status !== 503 && p.status !== 200 && !(p.route === 'POST /api/instances' && p.status === 201));
  const improper = probes.filter((p) => p.status === 503 && (!p.problemJson || (p.route !== 'GET /healthz' && !p.retryAfter)));
  const slow = probes.filter((p) => p.ms > boundMs);
  if (bad.length) problems.push(`${bad.length} probe answers neither 503 nor 2xx during the outage: ${bad.slice(0, 5).map((p) => `${p.route} ${p.status} ${p.code ?? ''}`).join(', ')}`);
  if (improper.length) problems.push(`${improper.length} 503s without problem+json or Retry-After: ${improper.slice(0, 3).map((p) => p.route).join(', ')}`);
  if (slow.length) problems.push(`${slow.length} probe answers slower than ${boundMs} ms: ${slow.slice(0, 5).map((p) => `${p.route} ${p.ms} ms`).join(', ')}`);
  const incidents = run.checks.reduce((sum, c) => sum + c.incidents, 0);
  return {
    scenario: name,
    passed: problems.length === 0,
    summary: `${run.total} cases, database ${mode === 'stop' ? 'frozen' : 'killed'} for ${run.fault.downSeconds} s after ${Math.floor(total / 2)} had started; probes ${probes.length} (503 ${probes.filter((p) => p.status === 503).length}, slowest ${run.fault.slowestMs} ms); all done after ${run.runSeconds} s, drained ${run.drainSeconds} s after the restart; incidents ${incidents}, 500s ${run.log.defects}, problems ${problems.length}`,
    details: { ...figuresOf(run), fault: { ...run.fault, raw: undefined }, problems },
  };
}
