// What a case's Temporal history says directly, without replaying it: the start input, the updates the workflow
// accepted, the activities it ran, the recordProgress writes it confirmed and how it closed; and the audit entries
// a replay captured, numbered, with those whose write the history confirms. Pure; shared by the API and the CLIs.
import { defaultPayloadConverter } from '@temporalio/common';
import { JSONToPayload, type JSONPayload } from '@temporalio/common/lib/proto-utils';
import { type BpmnProcessInput, caseWorkflowId } from '../workflows/definitions';
import { localActivityKey } from './runs';
import type { CapturedProgress, HistoryEventJson, HistoryJson, NumberedEntry } from './types';

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
  /** The local activities (recordProgress calls) whose completion marker is in the history, by localActivityKey(run, seq). */
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
  // Events are named by their position in the whole history (their id in a history of one run); markers by run and seq.
  let run = -1;
  let offset = 0;
  for (const [index, event] of history.events.entries()) {
    if (index === 0 || event.eventType === 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED') {
      run += 1;
      offset = index;
    }
    const id = offset + num(event.eventId);
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
      const activity = activities.get(offset + num(done.scheduledEventId));
      if (activity) {
        activity.closedAt = at;
        if (attrs(event, 'activityTaskCompleted')) {
          activity.outcome = 'completed';
          activity.result = firstPayload(done.result as Payloads);
        } else {
          activity.outcome = attrs(event, 'activityTaskFailed') ? 'failed' : attrs(event, 'activityTaskTimedOut') ? 'timed-out' : 'cancelled';
          activity.failure = (done.failure as { message?: string } | undefined)?.message;
        }
      }
      continue;
    }
    const marker = attrs(event, 'markerRecorded');
    if (marker && marker.markerName === 'core_local_activity') {
      const data = firstPayload<{ seq?: number }>((marker.details as Record<string, Payloads> | undefined)?.data);
      if (typeof data?.seq === 'number') completedLocalActivities.add(localActivityKey(run, data.seq));
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
