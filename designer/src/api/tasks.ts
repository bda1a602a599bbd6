// Request builders and response types for the task list: list, read, claim, unclaim and complete tasks.
import type { z } from 'zod';
import type { formView } from '../../../contracts/api/forms';
import type { caseState } from '../../../contracts/api/instances';
import type { taskCountsView, taskView } from '../../../contracts/api/tasks';
import type { RequestBuilder } from './request';

/** One task row as `GET /api/tasks` lists it. */
export type Task = z.output<typeof taskView>;

/** A task with its form (the version its process pinned), the case's current variables and its element's BPMN documentation. */
export type TaskDetail = Task & { form: z.output<typeof formView> | null; variables: Record<string, unknown> | null; documentation?: string | null };

/** The workflow state a case update answers with. */
export type CaseState = z.output<typeof caseState>;

/** Body of `GET /api/tasks`: one page of tasks. */
export interface TaskList {
  items: Task[];
  page: number;
  size: number;
  total: number;
}

/** The answer of `POST /api/tasks/:id/complete`: the completed task and the case state after it. */
export interface CompletedTask {
  id: string;
  status: 'completed';
  completedBy: string;
  case: CaseState;
}

/** Query parameters of `GET /api/tasks`, already as the strings the server expects. */
export type TaskListParams = Record<string, string>;

const taskUrl = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

/** Lists the tasks of the caller's streets matching `params` (see `taskListParams`). */
export function listTasks(params: TaskListParams): RequestBuilder {
  const query = new URLSearchParams(params).toString();
  return { method: 'GET', url: query ? `/api/tasks?${query}` : '/api/tasks' };
}

/** The tab counts `GET /api/tasks/counts` answers: mine, my groups', the street's (null: not the caller's to see). */
export type TaskCounts = z.output<typeof taskCountsView>;

/** The caller's tab counts (maintained by the server, no list read), for one street or every street in scope. */
export function getTaskCounts(street?: string): RequestBuilder {
  return { method: 'GET', url: street ? `/api/tasks/counts?street=${encodeURIComponent(street)}` : '/api/tasks/counts' };
}

/** One task with its form schema and the case's variables. */
export function getTask(id: string): RequestBuilder {
  return { method: 'GET', url: taskUrl(id) };
}

/** Claims an open task for the caller (409 when someone else holds it). */
export function claimTask(id: string): RequestBuilder {
  return { method: 'POST', url: `${taskUrl(id)}/claim` };
}

/** Gives a claimed task back to its candidates. */
export function unclaimTask(id: string): RequestBuilder {
  return { method: 'POST', url: `${taskUrl(id)}/unclaim` };
}

/** Completes a task with the form's data; a 422 `invalid-form-data` carries `errors[].path` per field. */
export function completeTask(id: string, variables: Record<string, unknown>, idempotencyKey?: string): RequestBuilder {
  return { method: 'POST', url: `${taskUrl(id)}/complete`, body: { variables }, headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined };
}
