// A person suspends (中止), resumes or extends (延期) a statutory clock, or a newer working-day calendar reaches the
// case (issue 14): the deadlines are computed again, then every timer and open task whose value read what changed is
// evaluated again with `now()` at the instant it was first evaluated — a timer that moved is armed again under a new
// wait id (paused while a clock it reads is suspended), a task whose dates moved gets them through `setTaskDates`.
import { eventWaitIdOf } from '../../contracts/ids';
import { clockOf, refreshDeadline } from '../interpreter/clockActions';
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import type { EngineEvent, Subscription, TimeReads } from '../interpreter/types';
import type { UserTaskNode } from '../model';
import { startTimer } from './catchEvent';
import { readTimer } from './timerValues';
import { keptDates, taskDatesOf } from './userTask';

/** A deadline that moved: a clock's, a timer's or a task's due date (null: none, or paused). */
export interface Moved {
  what: string;
  from: string | null;
  to: string | null;
}

type ClockEvent = Extract<EngineEvent, { type: 'clockSuspended' | 'clockResumed' | 'clockExtended' }>;
type TimerSubscription = Extract<Subscription, { kind: 'timer' }>;
type TaskSubscription = Extract<Subscription, { kind: 'userTask' }>;

/** Applies a suspension, resumption or extension (checked by rejectionOf) to its clock and moves what read the clock. */
export function changeClock(rt: Runtime, event: ClockEvent): void {
  const clock = clockOf(rt, event.clock);
  if (!clock) throw new Error(`clock ${event.clock} has not started`);
  let data: Record<string, unknown>;
  if (event.type === 'clockSuspended') {
    clock.status = 'suspended';
    clock.suspensions.push({ from: rt.at, ground: event.ground, reason: event.reason, by: event.actor });
    data = { ground: event.ground, reason: event.reason };
  } else if (event.type === 'clockResumed') {
    clock.status = 'running';
    Object.assign(clock.suspensions[clock.suspensions.length - 1], { to: rt.at, resumedBy: event.actor, resumeReason: event.reason });
    data = { reason: event.reason };
  } else {
    clock.extensions.push({ days: event.days, reason: event.reason, by: event.actor, at: rt.at });
    data = { days: event.days, reason: event.reason };
  }
  const { from, to } = refreshDeadline(rt, clock);
  const kind = event.type === 'clockSuspended' ? 'clock.suspended' : event.type === 'clockResumed' ? 'clock.resumed' : 'clock.extended';
  rt.record({ kind, data: { clock: clock.name, ...data, from, to, provisional: clock.provisional } });
  rescheduleReaders(rt, (reads) => reads.clocks?.includes(clock.name) === true, []);
}

/** Takes a newer calendar (checked by rejectionOf): every clock's deadline, and every timer and task that read legal time, is computed again on it. */
export function updateCalendar(rt: Runtime, event: Extract<EngineEvent, { type: 'calendarUpdated' }>): void {
  const previous = rt.state.calendar?.version ?? null;
  rt.state.calendar = event.calendar;
  const moved: Moved[] = [];
  rt.record({ kind: 'calendar.updated', data: { version: event.calendar.version, previous, sha256: event.calendar.sha256, moved } });
  for (const clock of Object.values(rt.state.clocks ?? {})) {
    const provisional = clock.provisional;
    const { from, to } = refreshDeadline(rt, clock);
    if (from !== to || provisional !== clock.provisional) moved.push({ what: `clock ${clock.name}`, from, to });
  }
  rescheduleReaders(rt, (reads) => reads.calendar === true || (reads.clocks?.length ?? 0) > 0, moved);
}

/** Evaluates again every timer and open task whose reads `affected` selects and moves those whose dates changed, each recorded (and listed in `moved`). */
function rescheduleReaders(rt: Runtime, affected: (reads: TimeReads) => boolean, moved: Moved[]): void {
  for (const [waitId, subscription] of Object.entries(rt.state.subscriptions)) {
    if (!('reads' in subscription) || !subscription.reads || !affected(subscription.reads)) continue;
    try {
      if (subscription.kind === 'timer') rescheduleTimer(rt, waitId, subscription, moved);
      else if (subscription.kind === 'userTask') rescheduleTask(rt, subscription, moved);
    } catch (error) {
      // a value that no longer evaluates keeps the date it had (it evaluated when its element was activated)
      if (!(error instanceof IncidentSignal)) throw error;
    }
  }
}

function rescheduleTimer(rt: Runtime, waitId: string, timer: TimerSubscription, moved: Moved[]): void {
  const owner = rt.instance(timer.instanceId);
  const node = rt.node(timer.elementId);
  const definition = 'eventDefinition' in node ? node.eventDefinition : undefined;
  if (definition?.kind !== 'timer') return;
  const read = readTimer(rt, owner, node, definition.timer, (timer.reads as TimeReads).at);
  const from = timer.paused ? null : timer.dueAt;
  const to = read.paused ? null : read.due;
  if (from === to) {
    timer.reads = read.reads;
    return;
  }
  const newWaitId = eventWaitIdOf(owner.id, node.id, rt.nextId(''));
  const next: TimerSubscription = { ...timer, dueAt: to ?? timer.dueAt, reads: read.reads };
  if (read.paused) next.paused = true;
  else delete next.paused;
  if (!timer.paused) rt.emit({ type: 'cancelTimer', waitId });
  delete rt.state.subscriptions[waitId];
  rt.state.subscriptions[newWaitId] = next;
  owner.subscriptions = (owner.subscriptions ?? []).map((id) => (id === waitId ? newWaitId : id));
  if (!read.paused) startTimer(rt, newWaitId, next);
  rt.record({ kind: 'timer.rescheduled', elementId: timer.elementId, tokenId: owner.id, data: { from, to, waitId, newWaitId } });
  moved.push({ what: `timer ${timer.elementId}`, from, to });
}

function rescheduleTask(rt: Runtime, task: TaskSubscription, moved: Moved[]): void {
  const owner = rt.instance(task.instanceId);
  const node = rt.node(task.elementId) as UserTaskNode;
  const dates = taskDatesOf(rt, node, rt.contextOf(owner), (task.reads as TimeReads).at);
  const before = { dueDate: task.dueDate, followUpDate: task.followUpDate, dueProvisional: task.dueProvisional === true };
  for (const key of ['dueDate', 'followUpDate', 'dueProvisional', 'reads'] as const) delete task[key];
  Object.assign(task, keptDates(dates));
  const same = before.dueDate === dates.dueDate && before.followUpDate === dates.followUpDate && before.dueProvisional === dates.dueProvisional;
  if (same) return;
  rt.emit({ type: 'setTaskDates', taskId: task.taskId, dueDate: dates.dueDate ?? null, followUpDate: dates.followUpDate ?? null, dueProvisional: dates.dueProvisional });
  const data = { taskId: task.taskId, from: before.dueDate ?? null, to: dates.dueDate ?? null, provisional: dates.dueProvisional };
  const followUp = before.followUpDate === dates.followUpDate ? {} : { followUpFrom: before.followUpDate ?? null, followUpTo: dates.followUpDate ?? null };
  rt.record({ kind: 'task.rescheduled', elementId: task.elementId, tokenId: owner.id, data: { ...data, ...followUp } });
  moved.push({ what: `task ${task.taskId}`, from: data.from, to: data.to });
}
