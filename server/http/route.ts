// The route table: each route declares who may call it, its zod schemas and its answers; one place checks them all.
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { csrfTokenValid, CSRF_HEADER } from '../auth/session';
import type { Principal } from '../auth/principal';
import type { Role } from '../../contracts/roles';
import { forbidden } from '../../platform/errors';
import { withIdempotency } from './idempotency';
import { HttpProblem } from './problem';
import { Reply } from './reply';
import { parseOr400 } from './validate';

/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

/** What a handler sees: the parsed parts of the request and the caller. */
export interface RouteContext<P, Q, B> {
  req: Request;
  res: Response;
  /** The caller (never null except on public routes). */
  user: Principal;
  params: P;
  query: Q;
  body: B;
}

/** Answers `status` with `body` (JSON unless `contentType` says otherwise; no body for 204). */
export const reply = (status: number, body?: unknown, contentType?: string) => new Reply(status, body, contentType);

/** A documented success answer: a JSON schema, or a non-JSON media type. */
export type SuccessResponse = { description: string; schema?: z.ZodType; contentType?: string };

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

/** One route of the API. */
export interface RouteSpec<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path under /api, e.g. `/tasks/:id/claim`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Success answers by status; the lowest is the default. */
  responses: Record<number, SuccessResponse>;
  /** Problem statuses the route may answer besides the common ones (400, 401, 403, 413, 415, 503). */
  problems?: number[];
  /** Whether an `Idempotency-Key` header is honoured. */
  idempotent?: boolean;
  handler: (ctx: RouteContext<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown>;
}

/** A route with its types erased, as kept in the table. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any>;

/** Declares a route (identity, for type inference). */
export function route<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec<P, Q, B> {
  return spec;
}

/** The route's name in tables and the matrix: `METHOD /path`. */
export const routeName = (r: Pick<AnyRoute, 'method' | 'path'>) => `${r.method.toUpperCase()} ${r.path}`;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Checks the caller against the route's access rule: 401 when anonymous, 403 for a missing CSRF token or role. */
export function authorize(spec: Pick<AnyRoute, 'access' | 'method' | 'path'>, req: Request, user: Principal | null): void {
  if (spec.access === 'public') return;
  if (!user) throw new HttpProblem(401, 'unauthenticated', 'Unauthorized', 'sign in first (POST /api/auth/login) or send a bearer token');
  if (user.via === 'session' && UNSAFE.has(req.method) && !csrfTokenValid(req.get(CSRF_HEADER), req.session?.csrfToken)) {
    throw forbidden(`a state-changing request of a cookie session needs the ${CSRF_HEADER} header (GET /api/auth/csrf)`, 'csrf-token-invalid');
  }
  if (spec.access !== 'authenticated' && !user.roles.some((r) => (spec.access as readonly Role[]).includes(r))) {
    throw forbidden(`${routeName(spec)} needs one of the roles ${spec.access.join(', ')}`);
  }
}

/** Mounts the routes on `router`: access check, then validation, then the handler (with idempotency when declared). */
export function mount(router: Router, routes: AnyRoute[]): void {
  for (const spec of routes) {
    const success = Math.min(...Object.keys(spec.responses).map(Number));
    router[spec.method](spec.path, async (req: Request, res: Response) => {
      const user = (res.locals.user ?? null) as Principal | null;
      authorize(spec, req, user);
      const params = spec.params ? parseOr400(spec.params, req.params, 'params') : undefined;
      const query = spec.query ? parseOr400(spec.query, req.query, 'query') : undefined;
      const body = spec.body ? parseOr400(spec.body, req.body ?? {}, 'body') : undefined;
      const run = async (): Promise<Reply> => {
        const result = await spec.handler({ req, res, user: user as Principal, params, query, body });
        return result instanceof Reply ? result : new Reply(success, result);
      };
      const key = spec.idempotent ? req.get('idempotency-key') : undefined;
      const answer = key !== undefined ? await withIdempotency({ key, user: user as Principal, route: routeName(spec), request: { params, body } }, run, res) : await run();
      send(res, answer);
    });
  }
}

function send(res: Response, answer: Reply): void {
  res.status(answer.status);
  if (answer.body === undefined || answer.status === 204) {
    res.end();
  } else if (answer.contentType) {
    res.type(answer.contentType).send(answer.body);
  } else {
    res.json(answer.body);
  }
}
