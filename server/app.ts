// The express application: security headers, JSON API under /api (sessions, auth, the route table), health at /healthz, the built designer at /.
import fs from 'node:fs';
import path from 'node:path';
import type { Client, Connection } from '@temporalio/client';
import express, { type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { authenticate, sessionMiddleware } from './auth/session';
import { DEV_SESSION_SECRET } from '../platform/config';
import { designerFiles } from './http/designerFiles';
import { sendIndex } from './http/indexPage';
import { HttpProblem, problemHandler, unknownRoute } from './http/problem';
import { mount } from './http/route';
import { apiSandbox, securityHeaders } from './http/securityHeaders';
import type { Logger } from '../platform/logger';
import { type LoginRateLimit, loginAddressLimiter, loginLimiter } from './routes/auth';
import { DOCS_PATHS, swaggerAssets } from './routes/docs';
import { healthRoutes } from './routes/health';
import { apiRoutes } from './routes/index';

/** What the app needs from outside. */
export interface AppDeps {
  client: Client;
  /** The client's connection, typed as a full Connection for health checks. */
  connection: Connection;
  taskQueue: string;
  log: Logger;
  /** Directory of the built designer; not served when it does not exist. */
  designerDir?: string;
  /** Signs session cookies (a fixed development secret when omitted). */
  sessionSecret?: string;
  /** Session cookie only over HTTPS. */
  secureCookie?: boolean;
  /** Idle lifetime of a session in seconds (12 h by default). */
  sessionTtlSeconds?: number;
  /** Failed sign-ins allowed per IP and username (10 per 15 minutes by default). */
  loginRateLimit?: LoginRateLimit;
  /** Failed sign-ins allowed per IP whatever the username (50 per 15 minutes by default). */
  loginIpRateLimit?: LoginRateLimit;
  /** Express `trust proxy` setting. */
  trustProxy?: boolean | number | string;
}

/** Default location of the designer build. */
export const DESIGNER_DIST = path.resolve(__dirname, '../designer/dist');

/** The largest accepted JSON body. */
export const BODY_LIMIT = '6mb';

/** State-changing requests with a body must send JSON: a cross-site form cannot, so this also blocks login CSRF. */
const jsonOnly: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json') && !req.is('application/*+json')) {
    throw new HttpProblem(415, 'unsupported-media-type', 'Unsupported Media Type', 'send the request body as application/json');
  }
  next();
};

/** Builds the express app (routes, error handling, static designer). */
export function createApp(deps: AppDeps): express.Express {
  const { client, connection, taskQueue, log, designerDir = DESIGNER_DIST } = deps;
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  app.use(pinoHttp({ logger: log, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(securityHeaders());
  app.use(healthRoutes(connection));
  const api = express.Router();
  api.use(apiSandbox(DOCS_PATHS));
  api.use(swaggerAssets());
  api.use(jsonOnly);
  api.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  api.use(
    sessionMiddleware({
      secret: deps.sessionSecret ?? DEV_SESSION_SECRET,
      secureCookie: deps.secureCookie ?? false,
      ttlSeconds: deps.sessionTtlSeconds ?? 12 * 3600,
    }),
  );
  api.use(authenticate);
  api.post('/auth/login', loginLimiter(deps.loginRateLimit ?? { windowMs: 15 * 60_000, limit: 10 }), loginAddressLimiter(deps.loginIpRateLimit ?? { windowMs: 15 * 60_000, limit: 50 }));
  mount(api, apiRoutes(client, taskQueue));
  api.use(unknownRoute);
  app.use('/api', api);
  if (fs.existsSync(path.join(designerDir, 'index.html'))) {
    app.use(designerFiles(designerDir));
    app.get(/^\/(?!api\/).*/, sendIndex(designerDir, log));
  }
  app.use(problemHandler(log));
  return app;
}
