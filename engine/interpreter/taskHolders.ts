// Who holds an open user task: the claim, unclaim and assign events, how they are checked and what they change.
import { own } from './own';
import type { Runtime } from './runtime';
import type { AuditEntry, EngineEvent, EngineState, Subscription } from './types';

/** An event that changes who holds an open user task. */
export type HolderEvent = Extract<EngineEvent, { type: 'taskClaimed' | 'taskUnclaimed' | 'taskAssigned' }>;

/** The subscription of an open user task. */
type UserTaskWait = Extract<Subscription, { kind: 'userTask' }>;

/** Whether the event changes who holds a task. */
export const isHolderEvent = (event: EngineEvent): event is HolderEvent =>
  event.type === 'taskClaimed' || event.type === 'taskUnclaimed' || event.type === 'taskAssigned';

/** The subscription of the open user task with this id, or undefined (unknown, completed, cancelled; or not a string). */
export function openUserTask(state: EngineState, taskId: unknown): UserTaskWait | undefined {
  const wait = typeof taskId === 'string' ? own(state.subscriptions, taskId) : undefined;
  return wait?.kind === 'userTask' ? wait : undefined;
}

/** Who holds the open task `taskId`; null when no one does or the task is not open. */
export const holderOf = (state: EngineState, taskId: unknown): string | null => openUserTask(state, taskId)?.holder ?? null;

/** What a holder event does: the person it names, the holder it leaves (null: no one), the holder it expects to find (undefined: any) and its audit kind. */
function changeOf(event: HolderEvent): { person: unknown; holder: string | null; expected?: unknown; kind: AuditEntry['kind'] } {
  switch (event.type) {
    case 'taskClaimed':
      return { person: event.actor, holder: event.actor, expected: event.actor, kind: 'task.claimed' };
    case 'taskUnclaimed':
      return { person: event.holder, holder: null, expected: event.holder, kind: 'task.unclaimed' };
    case 'taskAssigned':
      return { person: event.assignee, holder: event.assignee, kind: 'task.assigned' };
  }
}

/**
 * Why a change of a task's holder is refused, or null when it is accepted (also when it changes nothing). Judged
 * whatever the case's status: a case that is no longer running has no open task. The fields are checked as the
 * request gave them (update arguments are not typed on the wire).
 */
export function holderRejectionOf(state: EngineState, event: HolderEvent): string | null {
  const { person, expected } = changeOf(event);
  if (typeof event.actor !== 'string' || !event.actor) return 'the actor must be a non-empty string';
  if (typeof person !== 'string' || !person) return 'the assignee must be a non-empty string';
  const task = openUserTask(state, event.taskId);
  if (!task) return `task ${String(event.taskId)} is not open`;
  if (expected !== undefined && task.holder !== null && task.holder !== expected) return `task ${String(event.taskId)} is claimed by ${task.holder}`;
  return null;
}

/** Gives the open task its new holder, recorded by the actor and written to the task row; the holder it already has changes nothing. */
export function changeHolder(rt: Runtime, event: HolderEvent): void {
  // step() checked that the task is open.
  const task = openUserTask(rt.state, event.taskId) as UserTaskWait;
  const { holder, kind } = changeOf(event);
  const previous = task.holder;
  if (previous === holder) return;
  task.holder = holder;
  rt.emit({ type: 'setTaskHolder', taskId: event.taskId, holder, actor: event.actor });
  rt.record({ kind, elementId: task.elementId, tokenId: task.instanceId, data: { taskId: event.taskId, previous, assignee: holder } });
}
