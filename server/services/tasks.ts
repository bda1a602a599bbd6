// The task list's actions: read a task in scope, claim, unclaim, assign and complete (each change goes to the case's workflow).
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { assignTaskUpdate, claimTaskUpdate, completeTaskUpdate, type TaskHolderView, unclaimTaskUpdate } from '../../workflows/definitions';
import { inScope, isCandidate, type Principal, principalOf, taskScope } from '../auth/principal';
import { conflict, DomainError, forbidden, notFound, unprocessable } from '../../platform/errors';
import { Definition, User } from '../../store/models';
import { findTaskAnywhere } from '../../store/tasks';
import { DISPATCHERS, hasAnyRole, TASK_WORKERS } from '../../contracts/roles';
import { caseState, updateCase } from './cases';
import { escapeRegex } from './definitions';
import { elementDocumentation } from './elementDocs';
import { formOfTask, invalidFormData } from './forms';
import { formVariables } from './formSchema';
import { checkFormSubmission } from './formValidation';
import { reservedVariablesOf } from './reservedVariables';
import { withUpdateTimeout } from './updateTimeout';

type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

/** A task wherever it is: open or claimed, or closed in the history. */
const findTask = (id: string, filter: Record<string, unknown> = {}) => findTaskAnywhere(id, filter);

/** A task row as the API shows it (every field present: absent ones as null or []). */
export function taskView(row: TaskRow) {
  const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
  return {
    id: row._id,
    instanceId: row.instanceId,
    definitionKey: row.definitionKey,
    definitionVersion: row.definitionVersion,
    businessKey: row.businessKey,
    street: row.street ?? null,
    elementId: row.elementId,
    name: row.name ?? null,
    assignee: row.assignee ?? null,
    candidateGroups: row.candidateGroups ?? [],
    candidateUsers: row.candidateUsers ?? [],
    status: row.status,
    dueDate: iso(row.dueDate),
    followUpDate: iso(row.followUpDate),
    dueProvisional: row.dueProvisional === true,
    priority: row.priority ?? 50,
    formKey: row.formKey ?? null,
    formId: row.formId ?? null,
    createdAt: iso(row.createdAt),
    claimedAt: iso(row.claimedAt),
    claimedBy: row.claimedBy ?? null,
    completedAt: iso(row.completedAt),
    completedBy: row.completedBy ?? null,
  };
}

/** The task if the caller may see it; out-of-scope and unknown ids alike are 404. */
export async function visibleTask(user: Principal, id: string): Promise<TaskRow> {
  const task = await findTask(id, taskScope(user));
  if (!task) throw notFound(`task ${id}`);
  return task;
}

const closed = (task: TaskRow) => task.status === 'completed' || task.status === 'cancelled';
const refuseClosed = (task: TaskRow) => {
  if (closed(task)) throw conflict('task-closed', `task ${task._id} is already ${task.status}`);
};

/** Why the task cannot be claimed or changed now (re-read after a lost race). */
async function raceConflict(id: string): Promise<never> {
  const now = await findTask(id);
  if (now && closed(now)) throw conflict('task-closed', `task ${id} is already ${now.status}`);
  throw conflict('task-claimed', `task ${id} is claimed by ${now?.assignee ?? 'someone else'}`, { assignee: now?.assignee ?? null });
}

/**
 * Sends a change of a task's holder to its case's workflow, which checks it against the task's state there (open, held
 * by whom), records it in the case's audit chain with the actor and updates the task row before it answers; Temporal
 * serialises it with the task's completion. A refusal is a 409 (task-closed or task-claimed); answers the task row.
 */
async function changeHolder<Req>(client: Client, task: TaskRow, update: UpdateDefinition<TaskHolderView, [Req]>, request: Req) {
  try {
    await withUpdateTimeout(client, task.instanceId, () => client.workflow.getHandle(task.instanceId).executeUpdate(update, { args: [request] }));
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw conflict('task-closed', `task ${task._id} is no longer open: its case has ended`);
    if (error instanceof WorkflowUpdateFailedError) {
      const reason = error.cause?.message ?? error.message;
      if (/is not open/.test(reason)) throw conflict('task-closed', `task ${task._id} is no longer open`);
      const holder = /is claimed by (.+)$/.exec(reason)?.[1];
      if (holder) throw conflict('task-claimed', `task ${task._id} is claimed by ${holder}`, { assignee: holder });
      throw conflict('update-refused', reason);
    }
    throw error;
  }
  return taskView((await findTask(task._id)) ?? task);
}

/** Claims an open task for the caller, who must be a candidate; a task someone else holds is a 409. */
export async function claimTask(client: Client, user: Principal, id: string) {
  const task = await visibleTask(user, id);
  refuseClosed(task);
  if (task.assignee === user.username) return taskView(task);
  if (!isCandidate(user, task)) throw forbidden(`you are not a candidate for task ${id}`, 'not-a-candidate');
  if (task.assignee) await raceConflict(id);
  return changeHolder(client, task, claimTaskUpdate, { taskId: task._id, actor: user.username });
}

/** Gives a claimed task back; only its holder or a street commander (or admin) may. */
export async function unclaimTask(client: Client, user: Principal, id: string) {
  const task = await visibleTask(user, id);
  refuseClosed(task);
  if (!task.assignee) return taskView(task);
  if (task.assignee !== user.username && !hasAnyRole(user.roles, DISPATCHERS)) throw forbidden(`task ${id} is claimed by ${task.assignee}; only they or a commander may unclaim it`, 'not-the-assignee');
  return changeHolder(client, task, unclaimTaskUpdate, { taskId: task._id, holder: task.assignee, actor: user.username });
}

/** Assigns a task to a task worker of its street who is a candidate for it (a commander dispatching work), replacing any claim. */
export async function assignTask(client: Client, user: Principal, id: string, assignee: string) {
  const task = await visibleTask(user, id);
  refuseClosed(task);
  const target = await User.findById(assignee).lean();
  if (!target || target.disabled) throw unprocessable('unknown-assignee', `user ${assignee} does not exist or is disabled`);
  if (!inScope({ ...user, streets: target.streets ?? [] }, task.street)) {
    throw unprocessable('assignee-out-of-scope', `user ${assignee} does not work in the task's street`);
  }
  const worker = principalOf(target, 'session');
  if (!worker.roles.some((r) => TASK_WORKERS.includes(r)) || !isCandidate(worker, { ...task, assignee: null })) {
    throw unprocessable('assignee-not-candidate', `user ${assignee} is not a candidate for task ${id} (candidate groups: ${(task.candidateGroups ?? []).join(', ') || 'none'}; candidate users: ${(task.candidateUsers ?? []).join(', ') || 'none'})`, { assignee });
  }
  return changeHolder(client, task, assignTaskUpdate, { taskId: task._id, assignee, actor: user.username });
}

/** The case's variables, or none when its workflow is gone (the update then answers for the closed case). */
async function caseVariables(client: Client, instanceId: string): Promise<Record<string, unknown> | null> {
  try {
    return (await caseState(client, instanceId)).variables;
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found') return null;
    throw error;
  }
}

/**
 * What a completion passes to the case. With a form: only its visible, editable fields, checked with hide rules on the
 * case's variables merged with the input; keys that are no field of the form are refused (422 invalid-form-data). A
 * task without a form takes any variables except those the process routes work by (correlation keys, assignments:
 * 422 reserved-variables), since diagrams drive gateways with what such tasks submit.
 */
async function acceptedInput(client: Client, task: TaskRow, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const form = await formOfTask(task);
  if (!form) {
    const reserved = await reservedVariablesOf(task.definitionKey, task.definitionVersion);
    const refused = Object.keys(variables).filter((key) => reserved.has(key));
    if (refused.length > 0) {
      const errors = refused.map((key) => ({ path: `body.variables.${key}`, message: 'is used by the process to correlate messages or assign tasks; a task without a form may not change it' }));
      throw unprocessable('reserved-variables', `task ${task._id} has no form and may not change ${refused.join(', ')}`, { errors });
    }
    return variables;
  }
  const { errors, values } = checkFormSubmission(form.schema, variables, (await caseVariables(client, task.instanceId)) ?? {});
  if (errors.length > 0) throw invalidFormData(form, errors);
  return values;
}

/**
 * Completes a task: it must be open, the caller must hold it or be a candidate of an unclaimed one, and the data
 * must satisfy the task's form (see acceptedInput); only then is the workflow's completeTask update sent.
 */
export async function completeTask(client: Client, user: Principal, id: string, variables: Record<string, unknown>) {
  const task = await visibleTask(user, id);
  refuseClosed(task);
  if (task.assignee && task.assignee !== user.username) {
    if (isCandidate(user, { ...task, assignee: null })) throw conflict('task-claimed', `task ${id} is claimed by ${task.assignee}`, { assignee: task.assignee });
    throw forbidden(`task ${id} is claimed by ${task.assignee}`, 'not-the-assignee');
  }
  if (!task.assignee && !isCandidate(user, task)) throw forbidden(`you are not a candidate for task ${id}`, 'not-a-candidate');
  const accepted = await acceptedInput(client, task, variables);
  let state;
  try {
    state = await updateCase(client, task.instanceId, completeTaskUpdate, { taskId: task._id, variables: accepted, actor: user.username, holder: task.assignee ?? null });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'update-refused' && /is not open/.test(error.detail)) throw conflict('task-closed', `task ${id} is no longer open`);
    if (error instanceof DomainError && error.code === 'update-refused' && /is claimed by/.test(error.detail)) throw conflict('task-claimed', `task ${id} was claimed by someone else meanwhile`);
    throw error;
  }
  return { id: task._id, status: 'completed' as const, completedBy: user.username, case: state };
}

/** A task with its form schema, the case variables its form shows (none for a task without a form) and its element's documentation. */
export async function taskDetail(client: Client, user: Principal, id: string) {
  const task = await visibleTask(user, id);
  const form = await formOfTask(task);
  const all = await caseVariables(client, task.instanceId);
  const variables = all && (form ? formVariables(form.schema, all) : {});
  const documentation = await elementDocumentation(task.definitionKey, task.definitionVersion, task.elementId);
  return { ...taskView(task), form, variables, documentation };
}

/**
 * The task-list filter of free text: every word must occur (case-insensitively) in the task's name, its business key,
 * or its process's key or name. Process names live in `definitions` (no $lookup on FerretDB), so the keys whose
 * name matches are read first.
 */
export async function taskTextFilter(text: string): Promise<Record<string, unknown>[]> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return Promise.all(
    words.map(async (word) => {
      const pattern = { $regex: escapeRegex(word), $options: 'i' };
      const named = await Definition.find({ $or: [{ key: pattern }, { name: pattern }] }).select({ key: 1 }).lean();
      return { $or: [{ name: pattern }, { businessKey: pattern }, { definitionKey: { $in: named.map((d) => d.key) } }] };
    }),
  );
}
