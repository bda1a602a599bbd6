// Deadlines near and past: nothing in a case records the moment a task's due date comes near or passes, so the worker
// sweeps the open tasks (only while some webhook wants these events): `deadline.near` for a task due within
// SPARROW_DEADLINE_NEAR_MS, `deadline.past` once its due date has passed. Each sweep looks only past the previous
// one's horizon (kept per event in `webhookSweeps`), and the event id is `<event>:<taskId>`, so each task raises each
// event once. A due date moved later than the horizon is swept again under the same id (no second event); one moved
// earlier than the horizon is not swept again; tasks already due when the first sweep ran raise no `deadline.past`.
import type { WebhookEvent } from '../../contracts/api/webhooks';
import type { WebhookSettings } from '../../platform/webhookSettings';
import { isDuplicateKey } from '../../store/duplicateKey';
import { Task, WebhookSweep } from '../../store/models';
import type { CaseEvent } from './caseEvents';
import { queueEvents } from './outbox';
import { activeSubscriptions } from './subscriptions';

const DEADLINE_EVENTS = ['deadline.near', 'deadline.past'] as const satisfies readonly WebhookEvent[];

/** The tasks a sweep reads at most per event (the rest wait for the next sweep, whose horizon has not moved past them). */
const BATCH = 1000;

type DueTask = { _id: string; instanceId: string; definitionKey: string; businessKey: string; street: string | null; elementId: string; name: string | null; dueDate: Date };

/** Sweeps open tasks for one deadline event up to `upper`; answers the horizon reached and the events found. */
async function sweepEvent(event: (typeof DEADLINE_EVENTS)[number], lower: Date, upper: Date, now: Date): Promise<{ horizon: Date; found: number }> {
  const filter = { dueDate: { $gt: lower, $lte: upper }, status: { $in: ['open' as const, 'claimed' as const] } };
  const tasks = await Task.find(filter, { _id: 1, instanceId: 1, definitionKey: 1, businessKey: 1, street: 1, elementId: 1, name: 1, dueDate: 1 }).sort({ dueDate: 1 }).limit(BATCH).lean<DueTask[]>();
  // A task already past its due date is no longer "near" (a sweep that ran late).
  const due = event === 'deadline.near' ? tasks.filter((t) => t.dueDate > now) : tasks;
  const events: CaseEvent[] = due.map((task) => ({
    street: task.street,
    payload: {
      id: `${event}:${task._id}`,
      event,
      occurredAt: (event === 'deadline.past' ? task.dueDate : now).toISOString(),
      instanceId: task.instanceId,
      definitionKey: task.definitionKey,
      businessKey: task.businessKey,
      street: task.street,
      task: { id: task._id, elementId: task.elementId, name: task.name, dueDate: task.dueDate.toISOString() },
    },
  }));
  await queueEvents(events);
  return { horizon: tasks.length === BATCH ? tasks[tasks.length - 1].dueDate : upper, found: events.length };
}

/** Moves an event's horizon forward (never back: another process's sweep may have gone further). */
async function saveHorizon(event: string, horizon: Date): Promise<void> {
  const moved = await WebhookSweep.updateOne({ _id: event, horizon: { $lt: horizon } }, { $set: { horizon } });
  if (moved.matchedCount > 0) return;
  try {
    await WebhookSweep.collection.insertOne({ _id: event, horizon } as never);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** One sweep at `now` for the deadline events some active webhook wants; answers how many events it found. */
export async function sweepDeadlines(settings: WebhookSettings, now = new Date()): Promise<number> {
  const subscriptions = await activeSubscriptions(settings.refreshMs);
  let found = 0;
  for (const event of DEADLINE_EVENTS) {
    if (!subscriptions.some((s) => s.events.has(event))) continue;
    const upper = new Date(now.getTime() + (event === 'deadline.near' ? settings.deadlineNearMs : 0));
    const mark = await WebhookSweep.findById(event).lean();
    // The first sweep of an event starts at `now` (and records it, so the next one looks on from there).
    const lower = mark?.horizon ?? now;
    if (mark && upper <= lower) continue;
    const reached = await sweepEvent(event, lower, upper, now);
    found += reached.found;
    await saveHorizon(event, reached.horizon);
  }
  return found;
}
