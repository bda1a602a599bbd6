// The shape shared by the restart and outage scenarios: start cases and complete their tasks through the API while a
// fault is injected, then wait until every case (also any a probe started) has completed, and check them.
import { checkCases, type CheckReport } from './checks';
import { AnswerLog, driveToCompletion, type People, PROCESSES, pool, prepare, startCase } from './driver';
import { envNumber, progress, secondsSince } from './report';
import type { FaultStack } from './stack';

/** What a run under load measured. */
export interface LoadRun {
  total: number;
  log: AnswerLog;
  /** Seconds from the first start until every case completed. */
  runSeconds: number;
  /** Seconds from the end of the fault until every case completed. */
  drainSeconds: number;
  /** Cases not completed by the deadline. */
  pending: string[];
  /** Starts that failed for good. */
  startFailures: string[];
  /** Summaries in the database that are not completed (any case, also those a probe started). */
  unfinishedSummaries: string[];
  checks: CheckReport[];
  /** What the fault returned. */
  fault: Record<string, unknown>;
}

/**
 * Starts `total` cases (half with a user task) and, once `faultAfter` of them have started, runs `fault` (which
 * resolves when the fault is over) while starting and completing go on; then drains and checks.
 */
export async function runUnderLoad(stack: FaultStack, name: string, options: { total: number; faultAfter: number; fault: (people: People) => Promise<Record<string, unknown>> }): Promise<LoadRun> {
  const people = await prepare(stack);
  const log = new AnswerLog();
  const { total } = options;
  const started = Date.now();
  const ids: string[] = [];
  const startFailures: string[] = [];
  const perProcess = { chain: [] as string[], service: [] as string[] };
  let faultStarted: () => void = () => undefined;
  const faultMayStart = new Promise<void>((resolve) => {
    faultStarted = resolve;
  });
  let startsDone = false;
  const starting = pool(Array.from({ length: total }, (_, i) => i), 4, async (i) => {
    const which = i % 2 === 0 ? 'chain' : 'service';
    const id = await startCase(people.staff, log, PROCESSES[which], `${name}-${process.pid}-${i}`).catch((error: Error) => {
      startFailures.push(error.message);
      return undefined;
    });
    if (id === undefined) return;
    ids.push(id);
    perProcess[which].push(id);
    if (ids.length >= options.faultAfter) faultStarted();
  }).finally(() => {
    startsDone = true;
    faultStarted();
  });
  let faultEndedAt = 0;
  let faultDetails: Record<string, unknown> = {};
  const faulting = faultMayStart.then(async () => {
    progress(name, `fault begins with ${ids.length} cases started`);
    try {
      faultDetails = await options.fault(people);
    } finally {
      faultEndedAt = Date.now();
      progress(name, 'fault over');
    }
  });
  faulting.catch(() => undefined); // awaited below; this only keeps a failure from being unhandled meanwhile
  const deadline = started + envNumber('FAULTS_DEADLINE_S', 1800) * 1000;
  let pending: string[] = [];
  let lastHundred = -1;
  for (;;) {
    const snapshot = [...ids];
    const faultOver = faultEndedAt > 0;
    pending = await driveToCompletion(stack, people.staff, log, snapshot, {
      deadlineMs: startsDone && faultOver ? deadline : Date.now() + 5000,
      onTick: (done) => {
        if (Math.floor(done / 50) !== lastHundred) progress(name, `${done} of ${total} cases completed (${snapshot.length} started)`);
        lastHundred = Math.floor(done / 50);
      },
    });
    if ((startsDone && faultOver && snapshot.length === ids.length) || Date.now() > deadline) break;
  }
  await starting;
  await faulting;
  const runSeconds = secondsSince(started);
  const drainSeconds = secondsSince(faultEndedAt);
  // Cases a probe started during the fault must also end (or never have been stored).
  let unfinishedSummaries: string[] = [];
  for (let i = 0; i < 60; i += 1) {
    const rows = await stack.db.collection('instances').find({ status: { $ne: 'completed' } }, { projection: { _id: 1, status: 1 } }).toArray();
    unfinishedSummaries = rows.map((r) => `${r._id} (${r.status})`);
    if (rows.length === 0) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  progress(name, `${total - pending.length} of ${total} completed in ${runSeconds} s (drained ${drainSeconds} s after the fault); checking`);
  const checks = [
    await checkCases(stack, people.auditor, log, PROCESSES.chain, perProcess.chain),
    await checkCases(stack, people.auditor, log, PROCESSES.service, perProcess.service),
  ];
  return { total, log, runSeconds, drainSeconds, pending, unfinishedSummaries, startFailures, checks, fault: faultDetails };
}

/** The problems of a run (empty when nothing was lost, doubled, left unfinished or answered 500). */
export function problemsOf(run: LoadRun): string[] {
  return [
    ...(run.startFailures.length ? [`${run.startFailures.length} starts failed: ${run.startFailures.slice(0, 3).join(' | ')}`] : []),
    ...(run.pending.length ? [`${run.pending.length} cases not completed: ${run.pending.slice(0, 5).join(', ')}`] : []),
    ...(run.unfinishedSummaries.length ? [`summaries not completed: ${run.unfinishedSummaries.slice(0, 5).join(', ')}`] : []),
    ...run.checks.flatMap((c) => c.problems),
    ...(run.log.defects ? [`${run.log.defects} answers 500 or other non-transient 5xx: ${run.log.serverErrors.slice(0, 3).join(' | ')}`] : []),
  ];
}

/** The figures of a run for the result file. */
export function figuresOf(run: LoadRun): Record<string, unknown> {
  return {
    total: run.total,
    runSeconds: run.runSeconds,
    drainSeconds: run.drainSeconds,
    answers: run.log.byStatus,
    startsRefusedAsDuplicateAfter503: run.log.retriedStarts.size,
    serverErrors: run.log.serverErrors,
    checks: run.checks.map((c) => ({ ...c, problems: undefined })),
    fault: run.fault,
  };
}
