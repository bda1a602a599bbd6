// The express application: JSON API under /api, health at /healthz, the built designer at /.
import fs from 'node:fs';
import path from 'node:path';
import type { Client, Connection } from '@temporalio/client';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { problemHandler, unknownRoute } from './http/problem';
import type { Logger } from './logger';
import { definitionRoutes } from './routes/definitions';
import { healthRoutes } from './routes/health';
import { instanceRoutes } from './routes/instances';
import { taskRoutes } from './routes/tasks';

/** What the app needs from outside. */
export interface AppDeps {
  client: Client;
  /** The client's connection, typed as a full Connection for health checks. */
  connection: Connection;
  taskQueue: string;
  log: Logger;
  /** Directory of the built designer; not served when it does not exist. */
  designerDir?: string;
}

/** Default location of the designer build. */
export const DESIGNER_DIST = path.resolve(__dirname, '../designer/dist');

/** Builds the express app (routes, error handling, static designer). */
export function createApp({ client, connection, taskQueue, log, designerDir = DESIGNER_DIST }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(pinoHttp({ logger: log, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(healthRoutes(connection));
  const api = express.Router();
  api.use(express.json({ limit: '6mb' }));
  api.use((_req, res, next) => {
    res.locals.actor = 'anonymous';
    next();
  });
  api.use(definitionRoutes());
  api.use(instanceRoutes(client, taskQueue));
  api.use(taskRoutes(client));
  api.use(unknownRoute);
  app.use('/api', api);
  if (fs.existsSync(path.join(designerDir, 'index.html'))) {
    app.use(express.static(designerDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(designerDir, 'index.html')));
  }
  app.use(problemHandler(log));
  return app;
}
