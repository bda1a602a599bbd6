// Routes for cases: start, read, cancel.
import type { Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { cancelUpdate } from '../../workflows/definitions';
import { notFound } from '../http/problem';
import { parseOr400 } from '../http/validate';
import { Instance, INSTANCE_STATUSES } from '../models';
import { caseState, startCase, updateCase } from '../services/cases';

const variablesSchema = z.record(z.string(), z.unknown());
const startBody = z.object({
  definitionKey: z.string().min(1),
  version: z.number().int().min(1).optional(),
  businessKey: z.string().min(1).max(200).regex(/^[^/:\s]+$/, 'must not contain spaces, "/" or ":"'),
  street: z.string().min(1).nullish(),
  variables: variablesSchema.default({}),
});

/** POST /api/instances, GET /api/instances, GET /api/instances/:id, POST /api/instances/:id/cancel. */
export function instanceRoutes(client: Client, taskQueue: string): Router {
  const router = Router();
  router.post('/instances', async (req, res) => {
    const body = parseOr400(startBody, req.body);
    res.status(201).json(await startCase(client, taskQueue, { ...body, startedBy: res.locals.actor }));
  });
  router.get('/instances', async (req, res) => {
    const query = parseOr400(z.object({ definitionKey: z.string().optional(), status: z.enum(INSTANCE_STATUSES).optional() }), req.query, 'query');
    const filter = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
    const items = await Instance.find(filter).sort({ startedAt: -1 }).limit(100).lean();
    res.json({ items: items.map(({ _id, ...row }) => ({ id: _id, ...row })) });
  });
  router.get('/instances/:id', async (req, res) => {
    const summary = await Instance.findById(req.params.id).lean();
    if (!summary) throw notFound(`case ${req.params.id}`);
    res.json({ ...summary, id: summary._id, state: await caseState(client, req.params.id) });
  });
  router.post('/instances/:id/cancel', async (req, res) => {
    const body = parseOr400(z.object({ reason: z.string().trim().min(1, 'a reason is required') }), req.body);
    if (!(await Instance.exists({ _id: req.params.id }))) throw notFound(`case ${req.params.id}`);
    res.json(await updateCase(client, req.params.id, cancelUpdate, { reason: body.reason, actor: res.locals.actor }));
  });
  return router;
}
