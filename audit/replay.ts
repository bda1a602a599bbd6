// Replays a case's recorded history through the current workflow code (Worker.runReplayHistory, no server needed):
// proves the recorded run is what the code does, and captures the audit entries the code produces for that history.
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, DefaultLogger, type InjectedSinks, Runtime, Worker } from '@temporalio/worker';
import type { AuditCaptureSinks } from '../workflows/replayCapture';
import { workflowIdOf } from './historyFacts';
import { localActivityKey, runsOf } from './runs';
import { withoutStackTrace } from './stackTraces';
import type { CapturedProgress, HistoryJson } from './types';

/** The workflow code the API and the CLIs replay through: today's workflows/ (the worker's code). */
export const CURRENT_WORKFLOWS = require.resolve('../workflows');
const CAPTURE_INTERCEPTOR = require.resolve('../workflows/replayCapture');

let workflowsOverride: string | undefined;
const bundles = new Map<string, Promise<{ code: string }>>();

/**
 * Replays through other workflow code from now on (undefined: today's workflows/ again). For tests that prove a
 * changed behaviour is caught; the server never calls it.
 */
export function useReplayWorkflows(workflowsPath: string | undefined): void {
  workflowsOverride = workflowsPath;
}

const SOURCE_MAP_COMMENT = '//# sourceMappingURL=data:';

/**
 * The bundle with an empty inline source map (same `file`). Each replay worker parses the bundle's map into
 * source-map's WebAssembly memory and @temporalio/worker never frees it (11.7 MB per replay): a server that replayed a
 * few hundred cases crashed when wasm32's 4 GB ran out. Replay errors carry no stack traces anyway.
 */
function withEmptySourceMap({ code }: { code: string }): { code: string } {
  const at = code.lastIndexOf(SOURCE_MAP_COMMENT);
  const base64 = at < 0 ? -1 : code.indexOf('base64,', at);
  if (base64 < 0) return { code };
  const { file } = JSON.parse(Buffer.from(code.slice(base64 + 'base64,'.length).trim(), 'base64').toString()) as { file?: string };
  const empty = Buffer.from(JSON.stringify({ version: 3, file, sources: [], names: [], mappings: '' })).toString('base64');
  return { code: `${code.slice(0, at)}${SOURCE_MAP_COMMENT}application/json;base64,${empty}\n` };
}

/**
 * The replay bundle of a workflow source: the workflow code plus the capture interceptor (which only observes), built
 * once per process (webpack takes a few seconds), without source mappings (see withEmptySourceMap).
 */
export function replayBundle(workflowsPath = workflowsOverride ?? CURRENT_WORKFLOWS): Promise<{ code: string }> {
  let bundle = bundles.get(workflowsPath);
  if (!bundle) {
    bundle = bundleWorkflowCode({ workflowsPath, workflowInterceptorModules: [CAPTURE_INTERCEPTOR], logger: new DefaultLogger('WARN') }).then(withEmptySourceMap);
    bundle.catch(() => bundles.delete(workflowsPath));
    bundles.set(workflowsPath, bundle);
  }
  return bundle;
}

/** Where and why a replay diverged from the history. */
export interface ReplayDivergence {
  /** The first history event the code disagrees with, when Temporal names it. */
  eventId: number | null;
  eventType: string | null;
  /** `nondeterminism`: the code would issue other commands; `failure`: the replay failed otherwise. */
  kind: 'nondeterminism' | 'failure';
  message: string;
}

/** The outcome of replaying one history. */
export interface ReplayOutcome {
  ok: boolean;
  workflowId: string;
  /** Events in the history. */
  events: number;
  divergence?: ReplayDivergence;
  /** The recordProgress calls the workflow code made while replaying. */
  progress: CapturedProgress[];
}

/** Why a replay can fail on data the worker handled: the replay runs the workflow code on the main thread, whose stack is smaller than a workflow thread's. */
export const STACK_EXHAUSTED =
  'the history could not be replayed here: the case holds data nested deeper than the replay\'s stack can follow (the worker ran it on a larger stack), so chain and history could not be cross-checked';

/** Pulls the event Temporal's core names in a nondeterminism error (`HistoryEvent(id: 5, ActivityTaskScheduled)`); the message loses any stack trace. */
export function divergenceOf(error: unknown): ReplayDivergence {
  const err = error as { name?: string; message?: string };
  const message = err.message ?? String(error);
  const event = /HistoryEvent\(id: (\d+), (\w+)/.exec(message) ?? /event (?:id )?(\d+)(?:[^\w]+(\w+))?/i.exec(message);
  const detail = /Nondeterminism error: ([^"]+)/.exec(message)?.[1];
  const text = withoutStackTrace(detail ?? message);
  return {
    eventId: event ? Number(event[1]) : null,
    eventType: event?.[2] ?? null,
    kind: err.name === 'DeterminismViolationError' ? 'nondeterminism' : 'failure',
    message: /Maximum call stack size exceeded/.test(text) ? `${STACK_EXHAUSTED} (${text})` : text,
  };
}

/** Installs a quiet Temporal runtime when none is installed yet (replaying needs one; a worker process has its own). */
function ensureRuntime(): void {
  if (!Runtime._instance) Runtime.install({ logger: new DefaultLogger('ERROR') });
}

/** Replays `history` once; resolves with the error, if any. */
async function replayOnce(history: HistoryJson, workflowId: string, workflowsPath: string | undefined, progress: CapturedProgress[] = []): Promise<unknown> {
  const sinks: InjectedSinks<AuditCaptureSinks> = {
    auditCapture: { progress: { fn: (_info, call) => void progress.push(call), callDuringReplay: true } },
  };
  try {
    await Worker.runReplayHistory({ workflowBundle: await replayBundle(workflowsPath), sinks, replayName: `audit-${workflowId}` }, historyFromJSON(history), workflowId);
    return undefined;
  } catch (error) {
    return error ?? new Error('the replay failed');
  }
}

/** `EVENT_TYPE_ACTIVITY_TASK_SCHEDULED` → `ActivityTaskScheduled` (as Temporal's core names events). */
const eventTypeName = (type: string) =>
  type
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());

/**
 * Finds the first diverging event when Temporal's message does not name it: replays growing prefixes of the history
 * (each ending where a workflow task starts, as a worker sees it) to find the first workflow task whose commands
 * differ, then names that task's first command event (the one of the type the message quotes, when it quotes one).
 */
async function locateDivergence(history: HistoryJson, workflowId: string, workflowsPath: string | undefined, message: string): Promise<{ eventId: number; eventType: string } | null> {
  const starts = history.events.flatMap((e, i) => (e.eventType === 'EVENT_TYPE_WORKFLOW_TASK_STARTED' ? [i] : []));
  const fails = async (k: number) => (k >= starts.length ? true : (await replayOnce({ events: history.events.slice(0, starts[k] + 1) }, workflowId, workflowsPath)) !== undefined);
  // the prefix up to the first task start checks nothing; the whole history fails
  let lo = 0;
  let hi = starts.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (await fails(mid)) hi = mid;
    else lo = mid;
  }
  // workflow task `lo` (the one started at starts[lo]) issued the differing commands
  const completed = history.events.slice(starts[lo]).find((e) => e.eventType === 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED');
  if (!completed) return null;
  const commands = history.events.filter((e) =>
    Object.entries(e).some(([key, value]) => key.endsWith('EventAttributes') && (value as { workflowTaskCompletedEventId?: string })?.workflowTaskCompletedEventId === completed.eventId),
  );
  const quoted = [...message.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const named = commands.find((e) => quoted.some((q) => JSON.stringify(e).includes(`"name":"${q}"`)));
  const event = named ?? commands[0];
  return event ? { eventId: Number(event.eventId), eventType: eventTypeName(event.eventType) } : null;
}

/** Events that reach a workflow from outside (they make Temporal schedule a workflow task); the others record commands. */
const INPUT_EVENT =
  /^EVENT_TYPE_(WORKFLOW_TASK_|ACTIVITY_TASK_(STARTED|COMPLETED|FAILED|TIMED_OUT|CANCELED)|TIMER_FIRED|WORKFLOW_EXECUTION_(SIGNALED|UPDATE_ADMITTED|CANCEL_REQUESTED)|CHILD_WORKFLOW_EXECUTION_|START_CHILD_WORKFLOW_EXECUTION_FAILED|EXTERNAL_WORKFLOW_EXECUTION_|SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED|REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED|NEXUS_OPERATION_(STARTED|COMPLETED|FAILED|CANCELED|TIMED_OUT))/;

/**
 * A running case's history as its last completed workflow task left it. Read while a task is scheduled or runs, the
 * history ends with that task and the events it was scheduled for: replayed, the task would run for real and call
 * recordProgress, a local activity the replay has no worker for. What that task does is not history yet, so the replay
 * stops after the last completed task and the commands it recorded.
 */
function completedTasksOf(history: HistoryJson): HistoryJson {
  const last = history.events.at(-1)?.eventType;
  if (last !== 'EVENT_TYPE_WORKFLOW_TASK_SCHEDULED' && last !== 'EVENT_TYPE_WORKFLOW_TASK_STARTED') return history;
  let end = history.events.findLastIndex((e) => e.eventType === 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED') + 1;
  while (end < history.events.length && !INPUT_EVENT.test(history.events[end].eventType)) end += 1;
  return { ...history, events: history.events.slice(0, end) };
}

/**
 * Replays a history (Temporal's JSON form) through the replay bundle, with the case's real workflow id: each run of a
 * case that continued as new in turn (audit/runs.ts), their recordProgress calls together (keyed by run), stopping at
 * the first run that diverges; a divergence names the event by its position in the whole history.
 */
export async function replayHistory(fetched: HistoryJson, options: { workflowsPath?: string } = {}): Promise<ReplayOutcome> {
  ensureRuntime();
  const history = completedTasksOf(fetched);
  const workflowId = workflowIdOf(history);
  const progress: CapturedProgress[] = [];
  const base = { ok: true, workflowId, events: history.events.length };
  for (const [run, { history: runHistory, offset }] of runsOf(history).entries()) {
    const captured: CapturedProgress[] = [];
    const error = await replayOnce(runHistory, workflowId, options.workflowsPath, captured);
    progress.push(...captured.map((call) => ({ ...call, activitySeq: localActivityKey(run, call.activitySeq) })));
    if (error === undefined) continue;
    const divergence = divergenceOf(error);
    if (divergence.kind === 'nondeterminism' && divergence.eventId === null) {
      Object.assign(divergence, await locateDivergence(runHistory, workflowId, options.workflowsPath, divergence.message));
    }
    if (divergence.eventId !== null) divergence.eventId += offset;
    return { ...base, ok: false, divergence, progress };
  }
  return { ...base, progress };
}
