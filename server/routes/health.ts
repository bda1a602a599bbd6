// GET /healthz: whether Temporal and MongoDB answer; 503 problem+json when one does not.
import type { Connection } from '@temporalio/client';
import { Router } from 'express';
import { mongoReachable } from '../../store/db';
import { HttpProblem, sendProblem } from '../http/problem';

async function temporalReachable(connection: Connection): Promise<boolean> {
  try {
    await connection.withDeadline(Date.now() + 2000, () => connection.healthService.check({}));
    return true;
  } catch {
    return false;
  }
}

/** The health route: 200 {status: ok} or 503 naming what is down. */
export function healthRoutes(connection: Connection): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const [temporal, mongo] = await Promise.all([temporalReachable(connection), mongoReachable()]);
    const checks = { temporal: temporal ? 'up' : 'down', mongo: mongo ? 'up' : 'down' };
    if (temporal && mongo) return res.json({ status: 'ok', checks });
    const down = Object.entries(checks).filter(([, v]) => v === 'down').map(([k]) => k);
    sendProblem(res, new HttpProblem(503, 'dependency-down', 'Service Unavailable', `not reachable: ${down.join(', ')}`, { checks }));
  });
  return router;
}
