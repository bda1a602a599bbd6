// Drives cases through the API while servers fail: deploy the fixtures, start cases, complete their tasks, wait for
// them to end. Every answer is counted by status; transient answers (no answer, 502-504) are retried, others are not.
import fs from 'node:fs';
import path from 'node:path';
import { type Answer, ApiUser, enc } from './api';
import type { FaultStack } from './stack';

const FIXTURES = path.join(__dirname, 'fixtures');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Answers seen, by status (0 = no answer), and what the 5xx said. */
export class AnswerLog {
  readonly byStatus: Record<string, number> = {};
  readonly serverErrors: string[] = [];
  /** Business keys whose start answered 409 duplicate after a transient answer (the case had started). */
  readonly retriedStarts = new Set<string>();
  /** Counts an answer; keeps a sample of 5xx bodies. */
  note(what: string, answer: Answer): void {
    this.byStatus[answer.status] = (this.byStatus[answer.status] ?? 0) + 1;
    if ((answer.status >= 500 || answer.status === 0) && this.serverErrors.length < 20) this.serverErrors.push(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
  /** How many answers had one of these statuses. */
  count(...statuses: number[]): number {
    return statuses.reduce((sum, s) => sum + (this.byStatus[s] ?? 0), 0);
  }
  /** Answers with status 500 or any 5xx other than 502-504. */
  get defects(): number {
    return Object.entries(this.byStatus).filter(([s]) => Number(s) >= 500 && ![502, 503, 504].includes(Number(s))).reduce((sum, [, n]) => sum + n, 0);
  }
}

/** Whether an answer says "try again": no answer, 502, 503 or 504. */
export const transient = (a: Answer) => a.status === 0 || a.status === 502 || a.status === 503 || a.status === 504;

/** Sends `request` until it gets a non-transient answer or `deadline` passes (then the last answer). */
export async function untilAnswered(what: string, log: AnswerLog, request: () => Promise<Answer>, deadline = Date.now() + 600_000): Promise<Answer> {
  for (let wait = 250; ; wait = Math.min(wait * 2, 3000)) {
    const answer = await request();
    log.note(what, answer);
    if (!transient(answer) || Date.now() > deadline) return answer;
    await sleep(wait);
  }
}

/** The processes the scenarios run. */
export const PROCESSES = {
  /** notify → user task → notify → notify */
  chain: { key: 'fault-chain', file: 'fault-chain.bpmn', jobs: ['N1', 'N2', 'N3'], userTasks: ['Review'], path: ['Start', 'N1', 'Review', 'N2', 'N3', 'End'] },
  /** three notifies, no person */
  service: { key: 'fault-service', file: 'fault-service.bpmn', jobs: ['S1', 'S2', 'S3'], userTasks: [], path: ['Start', 'S1', 'S2', 'S3', 'End'] },
  /** user task → message → notify */
  message: { key: 'fault-message', file: 'fault-message.bpmn', jobs: ['Notify'], userTasks: ['Review'], path: ['Start', 'Review', 'AwaitReport', 'Notify', 'End'] },
} as const;

/** One of the fixture processes. */
export type Process = (typeof PROCESSES)[keyof typeof PROCESSES];

/** The signed-in people of a scenario. */
export interface People {
  owner: ApiUser;
  staff: ApiUser;
  auditor: ApiUser;
}

/** Signs in the people and deploys the fixture processes as `owner`. */
export async function prepare(stack: FaultStack): Promise<People> {
  const [owner, staff, auditor] = await Promise.all(['owner', 'bajiao-staff', 'bajiao-auditor'].map((u) => ApiUser.login(stack.baseUrl, u)));
  for (const p of Object.values(PROCESSES)) {
    const res = await owner.post('/api/deployments', { xml: fs.readFileSync(path.join(FIXTURES, p.file), 'utf8'), note: 'fault suite' });
    if (res.status !== 201 && res.status !== 200) throw new Error(`deploying ${p.key} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return { owner, staff, auditor };
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

/** Starts a case (Idempotency-Key, so a retry after a lost answer starts nothing twice); returns its id. */
export async function startCase(user: ApiUser, log: AnswerLog, process: Process, businessKey: string, variables: Record<string, unknown> = {}): Promise<string> {
  let attempts = 0;
  const answer = await untilAnswered('start', log, () => {
    attempts += 1;
    return user.post('/api/instances', { definitionKey: process.key, businessKey, variables }, { idempotencyKey: `start-${businessKey}` });
  });
  if (answer.status === 201) return answer.body.id as string;
  // A start whose answer was a 503 may still have started the case (the failed request stored no idempotency record):
  // the retry is then refused as a duplicate, naming the case.
  if (answer.status === 409 && answer.body?.code === 'duplicate-business-key' && attempts > 1) {
    log.retriedStarts.add(businessKey);
    return answer.body.id as string;
  }
  throw new Error(`starting ${process.key}:${businessKey} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

/** Completes a task; true when this call (or an earlier one whose answer was lost) completed it. */
export async function completeTask(user: ApiUser, log: AnswerLog, taskId: string, variables: Record<string, unknown> = {}): Promise<boolean> {
  const answer = await untilAnswered('complete', log, () => user.post(`/api/tasks/${enc(taskId)}/complete`, { variables }, { idempotencyKey: `complete-${taskId}` }));
  if (answer.status === 200) return true;
  if (answer.status === 409 && answer.body?.code === 'task-closed') return true;
  throw new Error(`completing ${taskId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

/** Statuses of the case summaries `ids` (from the database). */
export async function caseStatuses(stack: FaultStack, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await stack.db.collection('instances').find({ _id: { $in: [...ids] } } as never, { projection: { status: 1 } }).toArray();
  return new Map(rows.map((r) => [String(r._id), String(r.status)]));
}

/**
 * Until every case of `ids` is completed (or `deadlineMs` passes): completes the open tasks of those cases as `staff`
 * (read from the task rows) with `concurrency` requests at a time. Returns the ids still not completed.
 */
export async function driveToCompletion(stack: FaultStack, staff: ApiUser, log: AnswerLog, ids: readonly string[], options: { deadlineMs: number; concurrency?: number; onTick?: (done: number) => void }): Promise<string[]> {
  const completed = new Set<string>();
  const wanted = new Set(ids);
  const tasks = stack.db.collection('tasks');
  let stuckSince = 0;
  for (;;) {
    const statuses = await caseStatuses(stack, ids).catch(() => new Map<string, string>());
    const pending = ids.filter((id) => statuses.get(id) !== 'completed');
    options.onTick?.(ids.length - pending.length);
    if (pending.length === 0 || Date.now() > options.deadlineMs) return pending;
    // Cases in an incident wait for a person: when nothing else is pending for 90 s, stop waiting.
    const stuck = pending.every((id) => statuses.get(id) === 'incident');
    stuckSince = stuck ? stuckSince || Date.now() : 0;
    if (stuck && Date.now() - stuckSince > 90_000) return pending;
    const open = await tasks.find({ status: { $in: ['open', 'claimed'] } }, { projection: { instanceId: 1 } }).limit(200).toArray().catch(() => []);
    const todo = open.filter((t) => wanted.has(String(t.instanceId)) && !completed.has(String(t._id))).map((t) => String(t._id));
    await pool(todo, options.concurrency ?? 4, async (taskId) => {
      if (await completeTask(staff, log, taskId).catch(() => false)) completed.add(taskId);
    });
    if (todo.length === 0) await sleep(1000);
  }
}
