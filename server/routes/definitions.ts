// Routes for deploying and reading process definitions.
import { Router } from 'express';
import { z } from 'zod';
import { parseOr400 } from '../http/validate';
import { deploy, listDefinitions, loadVersion } from '../services/definitions';

const deploymentBody = z.object({
  xml: z.string().min(1, 'xml is required'),
  note: z.string().max(2000).optional(),
  processId: z.string().min(1).optional(),
});

/** POST /api/deployments, GET /api/definitions, GET /api/definitions/:key[/versions/:version]. */
export function definitionRoutes(): Router {
  const router = Router();
  router.post('/deployments', async (req, res) => {
    const body = parseOr400(deploymentBody, req.body);
    const result = await deploy({ ...body, deployedBy: res.locals.actor ?? null });
    res.status(result.created ? 201 : 200).json(result);
  });
  router.get('/definitions', async (_req, res) => {
    res.json({ items: await listDefinitions() });
  });
  router.get('/definitions/:key', async (req, res) => {
    const version = await loadVersion(req.params.key);
    res.json(view(version));
  });
  router.get('/definitions/:key/versions/:version', async (req, res) => {
    const number = parseOr400(z.coerce.number().int().min(1), req.params.version, 'version');
    res.json(view(await loadVersion(req.params.key, number)));
  });
  return router;
}

function view(row: Awaited<ReturnType<typeof loadVersion>>) {
  return {
    key: row.key,
    version: row.version,
    name: row.name ?? null,
    sha256: row.sha256,
    note: row.note ?? null,
    deployedBy: row.deployedBy ?? null,
    deployedAt: row.deployedAt.toISOString(),
    warnings: JSON.parse(row.warningsJson ?? '[]'),
    xml: row.xml,
    model: row.model,
  };
}
