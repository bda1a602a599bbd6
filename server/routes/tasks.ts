// The task list: list and read tasks of the caller's streets; claim, unclaim, assign, complete (Idempotency-Key).
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { inScope, taskScope } from '../auth/principal';
import { type AnyRoute, route } from '../http/route';
import { pageWindow, variables } from '../http/schemas';
import { flag, idParam, pageOf, paging } from '../../contracts/api/common';
import { formView } from '../../contracts/api/forms';
import { caseState } from '../../contracts/api/instances';
import { taskView as taskSchema } from '../../contracts/api/tasks';
import { DISPATCHERS, EVERY_ROLE, TASK_WORKERS } from '../../contracts/roles';
import { TASK_STATUSES } from '../../contracts/statuses';
import { Task } from '../../store/models';
import { assignTask, claimTask, completeTask, taskDetail, taskTextFilter, taskView, unclaimTask } from '../services/tasks';

const SORTS = { due: { dueDate: 1 }, '-due': { dueDate: -1 }, priority: { priority: 1 }, '-priority': { priority: -1 }, created: { createdAt: 1 }, '-created': { createdAt: -1 } } as const;

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
        const [rows, total] = await Promise.all([Task.find(full).sort(sort).skip(skip).limit(limit).lean(), Task.countDocuments(full)]);
        return { items: rows.map(taskView), page: query.page, size: query.size, total };
      },
    }),
    route({
      method: 'get',
      path: '/tasks/:id',
      summary: 'A task with its form schema and the case variables its form shows (its fields, and what its expressions and templates read); none without a form',
      tag: 'tasks',
      access: EVERY_ROLE,
      params: idParam,
      responses: { 200: { description: 'the task', schema: taskSchema.extend({ form: formView.nullable(), variables: variables.nullable() }) } },
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
