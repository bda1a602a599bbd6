// Routes for the task list: list tasks, read one, complete it.
import type { Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { completeTaskUpdate } from '../../workflows/definitions';
import { HttpProblem, notFound } from '../http/problem';
import { parseOr400 } from '../http/validate';
import { Task, TASK_STATUSES } from '../models';
import { updateCase } from '../services/cases';

const listQuery = z.object({
  status: z.enum(TASK_STATUSES).optional(),
  instanceId: z.string().optional(),
  definitionKey: z.string().optional(),
});

/** GET /api/tasks, GET /api/tasks/:id, POST /api/tasks/:id/complete. */
export function taskRoutes(client: Client): Router {
  const router = Router();
  router.get('/tasks', async (req, res) => {
    const filter = parseOr400(listQuery, req.query, 'query');
    const items = await Task.find(filter).sort({ createdAt: -1 }).limit(200).lean();
    res.json({ items: items.map(({ _id, ...task }) => ({ id: _id, ...task })) });
  });
  router.get('/tasks/:id', async (req, res) => {
    const task = await Task.findById(req.params.id).lean();
    if (!task) throw notFound(`task ${req.params.id}`);
    const { _id, ...rest } = task;
    res.json({ id: _id, ...rest });
  });
  router.post('/tasks/:id/complete', async (req, res) => {
    const body = parseOr400(z.object({ variables: z.record(z.string(), z.unknown()).default({}) }), req.body ?? {});
    const task = await Task.findById(req.params.id).lean();
    if (!task) throw notFound(`task ${req.params.id}`);
    if (task.status === 'completed' || task.status === 'cancelled') {
      throw new HttpProblem(409, 'task-closed', 'Conflict', `task ${task._id} is already ${task.status}`);
    }
    const state = await updateCase(client, task.instanceId, completeTaskUpdate, { taskId: task._id, variables: body.variables, actor: res.locals.actor });
    res.json({ id: task._id, status: 'completed', case: state });
  });
  return router;
}
