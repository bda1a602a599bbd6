// Bench row 3 (`npm run bench -- --step-latency [users] [--steps N] [--think-ms N]`): step latency under load. N task workers
// (20 by default) each work through their own case, a chain of user tasks assigned to them, over HTTP on loopback
// against the real product (server + worker + Temporal dev server + FerretDB, bench/apiStack.ts), all at once, as the
// web app does: complete the task (POST /api/tasks/:id/complete), then poll "my tasks" (GET /api/tasks?mine=true&
// status=open,claimed) until the next task is listed. The latency of a step is from sending the completion until the
// list shows the next task. Target: p99 < 150 ms. Writes bench/results/row-3.json.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { deploy } from '../server/services/definitions';
import { type HttpSession, createBenchUsers, signIn, startApiBenchStack } from './apiStack';
import { databaseOf, percentile, rowResult, writeRowResult } from './rowResult';
import { cpuBetween, stackCpuReader } from './stackCpu';

const TARGET_P99_MS = 150;
/** Pause between two polls of the list while waiting for the next task (the web app polls, too). */
const POLL_PAUSE_MS = 10;
const PROCESS_KEY = 'bench-steps';

/** The options of `--step-latency [users]`: users, measured steps per user, warm-up steps per user. */
export function stepLatencyOptions(argv: string[]): { users: number; steps: number; warmup: number; thinkMs: number } | null {
  const at = argv.indexOf('--step-latency');
  if (at < 0) return null;
  const users = argv[at + 1] && !argv[at + 1].startsWith('--') ? Number(argv[at + 1]) : 20;
  const { values } = parseArgs({ args: argv.filter((_, i) => i !== at && !(i === at + 1 && !argv[i].startsWith('--'))), options: { steps: { type: 'string', default: '25' }, warmup: { type: 'string', default: '3' }, 'think-ms': { type: 'string', default: '0' } }, strict: false });
  const steps = Number(values.steps);
  const warmup = Number(values.warmup);
  const thinkMs = Number(values['think-ms']);
  if (![users, steps].every((n) => Number.isInteger(n) && n >= 1) || ![warmup, thinkMs].every((n) => Number.isInteger(n) && n >= 0)) throw new Error('--step-latency takes a positive whole number of users, e.g. 20 (--steps N: measured steps per user, --warmup N, --think-ms N: a pause before each completion)');
  return { users, steps, warmup, thinkMs };
}

/** A process of `tasks` user tasks in a row, each assigned to the case's `benchUser`. */
function chainXml(tasks: number): string {
  const ids = Array.from({ length: tasks }, (_, i) => `Step${i + 1}`);
  const nodes = ids.map((id) => `<bpmn:userTask id="${id}" name="${id}"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="=benchUser" /></bpmn:extensionElements></bpmn:userTask>`);
  const chain = ['Start', ...ids, 'End'];
  const flows = chain.slice(1).map((id, i) => `<bpmn:sequenceFlow id="F${i}" sourceRef="${chain[i]}" targetRef="${id}" />`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${PROCESS_KEY}" name="基准：连续用户任务" isExecutable="true">
    <bpmn:startEvent id="Start" />${nodes.join('')}<bpmn:endEvent id="End" />${flows.join('')}
  </bpmn:process>
</bpmn:definitions>`;
}

type ListedTask = { id: string; instanceId: string };

/** My open tasks as the task list's first tab asks for them. */
async function myTasks(session: HttpSession): Promise<ListedTask[]> {
  const res = await session.request('GET', '/api/tasks?mine=true&status=open,claimed&sort=due&size=20');
  if (res.status !== 200) throw new Error(`${session.username}: GET /api/tasks answered ${res.status}`);
  return (res.body as { items: ListedTask[] }).items;
}

/** Polls my tasks until one other than `previous` is listed (or 30 s pass). */
async function nextTask(session: HttpSession, previous: string | null): Promise<{ task: ListedTask; polls: number }> {
  const deadline = Date.now() + 30_000;
  for (let polls = 1; ; polls++) {
    const task = (await myTasks(session)).find((t) => t.id !== previous);
    if (task) return { task, polls };
    if (Date.now() > deadline) throw new Error(`${session.username}: no next task listed 30 s after ${previous}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_PAUSE_MS));
  }
}

/** One user's work: `count` steps; returns each step's latency, completion time and number of list polls. */
async function work(session: HttpSession, count: number, first: ListedTask, thinkMs: number): Promise<{ task: ListedTask; steps: Array<{ ms: number; completeMs: number; polls: number }> }> {
  let task = first;
  const steps = [];
  for (let i = 0; i < count; i++) {
    if (thinkMs) await new Promise((resolve) => setTimeout(resolve, thinkMs));
    const t0 = performance.now();
    const done = await session.request('POST', `/api/tasks/${encodeURIComponent(task.id)}/complete`, { variables: {} });
    if (done.status !== 200) throw new Error(`${session.username}: completing ${task.id} answered ${done.status}: ${JSON.stringify(done.body)}`);
    const completeMs = performance.now() - t0;
    const next = await nextTask(session, task.id);
    steps.push({ ms: performance.now() - t0, completeMs, polls: next.polls });
    task = next.task;
  }
  return { task, steps };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Runs row 3 and writes its result. */
export async function runStepLatency({ users, steps, warmup, thinkMs }: { users: number; steps: number; warmup: number; thinkMs: number }): Promise<void> {
  const stack = await startApiBenchStack('sparrow_bench_steps');
  try {
    const names = Array.from({ length: users }, (_, i) => `bench-user-${String(i + 1).padStart(2, '0')}`);
    await createBenchUsers(names);
    await deploy({ xml: chainXml(warmup + steps + 1), deployedBy: 'bench' });
    const sessions = await Promise.all(names.map((name) => signIn(stack.baseURL, name)));
    const loadBefore = Math.round(os.loadavg()[0] * 100) / 100;
    const firsts = await Promise.all(
      sessions.map(async (session) => {
        const started = await session.request('POST', '/api/instances', { definitionKey: PROCESS_KEY, businessKey: `steps-${session.username}`, street: 'bajiao', variables: { benchUser: session.username } });
        if (started.status !== 201) throw new Error(`${session.username}: starting a case answered ${started.status}: ${JSON.stringify(started.body)}`);
        return (await nextTask(session, null)).task;
      }),
    );
    console.log(`${users} users signed in, each with a case of ${warmup + steps + 1} user tasks; warming up (${warmup} steps each) …`);
    const warmed = await Promise.all(sessions.map((session, i) => work(session, warmup, firsts[i], thinkMs)));
    const readCpu = stackCpuReader(stack.servers.env.address, stack.servers.ferretdb?.process.pid);
    const cpu0 = readCpu();
    const t0 = performance.now();
    const measured = await Promise.all(sessions.map((session, i) => work(session, steps, warmed[i].task, thinkMs)));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuBetween(cpu0, readCpu());
    const all = measured.flatMap((m) => m.steps);
    const latencies = all.map((s) => s.ms).sort((a, b) => a - b);
    const completes = all.map((s) => s.completeMs).sort((a, b) => a - b);
    const values = {
      users,
      stepsPerUser: steps,
      samples: latencies.length,
      seconds: round(seconds),
      stepsPerSecond: round(latencies.length / seconds),
      p50Ms: round(percentile(latencies, 50)),
      p90Ms: round(percentile(latencies, 90)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(latencies[latencies.length - 1]),
      completeP50Ms: round(percentile(completes, 50)),
      completeP99Ms: round(percentile(completes, 99)),
      meanPolls: round(all.reduce((n, s) => n + s.polls, 0) / all.length),
      pollPauseMs: POLL_PAUSE_MS,
      thinkMs,
      cpuMsPerStep: Object.fromEntries(Object.entries(cpu).map(([role, s]) => [role, s === null ? null : round((s * 1000) / latencies.length)])),
      loadAverageBefore: loadBefore,
      database: databaseOf(stack),
    };
    console.table([values]);
    writeRowResult(
      rowResult(
        3,
        'Step latency under load',
        [{
          what: `${users} concurrent API users: complete → next task listed`,
          figures: `p50 ${Math.round(values.p50Ms)} ms, p99 ${Math.round(values.p99Ms)} ms (complete alone p50 ${Math.round(values.completeP50Ms)} / p99 ${Math.round(values.completeP99Ms)} ms; ${values.samples} steps, ${values.stepsPerSecond} steps/s)`,
          target: `p99 < ${TARGET_P99_MS} ms`,
          pass: values.p99Ms < TARGET_P99_MS,
          bottleneck: values.p99Ms < TARGET_P99_MS ? undefined : `throughput: the ${users} users wait on each other — ${values.stepsPerSecond} steps/s means ≈ ${Math.round((users / values.stepsPerSecond) * 1000)} ms per step at this concurrency; the completion (a Temporal update answered after the workflow task and its read-model activities ran) is ${Math.round((values.completeP50Ms / values.p50Ms) * 100)}% of a step; CPU per step: this process (API server, worker and the clients) ${values.cpuMsPerStep.worker} ms, Temporal ${values.cpuMsPerStep.temporal ?? '?'} ms, database ${values.cpuMsPerStep.database ?? '?'} ms, on ${os.cpus().length} cores with a load average of ${loadBefore} before the run`,
        }],
        values,
        [`Each user polls "my tasks" every ${POLL_PAUSE_MS} ms after completing, as the web app refetches; ${thinkMs ? `${thinkMs} ms` : 'no'} pause before each completion (--think-ms), so with none the users saturate the stack and latency is users ÷ throughput; ${warmup} warm-up steps per user not counted.`],
      ),
    );
  } finally {
    await stack.stop();
  }
}
