// The task list's tabs and filters, turned into `GET /api/tasks` query parameters (pure, so it is unit-tested).
import type { Task, TaskListParams } from '../../api/tasks';

/** The three lists: assigned to me, my groups' claimable tasks, every task of my street. */
export type TaskTab = 'mine' | 'group' | 'street';

/** The orders the list offers: due date (soonest first), priority (highest first), newest first. */
export type TaskSort = 'due' | '-priority' | '-created';

/** What the user picked above the list. */
export interface TaskFilters {
  /** Only tasks of this process. */
  definitionKey?: string;
  /** Only tasks due before this instant (ISO 8601). */
  dueBefore?: string;
  /** Only tasks of at least this priority (0–100). */
  minPriority?: number;
  /** Words that must each occur in the task name, business key, or process key or name (matched by the server). */
  text?: string;
  sort: TaskSort;
}

/** The default filters: nothing filtered, soonest due first. */
export const DEFAULT_FILTERS: TaskFilters = { sort: 'due' };

/** Tasks still to do (the list never shows completed or cancelled ones). */
const OPEN_STATUSES = 'open,claimed';

/**
 * The query of one tab: `mine=true`, `myGroups=true`, or the user's street (every street in scope when the user has
 * several or the whole district), plus the filters that the server applies.
 */
export function taskListParams(tab: TaskTab, filters: TaskFilters, streets: readonly string[], size = 200): TaskListParams {
  const params: TaskListParams = { status: OPEN_STATUSES, sort: filters.sort, size: String(size) };
  if (tab === 'mine') params.mine = 'true';
  if (tab === 'group') params.myGroups = 'true';
  if (tab === 'street' && streets.length === 1 && streets[0] !== '*') params.street = streets[0];
  if (filters.definitionKey) params.definitionKey = filters.definitionKey;
  if (filters.dueBefore) params.dueBefore = filters.dueBefore;
  if (filters.minPriority !== undefined) params.minPriority = String(filters.minPriority);
  const text = filters.text?.trim();
  if (text) params.text = text;
  return params;
}

/** The priority bands of Camunda's task list: 0–25 low, 26–50 medium, 51–75 high, 76–100 critical. */
export type PriorityLevel = 'low' | 'medium' | 'high' | 'critical';

/** The tag colour of each priority band. */
export const PRIORITY_COLORS = { low: 'default', medium: 'blue', high: 'orange', critical: 'red' } as const satisfies Record<PriorityLevel, string>;

/** The band of a priority from 0 to 100. */
export function priorityLevel(priority: number): PriorityLevel {
  if (priority > 75) return 'critical';
  if (priority > 50) return 'high';
  if (priority > 25) return 'medium';
  return 'low';
}

/**
 * The server's order, except that by due date the tasks without one come last (MongoDB sorts missing values first,
 * but a task list shows what is due soonest first).
 */
export function displayOrder<T extends Pick<Task, 'dueDate'>>(tasks: readonly T[], sort: TaskSort): T[] {
  if (sort !== 'due') return [...tasks];
  return [...tasks.filter((task) => task.dueDate !== null), ...tasks.filter((task) => task.dueDate === null)];
}
