// After a fault: nothing lost and nothing doubled. Checks every case's summary, Temporal run, task rows, side effects
// (notification rows), audit chain (rows, element steps, API verification) and its seal in the global ledger.
import { Client, Connection } from '@temporalio/client';
import { type ApiUser, enc } from './api';
import { type AnswerLog, pool, type Process, untilAnswered } from './driver';
import type { FaultStack } from './stack';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the checks found: counts, and the first problems found (empty when all held). */
export interface CheckReport {
  cases: number;
  notifications: number;
  taskRows: number;
  auditRows: number;
  verified: number;
  sealed: number;
  incidents: number;
  problems: string[];
}

/** Checks the cases `ids` of `process` (which all must have completed). */
export async function checkCases(stack: FaultStack, auditor: ApiUser, log: AnswerLog, process: Process, ids: readonly string[], options: { verifyAll?: boolean } = {}): Promise<CheckReport> {
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < 50) problems.push(text);
  };
  const idList = [...ids] as never[];
  const db = stack.db;

  const instances = await db.collection('instances').find({ _id: { $in: idList } }).toArray();
  if (instances.length !== ids.length) problem(`${ids.length - instances.length} case summaries missing`);
  for (const row of instances) if (row.status !== 'completed') problem(`${row._id}: summary status ${row.status}`);

  // Temporal: every run completed, none still running or failed.
  const connection = await Connection.connect({ address: stack.temporalAddress });
  try {
    const client = new Client({ connection });
    await pool(ids, 8, async (id) => {
      const status = (await client.workflow.getHandle(id).describe()).status.name;
      if (status !== 'COMPLETED') problem(`${id}: workflow ${status}`);
    });
  } finally {
    await connection.close();
  }

  // Side effects: one notification per case and job element, no more, no fewer.
  const notifications = await db.collection('notifications').find({ instanceId: { $in: idList } }).toArray();
  const perStep = new Map<string, number>();
  for (const n of notifications) perStep.set(`${n.instanceId}|${n.elementId}`, (perStep.get(`${n.instanceId}|${n.elementId}`) ?? 0) + 1);
  for (const id of ids) {
    for (const job of process.jobs) {
      const n = perStep.get(`${id}|${job}`) ?? 0;
      if (n !== 1) problem(`${id}: ${n} notifications of ${job} (expected 1)`);
    }
  }

  // Task rows: one completed row per user task.
  const tasks = await db.collection('tasks').find({ instanceId: { $in: idList } }).toArray();
  for (const id of ids) {
    for (const elementId of process.userTasks) {
      const rows = tasks.filter((t) => t.instanceId === id && t.elementId === elementId);
      if (rows.length !== 1 || rows[0].status !== 'completed') problem(`${id}: task rows of ${elementId}: ${rows.map((r) => r.status).join(',') || 'none'}`);
    }
  }

  // Audit chain rows: seq 1..n without gaps, each element of the path entered and left exactly once, one start and one end.
  const audit = await db.collection('auditEvents').find({ instanceId: { $in: idList } }, { projection: { instanceId: 1, seq: 1, kind: 1, elementId: 1 } }).toArray();
  const byCase = new Map<string, typeof audit>();
  for (const row of audit) byCase.set(String(row.instanceId), [...(byCase.get(String(row.instanceId)) ?? []), row]);
  let incidents = 0;
  for (const id of ids) {
    const rows = (byCase.get(id) ?? []).sort((a, b) => a.seq - b.seq);
    if (rows.some((r, i) => r.seq !== i + 1)) problem(`${id}: audit seqs not 1..${rows.length}`);
    const count = (kind: string, elementId?: string) => rows.filter((r) => r.kind === kind && (elementId === undefined || r.elementId === elementId)).length;
    incidents += count('incident.raised');
    if (count('instance.started') !== 1 || count('instance.completed') !== 1) problem(`${id}: ${count('instance.started')} starts, ${count('instance.completed')} completions in the audit`);
    for (const elementId of process.path) {
      const [entered, left] = [count('element.entered', elementId), count('element.left', elementId)];
      // An element re-entered by a resolved incident is entered once; only a doubled run enters twice.
      if (entered > 1 || left !== 1) problem(`${id}: ${elementId} entered ${entered}×, left ${left}× in the audit`);
    }
    for (const elementId of process.userTasks) if (count('task.completed', elementId) !== 1) problem(`${id}: ${count('task.completed', elementId)} task.completed of ${elementId}`);
  }

  // The global ledger: each case sealed exactly once (the sealer runs every 10 s at the latest).
  let sealed = 0;
  for (let attempt = 0; attempt < 30; attempt += 1) {
    sealed = await db.collection('auditLedger').countDocuments({ instanceId: { $in: idList } });
    if (sealed >= ids.length) break;
    await sleep(2000);
  }
  if (sealed !== ids.length) problem(`${sealed} of ${ids.length} cases sealed in the global ledger`);

  // The API's verification (chain, seal, cross-check with the Temporal history).
  const toVerify = options.verifyAll === false ? ids.filter((_, i) => i % 10 === 0) : ids;
  let verified = 0;
  await pool(toVerify, 3, async (id) => {
    const answer = await untilAnswered('verify', log, () => auditor.post(`/api/instances/${enc(id)}/audit/verify`, {}, { timeoutMs: 60_000 }));
    if (answer.status === 200 && answer.body.ok === true && answer.body.crossCheck?.status === 'checked') verified += 1;
    else problem(`${id}: audit verify ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  });

  return { cases: ids.length, notifications: notifications.length, taskRows: tasks.length, auditRows: audit.length, verified, sealed, incidents, problems };
}
