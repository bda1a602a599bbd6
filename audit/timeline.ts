// A case's story as Temporal recorded it: facts read from the event history (Temporal's JSON form), the timeline of
// business steps built from the audit entries the workflow code produces when that history is replayed, and the
// cross-check of that story against the stored audit chain. Pure functions, shared by the API and the offline CLI.
import { defaultPayloadConverter } from '@temporalio/common';
import { JSONToPayload, type JSONPayload } from '@temporalio/common/lib/proto-utils';
import type { RecordProgressInput } from '../activities/readModel';
import type { AuditEntry, Variables } from '../engine/interpreter/types';
import type { ExecutableModel } from '../engine/model';
import { type BpmnProcessInput, caseWorkflowId } from '../workflows/definitions';
import { type ChainRow, dataHashOf } from './chain';
import { changedValues, type RecordedChange, valuesByHash } from './variableValues';
import { jobKeyOf, waitIdOf } from '../contracts/ids';

/** One event of a history in Temporal's JSON form (proto3 JSON: ids as strings, times as RFC 3339). */
export type HistoryEventJson = Record<string, unknown> & { eventId: string; eventTime: string; eventType: string };

/** A history in Temporal's JSON form, as `historyToJSON` writes it and `tctl`/the UI download it. */
export interface HistoryJson {
  events: HistoryEventJson[];
}

type Payloads = { payloads?: JSONPayload[] } | undefined;

/** Decodes the first payload of a payload list (null when there is none). */
export function firstPayload<T = unknown>(payloads: Payloads): T | null {
  const payload = payloads?.payloads?.[0];
  if (!payload) return null;
  return defaultPayloadConverter.fromPayload<T>(JSONToPayload(payload));
}

const attrs = (event: HistoryEventJson, name: string) => event[`${name}EventAttributes`] as Record<string, unknown> | undefined;

/** The case's start input (model, definition, business key, variables, starter), from the first event. */
export function startInputOf(history: HistoryJson): BpmnProcessInput {
  const started = history.events[0] && attrs(history.events[0], 'workflowExecutionStarted');
  const input = started && firstPayload<BpmnProcessInput>(started.input as Payloads);
  if (!input) throw new Error('the history does not start with the bpmnProcess input');
  return input;
}

/** The case's workflow id, recomputed from the start input (task ids contain it, so a replay must use the recorded one). */
export function workflowIdOf(history: HistoryJson): string {
  const input = startInputOf(history);
  return caseWorkflowId(input.definition.key, input.businessKey);
}

/** An update the workflow accepted (refused updates never reach the history). */
export interface AcceptedUpdate {
  eventId: number;
  at: string;
  name: string;
  request: Record<string, unknown>;
}

/** An activity the workflow ran, with its outcome. */
export interface ActivityRun {
  scheduledEventId: number;
  activityType: string;
  input: Record<string, unknown>;
  scheduledAt: string;
  closedAt: string | null;
  outcome: 'completed' | 'failed' | 'timed-out' | 'cancelled' | 'open';
  result?: unknown;
  failure?: string;
}

/** What the history says directly, without replaying it. */
export interface HistoryFacts {
  workflowId: string;
  input: BpmnProcessInput;
  updates: AcceptedUpdate[];
  activities: ActivityRun[];
  /** The seqs of the local activities (recordProgress calls) whose completion marker is in the history. */
  completedLocalActivities: Set<number>;
  /** How the workflow closed, when it has. */
  closed: { eventType: string; at: string; result?: unknown } | null;
}

const num = (value: unknown) => Number(value);

/** Reads the facts of a history: start input, accepted updates, activities, recorded local activities, the close. */
export function historyFacts(history: HistoryJson): HistoryFacts {
  const input = startInputOf(history);
  const updates: AcceptedUpdate[] = [];
  const activities = new Map<number, ActivityRun>();
  const completedLocalActivities = new Set<number>();
  let closed: HistoryFacts['closed'] = null;
  for (const event of history.events) {
    const id = num(event.eventId);
    const at = event.eventTime;
    const accepted = attrs(event, 'workflowExecutionUpdateAccepted');
    if (accepted) {
      const request = (accepted.acceptedRequest as { input?: { name?: string; args?: Payloads } } | undefined)?.input;
      updates.push({ eventId: id, at, name: request?.name ?? '', request: firstPayload<Record<string, unknown>>(request?.args) ?? {} });
      continue;
    }
    const scheduled = attrs(event, 'activityTaskScheduled');
    if (scheduled) {
      activities.set(id, {
        scheduledEventId: id,
        activityType: (scheduled.activityType as { name: string }).name,
        input: firstPayload<Record<string, unknown>>(scheduled.input as Payloads) ?? {},
        scheduledAt: at,
        closedAt: null,
        outcome: 'open',
      });
      continue;
    }
    const done = attrs(event, 'activityTaskCompleted') ?? attrs(event, 'activityTaskFailed') ?? attrs(event, 'activityTaskTimedOut') ?? attrs(event, 'activityTaskCanceled');
    if (done) {
      const run = activities.get(num(done.scheduledEventId));
      if (run) {
        run.closedAt = at;
        if (attrs(event, 'activityTaskCompleted')) {
          run.outcome = 'completed';
          run.result = firstPayload(done.result as Payloads);
        } else {
          run.outcome = attrs(event, 'activityTaskFailed') ? 'failed' : attrs(event, 'activityTaskTimedOut') ? 'timed-out' : 'cancelled';
          run.failure = (done.failure as { message?: string } | undefined)?.message;
        }
      }
      continue;
    }
    const marker = attrs(event, 'markerRecorded');
    if (marker && marker.markerName === 'core_local_activity') {
      const data = firstPayload<{ seq?: number }>((marker.details as Record<string, Payloads> | undefined)?.data);
      if (typeof data?.seq === 'number') completedLocalActivities.add(data.seq);
      continue;
    }
    const completed = attrs(event, 'workflowExecutionCompleted');
    if (completed) {
      closed = { eventType: event.eventType, at, result: firstPayload(completed.result as Payloads) };
    } else if (/WORKFLOW_EXECUTION_(FAILED|TIMED_OUT|TERMINATED|CANCELED|CONTINUED_AS_NEW)$/.test(event.eventType)) {
      closed = { eventType: event.eventType, at };
    }
  }
  return {
    workflowId: caseWorkflowId(input.definition.key, input.businessKey),
    input,
    updates,
    activities: [...activities.values()],
    completedLocalActivities,
    closed,
  };
}

/** One recordProgress call captured while the history replayed. */
export interface CapturedProgress {
  /** The local activity's seq (as in its completion marker). */
  activitySeq: number;
  input: RecordProgressInput;
}

/** An audit entry with its place in the chain. */
export type NumberedEntry = AuditEntry & { seq: number };

/** The audit entries of the captured calls, numbered; `recorded` are those whose write the history confirms (marker present). */
export function replayedEntries(progress: CapturedProgress[], facts: Pick<HistoryFacts, 'completedLocalActivities'>): { entries: NumberedEntry[]; recorded: number } {
  const entries: NumberedEntry[] = [];
  let recorded = 0;
  for (const call of [...progress].sort((a, b) => a.input.firstSeq - b.input.firstSeq)) {
    call.input.entries.forEach((entry, i) => entries.push({ ...entry, seq: call.input.firstSeq + i }));
    if (facts.completedLocalActivities.has(call.activitySeq)) recorded = Math.max(recorded, call.input.firstSeq + call.input.entries.length - 1);
  }
  return { entries, recorded };
}

/** One business step of a case: the case itself, or one run of one element by one token. */
export interface TimelineStep {
  /** 1, 2, 3 … in the order the steps started. */
  index: number;
  /** null for the case's own start and end. */
  elementId: string | null;
  elementName: string | null;
  /** The BPMN element kind (userTask, serviceTask …), or `case`. */
  elementKind: string;
  tokenId: string | null;
  /** Who started the step (the person whose action led to it, or `system`). */
  startedBy: string;
  /** Who finished it (for a user task, who completed it). */
  actor: string | null;
  startedAt: string;
  endedAt: string | null;
  status: 'completed' | 'active' | 'incident' | 'cancelled';
  /**
   * What went in and out: submitted form data, job results, message payloads, incidents, variable changes (each
   * `{seq, by, at, names, changes, values}`; `values` holds the new values the history has, matched by their hash).
   */
  data: Record<string, unknown>;
  /** The audit seqs that make up the step. */
  auditSeqs: number[];
}

/** Builds the business steps from numbered audit entries, with the data the history holds (submitted forms, job results, messages). */
export function buildTimeline(entries: Array<Omit<NumberedEntry, 'data'> & { data?: Variables | null }>, facts: HistoryFacts): TimelineStep[] {
  const model: ExecutableModel = facts.input.model;
  const steps: TimelineStep[] = [];
  const open = new Map<string, TimelineStep>();
  const byToken = new Map<string, TimelineStep>();
  const completions = new Map<string, AcceptedUpdate>();
  for (const u of facts.updates) if (u.name === 'completeTask') completions.set(String(u.request.taskId), u);
  const messages = facts.updates.filter((u) => u.name === 'correlateMessage');
  const jobsByWait = new Map<string, ActivityRun[]>();
  for (const run of facts.activities) {
    const key = typeof run.input.jobKey === 'string' ? run.input.jobKey : null;
    if (key) jobsByWait.set(key, [...(jobsByWait.get(key) ?? []), run]);
  }
  const push = (step: Omit<TimelineStep, 'index'>) => {
    const full = { index: steps.length + 1, ...step };
    steps.push(full);
    return full;
  };
  const list = (step: TimelineStep, key: string) => (step.data[key] ??= []) as unknown[];
  const known = valuesByHash(facts);
  let caseStep: TimelineStep | null = null;
  for (const entry of entries) {
    const data = (entry.data ?? {}) as Record<string, unknown>;
    const step = entry.tokenId ? byToken.get(entry.tokenId) : undefined;
    switch (entry.kind) {
      case 'instance.started':
        caseStep = push({
          elementId: null,
          elementName: model.name ?? null,
          elementKind: 'case',
          tokenId: null,
          startedBy: entry.actor,
          actor: entry.actor,
          startedAt: entry.at,
          endedAt: null,
          status: 'active',
          data: { variables: facts.input.variables, variablesHash: data.variablesHash },
          auditSeqs: [entry.seq],
        });
        break;
      case 'element.entered': {
        const node = entry.elementId ? model.nodes[entry.elementId] : undefined;
        const created = push({
          elementId: entry.elementId ?? null,
          elementName: node?.name ?? null,
          elementKind: node?.kind ?? 'unknown',
          tokenId: entry.tokenId ?? null,
          startedBy: entry.actor,
          actor: null,
          startedAt: entry.at,
          endedAt: null,
          status: 'active',
          data: {},
          auditSeqs: [entry.seq],
        });
        if (entry.tokenId) {
          open.set(entry.tokenId, created);
          byToken.set(entry.tokenId, created);
        }
        break;
      }
      case 'element.left':
        if (step) {
          step.endedAt = entry.at;
          step.actor = step.actor ?? entry.actor;
          step.status = 'completed';
          step.auditSeqs.push(entry.seq);
          open.delete(step.tokenId as string);
          const jobs = jobsByWait.get(jobKeyOf(facts.workflowId, waitIdOf(step.tokenId as string, 'job')));
          if (jobs) step.data.jobs = jobs.map((j) => ({ jobType: j.activityType, scheduledAt: j.scheduledAt, closedAt: j.closedAt, outcome: j.outcome, result: j.result, failure: j.failure }));
        }
        break;
      case 'task.opened':
        if (step) {
          step.data.taskId = data.taskId;
          step.auditSeqs.push(entry.seq);
        }
        break;
      case 'task.completed':
        if (step) {
          const update = completions.get(String(data.taskId));
          step.actor = entry.actor;
          step.data.submitted = update?.request.variables ?? null;
          step.data.submittedHash = data.variablesHash;
          step.auditSeqs.push(entry.seq);
        }
        break;
      case 'task.cancelled':
        if (step) {
          step.status = 'cancelled';
          step.endedAt = entry.at;
          step.actor = entry.actor;
          step.auditSeqs.push(entry.seq);
          open.delete(step.tokenId as string);
        }
        break;
      case 'message.correlated': {
        const update = messages.shift();
        if (step) {
          step.actor = entry.actor;
          step.data.message = update ? { name: update.request.name, correlationKey: update.request.correlationKey, variables: update.request.variables } : null;
          step.auditSeqs.push(entry.seq);
        }
        break;
      }
      case 'timer.fired':
        if (step) {
          step.data.timerFiredAt = entry.at;
          step.auditSeqs.push(entry.seq);
        }
        break;
      case 'incident.raised':
        if (step) {
          step.status = 'incident';
          list(step, 'incidents').push({ incidentId: data.incidentId, kind: data.kind, message: data.message, raisedAt: entry.at });
          step.auditSeqs.push(entry.seq);
        }
        break;
      case 'incident.resolved':
        if (step) {
          const incident = (list(step, 'incidents') as Array<Record<string, unknown>>).find((i) => i.incidentId === data.incidentId);
          if (incident) Object.assign(incident, { resolvedBy: entry.actor, resolvedAt: entry.at });
          step.status = 'active';
          step.auditSeqs.push(entry.seq);
        }
        break;
      case 'variables.changed': {
        const target = (entry.tokenId && byToken.get(entry.tokenId)) || [...steps].reverse().find((s) => s.elementId === entry.elementId) || caseStep;
        if (target) {
          const changes = Array.isArray(data.changes) ? (data.changes as RecordedChange[]) : [];
          list(target, 'variablesChanged').push({ seq: entry.seq, by: entry.actor, at: entry.at, names: data.names, changes: data.changes, values: changedValues(changes, known) });
          target.auditSeqs.push(entry.seq);
        }
        break;
      }
      case 'instance.completed':
      case 'instance.cancelled':
        if (caseStep) {
          caseStep.endedAt = entry.at;
          caseStep.actor = entry.actor;
          caseStep.status = entry.kind === 'instance.completed' ? 'completed' : 'cancelled';
          if (data.reason) caseStep.data.cancelReason = data.reason;
          caseStep.auditSeqs.push(entry.seq);
        }
        // steps still running when the case ends (cancelled, or ended by a terminate event) end with it, by its actor
        for (const left of open.values()) {
          if (left.status === 'active' || left.status === 'incident') {
            left.status = 'cancelled';
            left.endedAt = entry.at;
            left.actor = entry.actor;
          }
        }
        open.clear();
        break;
    }
  }
  return steps;
}

/** Where the stored chain and the story replayed from the history first differ. */
export interface CrossCheckDifference {
  seq: number;
  field: 'kind' | 'elementId' | 'tokenId' | 'actor' | 'at' | 'data' | 'missing-in-chain' | 'missing-in-history';
  chain: unknown;
  history: unknown;
  /** The history event whose payload the differing data comes from, when one event holds it (an update's acceptance, the start). */
  historyEventId?: number;
  message: string;
}

/** The cross-check of the audit chain against the history: the same steps, in the same order, by the same actors, at the same times, with the same data. */
export interface CrossCheck {
  ok: boolean;
  /** Rows compared one by one. */
  compared: number;
  chainRows: number;
  historyEntries: number;
  /** Entries the replayed workflow produced whose write the history does not yet confirm (a running case's write in flight). */
  pending: number;
  difference?: CrossCheckDifference;
}

const FIELDS = ['kind', 'elementId', 'tokenId', 'actor', 'at'] as const;

/** The dataHash a row written for `entry` holds (as buildChain computes it), or null when its data cannot be hashed. */
function entryDataHash(entry: AuditEntry): string | null {
  try {
    return dataHashOf(entry.data ? JSON.stringify(entry.data) : null);
  } catch {
    return null;
  }
}

/** The hash of a stored row's data text, or null when it is not JSON. */
function rowDataHash(row: ChainRow): string | null {
  try {
    return dataHashOf(row.dataJson);
  } catch {
    return null;
  }
}

/** Which payload of the history an entry's data was computed from, for a message that names it. */
function payloadSource(entry: NumberedEntry, facts: Pick<HistoryFacts, 'updates'> | undefined): { text: string; eventId?: number } {
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const update = (name: string, match: (u: AcceptedUpdate) => boolean) => facts?.updates.find((u) => u.name === name && match(u));
  const at = (u: AcceptedUpdate | undefined, text: string) => (u ? { text: `${text} (history event ${u.eventId})`, eventId: u.eventId } : { text });
  switch (entry.kind) {
    case 'instance.started':
      return { text: 'the start variables (history event 1)', eventId: 1 };
    case 'task.completed':
      return at(update('completeTask', (u) => u.request.taskId === data.taskId), `the form submitted for task ${String(data.taskId)}`);
    case 'task.claimed':
    case 'task.unclaimed':
    case 'task.assigned':
      return { text: `the ${entry.kind.slice(5, -2)} of task ${String(data.taskId)}` };
    case 'message.correlated':
      return { text: 'the message payload' };
    case 'incident.raised':
      return { text: 'the job failure' };
    case 'incident.resolved':
      return at(update('resolveIncident', (u) => u.request.incidentId === data.incidentId), `the resolution of incident ${String(data.incidentId)}`);
    case 'instance.cancelled':
      return at(update('cancel', () => true), 'the cancellation');
    case 'variables.changed':
      return { text: `the values that set ${Array.isArray(data.names) ? data.names.join(', ') : 'variables'} (a form, job result or message)` };
    default:
      return { text: 'the step' };
  }
}

/**
 * Compares the stored chain with the entries replayed from the history, seq by seq: kind, element, token, actor, time
 * and data. The data of a replayed entry is computed from the history's payloads (the hash of a submitted form, of a
 * message's variables, each changed variable's new value from a job result …), so a payload changed in the history,
 * or a row's data changed in the chain, shows as a `data` difference at that seq. Every entry whose write the
 * history confirms must be in the chain, and the chain may hold nothing the history does not. `facts` (the same
 * history's) only lets a difference name the history event it comes from.
 */
export function crossCheck(rows: ChainRow[], replayed: { entries: NumberedEntry[]; recorded: number }, facts?: Pick<HistoryFacts, 'updates'>): CrossCheck {
  const chain = [...rows].sort((a, b) => a.seq - b.seq);
  const history = replayed.entries;
  const base = { chainRows: chain.length, historyEntries: history.length, pending: Math.max(0, history.length - Math.max(chain.length, replayed.recorded)) };
  const n = Math.min(chain.length, history.length);
  for (let i = 0; i < n; i += 1) {
    const row = chain[i];
    const entry = history[i];
    const expected = { kind: entry.kind, elementId: entry.elementId ?? null, tokenId: entry.tokenId ?? null, actor: entry.actor, at: new Date(entry.at).toISOString() };
    const actual = { kind: row.kind, elementId: row.elementId ?? null, tokenId: row.tokenId ?? null, actor: row.actor, at: new Date(row.at).toISOString() };
    if (row.seq !== entry.seq) {
      return { ok: false, compared: i, ...base, difference: { seq: entry.seq, field: 'missing-in-chain', chain: null, history: expected, message: `the history has step ${entry.seq} (${entry.kind}), the chain does not` } };
    }
    for (const field of FIELDS) {
      if (actual[field] !== expected[field]) {
        return {
          ok: false,
          compared: i,
          ...base,
          difference: { seq: row.seq, field, chain: actual[field], history: expected[field], message: `step ${row.seq}: the chain says ${field} ${JSON.stringify(actual[field])}, the history ${JSON.stringify(expected[field])}` },
        };
      }
    }
    const chainData = rowDataHash(row);
    const historyData = entryDataHash(entry);
    if (chainData === null || chainData !== historyData) {
      const source = payloadSource(entry, facts);
      return {
        ok: false,
        compared: i,
        ...base,
        difference: {
          seq: row.seq,
          field: 'data',
          chain: chainData,
          history: historyData,
          ...(source.eventId !== undefined ? { historyEventId: source.eventId } : {}),
          message: `step ${row.seq} (${row.kind}${row.elementId ? ` at ${row.elementId}` : ''}): the chain's data does not match ${source.text} in the history (one of them was changed)`,
        },
      };
    }
  }
  if (chain.length > history.length) {
    const row = chain[history.length];
    return { ok: false, compared: n, ...base, difference: { seq: row.seq, field: 'missing-in-history', chain: row.kind, history: null, message: `the chain has step ${row.seq} (${row.kind}), the history does not` } };
  }
  if (chain.length < replayed.recorded) {
    const entry = history[chain.length];
    return {
      ok: false,
      compared: n,
      ...base,
      difference: { seq: entry.seq, field: 'missing-in-chain', chain: null, history: entry.kind, message: `the history recorded steps up to ${replayed.recorded}, the chain ends at ${chain.length}` },
    };
  }
  return { ok: true, compared: n, ...base };
}
