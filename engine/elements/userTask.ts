// User task: opens a task in the read model (held by its assignee, if it has one) and waits for the completeTask update.
import { taskIdOf } from '../../contracts/ids';
import { mergeReads, readingLegalTime, valueOf } from '../interpreter/legalScope';
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import type { ElementInstance, Subscription, TimeReads, UserTaskSpec } from '../interpreter/types';
import type { Expression, UserTaskNode } from '../model';
import { behaviour } from './lifecycle';

/** Turns a static "a, b" list or a FEEL list/string into a list of names. */
function listOf(rt: Runtime, expression: Expression | undefined, context: Record<string, unknown>, what: string): string[] {
  if (!expression) return [];
  const value = rt.evaluate(expression, context);
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new IncidentSignal('expression', `${what} must be a list of strings, got ${JSON.stringify(value)}`);
}

function textOf(rt: Runtime, expression: Expression | undefined, context: Record<string, unknown>, what: string): string | undefined {
  if (!expression) return undefined;
  const value = rt.evaluate(expression, context);
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new IncidentSignal('expression', `${what} must be a string, got ${JSON.stringify(value)}`);
  return value;
}

/** An ISO 8601 date (`2025-03-01`) or date-time with optional seconds, fraction and offset (`2025-03-01T08:00:00+08:00`). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A due or follow-up date: a value that is no ISO 8601 date(-time) is an incident naming the element and the value. */
function dateOf(rt: Runtime, expression: Expression | undefined, context: Record<string, unknown>, what: string): string | undefined {
  const value = textOf(rt, expression, context, what);
  if (value === undefined) return value;
  if (!ISO_DATE.test(value) || Number.isNaN(new Date(value).getTime())) {
    throw new IncidentSignal('expression', `${what} must be an ISO 8601 date or date-time such as 2025-03-01T17:00:00+08:00, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A task's due and follow-up dates; under legal time with what they read and whether the due date is provisional. */
export interface TaskDates {
  dueDate?: string;
  followUpDate?: string;
  dueProvisional: boolean;
  reads?: TimeReads;
}

/** Evaluates the task's due and follow-up dates in `context` as at `at` (`now()` is `at` under legal time). */
export function taskDatesOf(rt: Runtime, node: UserTaskNode, context: Record<string, unknown>, at: string): TaskDates {
  const def = node.userTask ?? {};
  const due = readingLegalTime(rt, at, () => dateOf(rt, def.dueDate, context, `due date of <${node.id}>`));
  const followUp = readingLegalTime(rt, at, () => dateOf(rt, def.followUpDate, context, `follow-up date of <${node.id}>`));
  return { dueDate: valueOf(due), followUpDate: valueOf(followUp), dueProvisional: due.provisional && valueOf(due) !== undefined, reads: mergeReads(due.reads, followUp.reads) };
}

/** Evaluates a user task's assignment, schedule and priority for the element instance, with what its dates read of legal time. */
export function userTaskSpec(rt: Runtime, instance: ElementInstance, node: UserTaskNode): { spec: UserTaskSpec; dates: TaskDates } {
  const def = node.userTask ?? {};
  const context = rt.contextOf(instance);
  const priorityValue = def.priority ? rt.evaluate(def.priority, context) : 50;
  const priority = typeof priorityValue === 'string' ? Number(priorityValue) : priorityValue;
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0 || priority > 100) {
    throw new IncidentSignal('expression', `priority of <${node.id}> must be an integer from 0 to 100, got ${JSON.stringify(priorityValue)}`);
  }
  const assignee = textOf(rt, def.assignee, context, `assignee of <${node.id}>`);
  const candidateGroups = listOf(rt, def.candidateGroups, context, `candidate groups of <${node.id}>`);
  const candidateUsers = listOf(rt, def.candidateUsers, context, `candidate users of <${node.id}>`);
  const dates = taskDatesOf(rt, node, context, rt.at);
  const spec: UserTaskSpec = {
    taskId: taskIdOf(rt.state.instanceId, node.id, instance.id),
    elementId: node.id,
    name: node.name,
    assignee,
    candidateGroups,
    candidateUsers,
    formKey: def.formKey,
    formId: def.formId,
    dueDate: dates.dueDate,
    followUpDate: dates.followUpDate,
    ...(dates.dueProvisional ? { dueProvisional: true } : {}),
    priority,
  };
  return { spec, dates };
}

/** The dates a task subscription keeps when they read legal time (to be moved when a clock or the calendar changes). */
export function keptDates(dates: TaskDates): Partial<Extract<Subscription, { kind: 'userTask' }>> {
  if (!dates.reads) return {};
  return { ...(dates.dueDate !== undefined ? { dueDate: dates.dueDate } : {}), ...(dates.followUpDate !== undefined ? { followUpDate: dates.followUpDate } : {}), ...(dates.dueProvisional ? { dueProvisional: true } : {}), reads: dates.reads };
}

/** A user task waits for a person: its task id is stable (`<case>/<element>/<element instance>`). */
export const userTask = behaviour<UserTaskNode>((rt, instance, node) => {
  const { spec, dates } = userTaskSpec(rt, instance, node);
  rt.subscribe(spec.taskId, { kind: 'userTask', instanceId: instance.id, elementId: node.id, taskId: spec.taskId, holder: spec.assignee ?? null, ...keptDates(dates) });
  rt.emit({ type: 'openUserTask', task: spec, variables: rt.contextOf(instance) });
  rt.record({ kind: 'task.opened', elementId: node.id, tokenId: instance.id, data: { taskId: spec.taskId } });
});
