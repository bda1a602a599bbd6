// The task list: list and read tasks of the caller's streets; claim, unclaim, assign, complete (Idempotency-Key).
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { districtWide, inScope, type Principal, seesWholeStreet, taskScope } from '../auth/principal';
import { type AnyRoute, route } from '../http/route';
import { pageWindow, variables } from '../http/schemas';
import { flag, idParam, pageOf, paging } from '../../contracts/api/common';
import { formView } from '../../contracts/api/forms';
import { caseState } from '../../contracts/api/instances';
import { taskCountsView, taskDocumentation, taskView as taskSchema } from '../../contracts/api/tasks';
import { DISPATCHERS, EVERY_ROLE, TASK_WORKERS } from '../../contracts/roles';
import { TASK_STATUSES } from '../../contracts/statuses';
import { closedTaskTotal } from '../../store/closedTaskCounts';
import { listHotTasksOfAny, listTasks, readTabCounts } from '../../store/tasks';
import { taskCollectionsFor } from '../../store/taskKeys';
import { assignTask, claimTask, completeTask, taskDetail, taskTextFilter, taskView, unclaimTask } from '../services/tasks';

const SORTS = { due: { dueDate: 1 }, '-due': { dueDate: -1 }, priority: { priority: 1 }, '-priority': { priority: -1 }, created: { createdAt: 1 }, '-created': { createdAt: -1 } } as const;

type ListQuery = z.output<typeof listQuery>;

/** Who reads the tab counts. */
const countReader = (user: Principal) => ({ username: user.username, groups: user.groups, streets: user.streets, seesWholeStreet: seesWholeStreet(user) });

/**
 * The total of a list from the maintained counts when the list is exactly one tab (open and claimed, nothing else
 * filtered) or the closed tasks of whole streets (completed and/or cancelled, nothing else filtered, for a role that
 * sees whole streets), so those pages need no count over the tasks; undefined for any other list.
 */
async function tabTotal(user: Principal, query: ListQuery): Promise<number | undefined> {
  const open = query.status?.length === 2 && query.status.includes('open') && query.status.includes('claimed');
  const filtered = query.dueBefore || query.minPriority !== undefined || query.instanceId || query.definitionKey || query.text;
  const tabs = [query.mine, query.myGroups, query.street !== undefined].filter(Boolean).length;
  if (query.status && taskCollectionsFor(query.status) === 'history' && !filtered && !query.mine && !query.myGroups && seesWholeStreet(user)) {
    return closedTaskTotal(query.street !== undefined ? [query.street] : districtWide(user) ? null : user.streets, query.status);
  }
  if (!open || filtered || tabs !== 1) return undefined;
  const counts = await readTabCounts(countReader(user), query.street);
  if (query.mine) return counts.mine;
  if (query.myGroups) return counts.group;
  return counts.street ?? undefined;
}

const listQuery = z.object({
  mine: flag.optional().describe('only tasks assigned to me'),
  myGroups: flag.optional().describe('only unassigned tasks I am a candidate for (named, or in a candidate group)'),
  street: z.string().optional(),
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(TASK_STATUSES)).optional())
    .describe('one status or a comma-separated list'),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  minPriority: z.coerce.number().optional(),
  instanceId: z.string().optional(),
  definitionKey: z.string().optional(),
  text: z.string().max(200).optional().describe('words that must each occur in the task name, business key, or process key or name (case-insensitive)'),
  sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS]).default('-created'),
  ...paging,
});

/** The task routes. */
export function taskRoutes(client: Client): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/tasks',
      summary: 'Lists tasks of the caller\'s streets: mine, my groups, street, status, due before, priority, text; sorted by due date, priority or creation',
      tag: 'tasks',
      access: EVERY_ROLE,
      query: listQuery,
      responses: { 200: { description: 'tasks', schema: pageOf(taskSchema) } },
      handler: async ({ query, user }) => {
        const and: Record<string, unknown>[] = [taskScope(user)];
        if (query.street) {
          if (!inScope(user, query.street)) return { items: [], page: query.page, size: query.size, total: 0 };
          and.push({ street: query.street });
        }
        if (query.mine) and.push({ assignee: user.username });
        if (query.myGroups) and.push({ assignee: null, $or: [{ candidateUsers: user.username }, { candidateGroups: { $in: user.groups } }] });
        if (query.status) and.push({ status: query.status.length === 1 ? query.status[0] : { $in: query.status } });
        if (query.dueBefore) and.push({ dueDate: { $ne: null, $lt: new Date(query.dueBefore) } });
        if (query.minPriority !== undefined) and.push({ priority: { $gte: query.minPriority } });
        if (query.instanceId) and.push({ instanceId: query.instanceId });
        if (query.definitionKey) and.push({ definitionKey: query.definitionKey });
        if (query.text) and.push(...(await taskTextFilter(query.text)));
        const filter = Object.assign({}, ...and.filter((f) => !('$or' in f))) as Record<string, unknown>;
        const ors = and.filter((f) => '$or' in f);
        const full = ors.length === 0 ? filter : { ...filter, $and: ors };
        const { skip, limit } = pageWindow(query);
        const sort = { ...SORTS[query.sort], _id: 1 } as Record<string, 1 | -1>;
        const total = await tabTotal(user, query);
        // 我组的任务 on the open tasks: one indexed equality query per candidate branch (FerretDB pushes no $or down).
        const branches = [{ candidateUsers: user.username }, ...user.groups.map((g) => ({ candidateGroups: g }))];
        const { $or: candidateScope, ...streetScope } = taskScope(user);
        const onlyTabOrs = ors.length === (candidateScope ? 2 : 1);
        const { rows, total: n } =
          query.myGroups && onlyTabOrs && taskCollectionsFor(query.status) === 'hot'
            ? await listHotTasksOfAny({ ...streetScope, ...filter, assignee: null }, branches, sort, skip, limit, total)
            : await listTasks(full, query.status, sort, skip, limit, total);
        return { items: rows.map(taskView), page: query.page, size: query.size, total: n };
      },
    }),
    route({
      method: 'get',
      path: '/tasks/counts',
      summary: 'The task list\'s tab counts for the caller: assigned to me, my groups\' unassigned tasks, the street\'s open tasks (one street, or every street in scope)',
      tag: 'tasks',
      access: EVERY_ROLE,
      query: z.object({ street: z.string().optional() }),
      responses: { 200: { description: 'the counts', schema: taskCountsView } },
      handler: async ({ query, user }) => {
        if (query.street && !inScope(user, query.street)) return { mine: 0, group: 0, street: seesWholeStreet(user) ? 0 : null };
        return readTabCounts(countReader(user), query.street);
      },
    }),
    route({
      method: 'get',
      path: '/tasks/:id',
      summary: 'A task with its form schema and the case variables its form shows (its fields, and what its expressions and templates read); none without a form',
      tag: 'tasks',
      access: EVERY_ROLE,
      params: idParam,
      responses: { 200: { description: 'the task', schema: taskSchema.extend({ form: formView.nullable(), variables: variables.nullable(), documentation: taskDocumentation }) } },
      problems: [404],
      handler: async ({ params, user }) => taskDetail(client, user, params.id),
    }),
    route({
      method: 'post',
      path: '/tasks/:id/claim',
      summary: 'Claims an open task for the caller (who must be a candidate)',
      tag: 'tasks',
      access: TASK_WORKERS,
      params: idParam,
      responses: { 200: { description: 'the claimed task', schema: taskSchema } },
      problems: [404, 409],
      handler: async ({ params, user }) => claimTask(client, user, params.id),
    }),
    route({
      method: 'post',
      path: '/tasks/:id/unclaim',
      summary: 'Gives a claimed task back (its holder, or a commander)',
      tag: 'tasks',
      access: TASK_WORKERS,
      params: idParam,
      responses: { 200: { description: 'the open task', schema: taskSchema } },
      problems: [404, 409],
      handler: async ({ params, user }) => unclaimTask(client, user, params.id),
    }),
    route({
      method: 'post',
      path: '/tasks/:id/assign',
      summary: 'Assigns a task to a task worker of its street who is a candidate for it (street commander); 422 naming the assignee otherwise',
      tag: 'tasks',
      access: DISPATCHERS,
      params: idParam,
      body: z.object({ assignee: z.string().min(1).max(100) }),
      responses: { 200: { description: 'the assigned task', schema: taskSchema } },
      problems: [404, 409, 422],
      handler: async ({ params, body, user }) => assignTask(client, user, params.id, body.assignee),
    }),
    route({
      method: 'post',
      path: '/tasks/:id/complete',
      summary: 'Completes a task with form data: only the form\'s visible fields reach the case (unknown keys 422); without a form, any variables but those the process routes work by (honours Idempotency-Key)',
      tag: 'tasks',
      access: TASK_WORKERS,
      idempotent: true,
      params: idParam,
      body: z.object({ variables: variables.default({}) }),
      responses: { 200: { description: 'completed', schema: z.object({ id: z.string(), status: z.literal('completed'), completedBy: z.string(), case: caseState }) } },
      problems: [404, 409, 422],
      handler: async ({ params, body, user }) => completeTask(client, user, params.id, body.variables),
    }),
  ];
}
