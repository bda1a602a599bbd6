// The timeline of a case's business steps, built from the audit entries a replay of its history produced, with the
// data the history holds (submitted forms, job results, messages, the values of variable changes). One handler per
// audit entry kind, checked against every kind of contracts/auditKinds.ts. Pure; shared by the API and the CLIs.
import { AUDIT_KIND_MEANING, type AuditEntryKind } from '../contracts/auditKinds';
import { jobKeyOf, waitIdOf } from '../contracts/ids';
import type { Variables } from '../contracts/caseData';
import type { ExecutableModel } from '../engine/model';
import type { AcceptedUpdate, ActivityRun, HistoryFacts } from './historyFacts';
import type { NumberedEntry } from './types';
import { changedValues, type RecordedChange, type ValuesByHash, valuesByHash } from './variableValues';

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
   * What went in and out: submitted form data, job results, message payloads, incidents, changes of a task's holder
   * (each `{seq, change, by, at, previous, assignee}`), variable changes (each `{seq, by, at, names, changes, values}`;
   * `values` holds the new values the history has, matched by their hash).
   */
  data: Record<string, unknown>;
  /** The audit seqs that make up the step. */
  auditSeqs: number[];
}

/** An audit entry the timeline is built from (its data may be absent or null). */
export type TimelineEntry = Omit<NumberedEntry, 'data'> & { data?: Variables | null };

/** What the history holds and the steps built so far, as the handlers see them. */
interface Build {
  facts: HistoryFacts;
  model: ExecutableModel;
  steps: TimelineStep[];
  /** The element steps not ended yet, by token. */
  open: Map<string, TimelineStep>;
  /** Every element step, by token. */
  byToken: Map<string, TimelineStep>;
  /** The accepted completeTask updates, by task id. */
  completions: Map<string, AcceptedUpdate>;
  /** The accepted correlateMessage updates not yet given to an entry, oldest first. */
  messages: AcceptedUpdate[];
  /** The job runs, by job key. */
  jobsByKey: Map<string, ActivityRun[]>;
  /** The values the history holds, by hash. */
  known: ValuesByHash;
  caseStep: TimelineStep | null;
}

/** Adds one audit entry (`data`: its data, `{}` when it has none) to the timeline being built. */
type Handler = (entry: TimelineEntry, data: Record<string, unknown>, build: Build) => void;

/** Appends a step, numbered after the ones before it. */
function push(build: Build, step: Omit<TimelineStep, 'index'>): TimelineStep {
  const full = { index: build.steps.length + 1, ...step };
  build.steps.push(full);
  return full;
}

/** The list under `key` of a step's data, created empty when absent. */
const list = (step: TimelineStep, key: string) => (step.data[key] ??= []) as unknown[];

/** How a step ends by an entry of `kind` (contracts/auditKinds.ts). */
const endedAs = (kind: AuditEntryKind) => AUDIT_KIND_MEANING[kind].endsAs ?? 'completed';

/** A handler for an entry that belongs to its token's step (it is dropped when the token has no step): `add`, then the entry's seq. */
const onTokenStep =
  (add: (step: TimelineStep, entry: TimelineEntry, data: Record<string, unknown>, build: Build) => void): Handler =>
  (entry, data, build) => {
    const step = entry.tokenId ? build.byToken.get(entry.tokenId) : undefined;
    if (!step) return;
    add(step, entry, data, build);
    step.auditSeqs.push(entry.seq);
  };

const caseStarted: Handler = (entry, data, build) => {
  build.caseStep = push(build, {
    elementId: null,
    elementName: build.model.name ?? null,
    elementKind: 'case',
    tokenId: null,
    startedBy: entry.actor,
    actor: entry.actor,
    startedAt: entry.at,
    endedAt: null,
    status: 'active',
    data: { variables: build.facts.input.variables, variablesHash: data.variablesHash },
    auditSeqs: [entry.seq],
  });
};

const elementEntered: Handler = (entry, _data, build) => {
  const node = entry.elementId ? build.model.nodes[entry.elementId] : undefined;
  const created = push(build, {
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
    build.open.set(entry.tokenId, created);
    build.byToken.set(entry.tokenId, created);
  }
};

const elementLeft = onTokenStep((step, entry, _data, build) => {
  step.endedAt = entry.at;
  step.actor = step.actor ?? entry.actor;
  step.status = endedAs(entry.kind);
  build.open.delete(step.tokenId as string);
  const jobs = build.jobsByKey.get(jobKeyOf(build.facts.workflowId, waitIdOf(step.tokenId as string, 'job')));
  if (jobs) step.data.jobs = jobs.map((j) => ({ jobType: j.activityType, scheduledAt: j.scheduledAt, closedAt: j.closedAt, outcome: j.outcome, result: j.result, failure: j.failure }));
});

const taskOpened = onTokenStep((step, _entry, data) => {
  step.data.taskId = data.taskId;
});

/** A claim, unclaim or assignment of the step's task: who did it, and who held the task before and after. */
const holderChanged = onTokenStep((step, entry, data) => {
  list(step, 'holderChanges').push({ seq: entry.seq, change: entry.kind.slice('task.'.length), by: entry.actor, at: entry.at, previous: data.previous ?? null, assignee: data.assignee ?? null });
});

const taskCompleted = onTokenStep((step, entry, data, build) => {
  const update = build.completions.get(String(data.taskId));
  step.actor = entry.actor;
  step.data.submitted = update?.request.variables ?? null;
  step.data.submittedHash = data.variablesHash;
});

/** The step ends without completing: its task was cancelled, or its element instance terminated. */
const stepCancelled = onTokenStep((step, entry, _data, build) => {
  step.status = endedAs(entry.kind);
  step.endedAt = entry.at;
  step.actor = entry.actor;
  build.open.delete(step.tokenId as string);
});

/** A job, timer or message the step's element waited for was withdrawn (its element completed or was terminated). */
const subscriptionCancelled = onTokenStep((step, entry, data) => {
  list(step, 'withdrawn').push({ seq: entry.seq, what: entry.kind.slice(0, entry.kind.indexOf('.')), at: entry.at, ...data });
});

/** A signal reached the step's element, or the element threw an error, escalation or signal: listed under `events`. */
const eventNoted = onTokenStep((step, entry, data) => {
  list(step, 'events').push({ seq: entry.seq, kind: entry.kind, at: entry.at, ...data });
});

/** The step's open incident was withdrawn with its element. */
const incidentCancelled = onTokenStep((step, entry, data) => {
  const incident = (list(step, 'incidents') as Array<Record<string, unknown>>).find((i) => i.incidentId === data.incidentId);
  if (incident) Object.assign(incident, { cancelledAt: entry.at });
});

const messageCorrelated: Handler = (entry, data, build) => {
  // each correlation takes the next accepted message, whether or not its token has a step
  const update = build.messages.shift();
  onTokenStep((step) => {
    step.actor = entry.actor;
    step.data.message = update ? { name: update.request.name, correlationKey: update.request.correlationKey, variables: update.request.variables } : null;
  })(entry, data, build);
};

/** A call activity's child case started or completed: `data.child` names it and, once completed, its chain's final head. */
const childNoted = onTokenStep((step, entry, data) => {
  const at = entry.kind === 'child.started' ? { startedAt: entry.at } : { completedAt: entry.at };
  step.data.child = { ...(step.data.child as Record<string, unknown> | undefined), ...data, ...at };
});

const timerFired = onTokenStep((step, entry) => {
  step.data.timerFiredAt = entry.at;
});

const incidentRaised = onTokenStep((step, entry, data) => {
  step.status = 'incident';
  list(step, 'incidents').push({ incidentId: data.incidentId, kind: data.kind, message: data.message, raisedAt: entry.at });
});

const incidentResolved = onTokenStep((step, entry, data) => {
  const incident = (list(step, 'incidents') as Array<Record<string, unknown>>).find((i) => i.incidentId === data.incidentId);
  if (incident) Object.assign(incident, { resolvedBy: entry.actor, resolvedAt: entry.at });
  step.status = 'active';
});

const variablesChanged: Handler = (entry, data, build) => {
  const target = (entry.tokenId && build.byToken.get(entry.tokenId)) || [...build.steps].reverse().find((s) => s.elementId === entry.elementId) || build.caseStep;
  if (!target) return;
  const changes = Array.isArray(data.changes) ? (data.changes as RecordedChange[]) : [];
  list(target, 'variablesChanged').push({ seq: entry.seq, by: entry.actor, at: entry.at, names: data.names, changes: data.changes, values: changedValues(changes, build.known) });
  target.auditSeqs.push(entry.seq);
};

/** A person set variables (with a reason): listed with the other changes of its element instance's step, else of the case's. */
const variablesSet: Handler = (entry, data, build) => {
  const target = (entry.tokenId && build.byToken.get(entry.tokenId)) || build.caseStep;
  if (!target) return;
  const changes = Array.isArray(data.changes) ? (data.changes as RecordedChange[]) : [];
  list(target, 'variablesChanged').push({ seq: entry.seq, by: entry.actor, at: entry.at, reason: data.reason, names: data.names, changes: data.changes, values: changedValues(changes, build.known) });
  target.auditSeqs.push(entry.seq);
};

/**
 * Legal time (issue 14): a clock started or stopped by the step's element, a timer or due date moved, or a clock or
 * calendar change of the whole case — listed under `legalTime` of its token's step, else of the case's step.
 */
const legalTimeNoted: Handler = (entry, data, build) => {
  const target = (entry.tokenId && build.byToken.get(entry.tokenId)) || build.caseStep;
  if (!target) return;
  list(target, 'legalTime').push({ seq: entry.seq, kind: entry.kind, by: entry.actor, at: entry.at, ...data });
  target.auditSeqs.push(entry.seq);
};

const caseEnded: Handler = (entry, data, build) => {
  const caseStep = build.caseStep;
  if (caseStep) {
    caseStep.endedAt = entry.at;
    caseStep.actor = entry.actor;
    caseStep.status = endedAs(entry.kind);
    if (data.reason) caseStep.data.cancelReason = data.reason;
    caseStep.auditSeqs.push(entry.seq);
  }
  // steps still running when the case ends (cancelled, or ended by a terminate event) end with it, by its actor
  for (const left of build.open.values()) {
    if (left.status === 'active' || left.status === 'incident') {
      left.status = 'cancelled';
      left.endedAt = entry.at;
      left.actor = entry.actor;
    }
  }
  build.open.clear();
};

/** What each kind of audit entry adds to the timeline: a kind without a handler does not compile. */
const HANDLERS: Readonly<Record<AuditEntryKind, Handler>> = {
  'instance.started': caseStarted,
  'element.entered': elementEntered,
  'task.opened': taskOpened,
  'task.claimed': holderChanged,
  'task.unclaimed': holderChanged,
  'task.assigned': holderChanged,
  'task.completed': taskCompleted,
  'task.cancelled': stepCancelled,
  'message.correlated': messageCorrelated,
  'timer.fired': timerFired,
  'incident.raised': incidentRaised,
  'incident.resolved': incidentResolved,
  'incident.cancelled': incidentCancelled,
  'job.cancelled': subscriptionCancelled,
  'timer.cancelled': subscriptionCancelled,
  'message.cancelled': subscriptionCancelled,
  'signal.cancelled': subscriptionCancelled,
  'child.cancelled': subscriptionCancelled,
  'child.started': childNoted,
  'child.completed': childNoted,
  'signal.received': eventNoted,
  'error.thrown': eventNoted,
  'escalation.thrown': eventNoted,
  'signal.thrown': eventNoted,
  'compensation.thrown': eventNoted,
  'compensation.completed': eventNoted,
  'variables.changed': variablesChanged,
  'variables.set': variablesSet,
  'clock.started': legalTimeNoted,
  'clock.stopped': legalTimeNoted,
  'clock.suspended': legalTimeNoted,
  'clock.resumed': legalTimeNoted,
  'clock.extended': legalTimeNoted,
  'calendar.updated': legalTimeNoted,
  'timer.rescheduled': legalTimeNoted,
  'task.rescheduled': legalTimeNoted,
  'element.left': elementLeft,
  'element.terminated': stepCancelled,
  'instance.completed': caseEnded,
  'instance.cancelled': caseEnded,
};

/** Builds the business steps from numbered audit entries, with the data the history holds (submitted forms, job results, messages). */
export function buildTimeline(entries: readonly TimelineEntry[], facts: HistoryFacts): TimelineStep[] {
  const build: Build = {
    facts,
    model: facts.input.model,
    steps: [],
    open: new Map(),
    byToken: new Map(),
    completions: new Map(facts.updates.filter((u) => u.name === 'completeTask').map((u) => [String(u.request.taskId), u])),
    messages: facts.updates.filter((u) => u.name === 'correlateMessage'),
    jobsByKey: new Map(),
    known: valuesByHash(facts),
    caseStep: null,
  };
  for (const run of facts.activities) {
    const key = typeof run.input.jobKey === 'string' ? run.input.jobKey : null;
    if (key) build.jobsByKey.set(key, [...(build.jobsByKey.get(key) ?? []), run]);
  }
  for (const entry of entries) HANDLERS[entry.kind](entry, (entry.data ?? {}) as Record<string, unknown>, build);
  return build.steps;
}
