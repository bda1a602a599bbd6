// Scenario 5, the soak: SOAK_SECONDS (default 600) of mixed load on loopback by a few simulated people (start, list,
// claim, read, complete, correlate a message, read the case, verify its audit), sampling the resident memory of the
// server and the worker. Passes when memory after warm-up stays flat within 10 % — the heap that survives a full garbage
// collection (sampled by memoryProbe.mjs), median of the first minute after warm-up vs the last minute; resident set size
// is reported beside it but swings with the collector — every case completes and no request fails.
import { type Answer, ApiUser, enc } from '../api';
import { AnswerLog, caseStatuses, PROCESSES, prepare } from '../driver';
import { envNumber, progress, type ScenarioResult } from '../report';
import fs from 'node:fs';
import { type FaultStack, memoryFile } from '../stack';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The heap-after-GC samples the memory probe wrote to `file`, `t` in seconds since `began` (ms). */
function heapSamples(file: string, began: number): Array<{ t: number; heapUsedKb: number; rssKb: number }> {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
    const { at, heapUsedKb, rssKb } = JSON.parse(line) as { at: number; heapUsedKb: number; rssKb: number };
    return { t: Math.round((at - began) / 1000), heapUsedKb, rssKb };
  });
}

/** Polls `request` until `done` holds (at most `timeoutMs`); every answer is logged. */
async function pollUntil(what: string, log: AnswerLog, request: () => Promise<Answer>, done: (a: Answer) => boolean, timeoutMs = 60_000): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await request();
    log.note(what, answer);
    if (done(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`${what}: not done within ${timeoutMs / 1000} s (last ${answer.status})`);
    await sleep(300);
  }
}

/** Runs the scenario on a fresh stack. */
export async function soak(stack: FaultStack): Promise<ScenarioResult> {
  const name = 'soak';
  const seconds = envNumber('SOAK_SECONDS', 600);
  const users = envNumber('FAULTS_SOAK_USERS', 4);
  const sampleEvery = envNumber('FAULTS_SOAK_SAMPLE_S', 5) * 1000;
  const people = await prepare(stack);
  const log = new AnswerLog();
  const ids: string[] = [];
  const failures: string[] = [];
  const began = Date.now();
  const end = began + seconds * 1000;
  const ok = (what: string, a: Answer, ...statuses: number[]) => {
    log.note(what, a);
    if (!statuses.includes(a.status)) throw new Error(`${what} answered ${a.status}: ${JSON.stringify(a.body).slice(0, 200)}`);
    return a;
  };

  const samples: Array<{ t: number; server: number | null; worker: number | null }> = [];
  const sampling = (async () => {
    while (Date.now() < end) {
      samples.push({ t: Math.round((Date.now() - began) / 1000), server: stack.server.rssKb(), worker: stack.worker.rssKb() });
      await sleep(sampleEvery);
    }
  })();

  const person = async (n: number) => {
    const staff = await ApiUser.login(stack.baseUrl, 'bajiao-staff');
    for (let i = 0; Date.now() < end; i += 1) {
      const key = `soak-${process.pid}-${n}-${i}`;
      try {
        const started = ok('start', await staff.post('/api/instances', { definitionKey: PROCESSES.message.key, businessKey: key, variables: { caseNo: key } }), 201);
        const id = started.body.id as string;
        ids.push(id);
        const listed = await pollUntil('list tasks', log, () => staff.get(`/api/tasks?instanceId=${enc(id)}&status=open`), (a) => a.status !== 200 || a.body.items.length > 0);
        const taskId = ok('list tasks', listed, 200).body.items[0].id as string;
        ok('claim', await staff.post(`/api/tasks/${enc(taskId)}/claim`), 200);
        ok('read task', await staff.get(`/api/tasks/${enc(taskId)}`), 200);
        ok('complete', await staff.post(`/api/tasks/${enc(taskId)}/complete`, { variables: {} }), 200);
        ok('my tasks', await staff.get('/api/tasks?mine=true&size=20'), 200);
        const correlated = ok('correlate', await staff.post('/api/messages', { name: 'fault-report', correlationKey: key, timeToLive: 'PT0S' }), 200);
        if (!correlated.body.correlated.some((c: { id: string }) => c.id === id)) throw new Error(`correlate reached ${JSON.stringify(correlated.body.correlated)}, not ${id}`);
        const done = await pollUntil('read case', log, () => staff.get(`/api/instances/${enc(id)}`), (a) => a.status !== 200 || a.body.status === 'completed');
        ok('read case', done, 200);
        const verified = ok('verify', await people.auditor.post(`/api/instances/${enc(id)}/audit/verify`, {}, { timeoutMs: 60_000 }), 200);
        if (verified.body.ok !== true) throw new Error(`verify of ${id}: ${JSON.stringify(verified.body).slice(0, 300)}`);
        ok('list cases', await staff.get('/api/instances?size=20'), 200);
      } catch (error) {
        if (failures.length < 20) failures.push((error as Error).message);
        await sleep(1000);
      }
    }
  };
  let lastReport = 0;
  const reporting = (async () => {
    while (Date.now() < end) {
      await sleep(5000);
      if (Date.now() - lastReport >= 60_000) {
        lastReport = Date.now();
        const s = samples[samples.length - 1];
        progress(name, `${Math.round((Date.now() - began) / 1000)} s: ${ids.length} cases, rss server ${s?.server} kB worker ${s?.worker} kB, failures ${failures.length}`);
      }
    }
  })();
  await Promise.all([...Array.from({ length: users }, (_, n) => person(n)), sampling, reporting]);
  const errorCount = Object.entries(log.byStatus).filter(([s]) => Number(s) < 200 || Number(s) >= 300).reduce((sum, [, n]) => sum + n, 0) + failures.length;
  const requests = Object.values(log.byStatus).reduce((a, b) => a + b, 0);

  // Every case completes (the last ones may still be finishing).
  let unfinished: string[] = [];
  for (let i = 0; i < 30; i += 1) {
    const statuses = await caseStatuses(stack, ids);
    unfinished = ids.filter((id) => statuses.get(id) !== 'completed');
    if (unfinished.length === 0) break;
    await sleep(2000);
  }

  const warmup = Math.min(60, seconds / 4);
  const window = Math.min(60, (seconds - warmup) / 2);
  const change = (first: number, last: number) => Math.round(((last - first) / first) * 1000) / 10;
  const memory = (['server', 'worker'] as const).map((proc) => {
    const rss = (from: number, to: number) => samples.filter((s) => s.t >= from && s.t < to && s[proc] !== null).map((s) => s[proc] as number);
    const heap = heapSamples(memoryFile(stack.dir, proc), began);
    const heapIn = (from: number, to: number) => heap.filter((s) => s.t >= from && s.t < to).map((s) => s.heapUsedKb);
    const [rssFirst, rssLast] = [median(rss(warmup, warmup + window)), median(rss(seconds - window, seconds + 1))];
    const [heapFirst, heapLast] = [median(heapIn(warmup, warmup + window)), median(heapIn(seconds - window, seconds + 1))];
    return { proc, heapFirstKb: heapFirst, heapLastKb: heapLast, heapChange: change(heapFirst, heapLast), rssFirstKb: rssFirst, rssLastKb: rssLast, rssChange: change(rssFirst, rssLast), heapSamples: heap };
  });
  const problems = [
    ...memory.filter((m) => !(Math.abs(m.heapChange) <= 10)).map((m) => `${m.proc} heap after GC changed ${m.heapChange} % (${m.heapFirstKb} → ${m.heapLastKb} kB)`),
    ...(unfinished.length ? [`${unfinished.length} cases not completed: ${unfinished.slice(0, 5).join(', ')}`] : []),
    ...(errorCount ? [`${errorCount} errors: ${[...failures, ...log.serverErrors].slice(0, 5).join(' | ')}`] : []),
  ];
  return {
    scenario: name,
    passed: problems.length === 0,
    summary: `${seconds} s, ${users} people, ${ids.length} cases (${unfinished.length} unfinished), ${requests} requests, errors ${errorCount}; ${memory.map((m) => `${m.proc} heap after GC ${m.heapFirstKb}→${m.heapLastKb} kB (${m.heapChange} %), RSS ${m.rssFirstKb}→${m.rssLastKb} kB (${m.rssChange} %)`).join('; ')}`,
    details: { seconds, users, cases: ids.length, requests, answers: log.byStatus, errorCount, failures, memory, warmupSeconds: warmup, windowSeconds: window, samples, problems },
  };
}
