// Drivers and queries the harness lacks, for user-task and job specs: claim, unclaim and assign, a completion checked
// against the holder its caller saw, refusals read from rejectionOf, and the opened task's and the job's full essentials.
// They reach the harness's adapter (its state, limits and apply) through one cast, so when the engine changes they
// change with harness.ts and the specs stay as they are.
import { type Command, type EngineEvent, type EngineLimits, type EngineState, rejectionOf, step, type UserTaskSpec } from '../../../engine/interpreter';
import type { Harness, HarnessWait, Vars } from './harness';

/** The parts of the harness's adapter these drivers use. */
interface Adapter {
  state: EngineState;
  limits: EngineLimits;
  now(): string;
  apply(event: EngineEvent): Harness;
  waitIdAt(elementId: string, kind: HarnessWait['kind']): string;
}

const adapterOf = (h: Harness): Adapter => h as unknown as Adapter;

/** The id of the oldest open user task at `elementId` (throws when there is none). */
const taskAt = (h: Harness, elementId: string): string => adapterOf(h).waitIdAt(elementId, 'userTask');

/** The event of `actor` claiming the open task at `elementId`. */
export const claimOf = (h: Harness, elementId: string, actor: string): EngineEvent => ({ type: 'taskClaimed', at: h.now(), actor, taskId: taskAt(h, elementId) });

/** The event of `actor` giving back the task at `elementId`, which they saw `holder` hold (the actor by default). */
export const unclaimOf = (h: Harness, elementId: string, holder: string, actor = holder): EngineEvent => ({
  type: 'taskUnclaimed',
  at: h.now(),
  actor,
  taskId: taskAt(h, elementId),
  holder,
});

/** The event of a dispatcher `actor` giving the task at `elementId` to `assignee`. */
export const assignOf = (h: Harness, elementId: string, assignee: string, actor = 'dispatcher'): EngineEvent => ({
  type: 'taskAssigned',
  at: h.now(),
  actor,
  taskId: taskAt(h, elementId),
  assignee,
});

/** The event of `actor` completing the task at `elementId`, having seen it held by `holder` (null: by no one). */
export const completionOf = (h: Harness, elementId: string, variables: Vars, actor: string, holder: string | null): EngineEvent => ({
  type: 'taskCompleted',
  at: h.now(),
  actor,
  taskId: taskAt(h, elementId),
  variables,
  holder,
});

/** Why the case refuses `event` now (rejectionOf), or null when it accepts it; nothing is applied. */
export const refusalOf = (h: Harness, event: EngineEvent): string | null => rejectionOf(adapterOf(h).state, event, adapterOf(h).limits);

/** Applies `event` to the case, like the harness's own drivers (a refused event throws). */
export const send = (h: Harness, event: EngineEvent): Harness => adapterOf(h).apply(event);

/** The raw commands of the last step, kept by watchCommands. */
export interface CommandWatch {
  last: Command[];
}

/**
 * Keeps the engine's raw commands of each step from now on, for essentials the harness's commands leave out. The step
 * is deterministic (and updates its state in place), so it is run again on a copy of the state before it; failJob with
 * retries left sends nothing and leaves `last` as it was.
 */
export function watchCommands(h: Harness): CommandWatch {
  const adapter = adapterOf(h);
  const apply = adapter.apply.bind(h);
  const watch: CommandWatch = { last: [] };
  adapter.apply = (event) => {
    const before = structuredClone(adapter.state);
    const result = apply(event);
    watch.last = step(h.model, before, event, adapter.limits).commands;
    return result;
  };
  return watch;
}

/** The task opened at `elementId` by the last step: assignee, candidates, form, dates and priority (no ids). */
export function openedTask(watch: CommandWatch, elementId: string): Omit<UserTaskSpec, 'taskId'> | undefined {
  const command = watch.last.find((c) => c.type === 'openUserTask' && c.task.elementId === elementId);
  if (command?.type !== 'openUserTask') return undefined;
  const { taskId: _taskId, ...essentials } = command.task;
  return essentials;
}

/** The headers of the job asked for at `elementId` by the last step. */
export function jobHeaders(watch: CommandWatch, elementId: string): Record<string, string> | undefined {
  const command = watch.last.find((c) => c.type === 'runJob' && c.elementId === elementId);
  return command?.type === 'runJob' ? command.headers : undefined;
}
