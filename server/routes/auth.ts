// Sign-in, sign-out, the CSRF token, the caller's profile and API tokens.
import type { Request } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { z } from 'zod';
import { verifyPassword } from '../auth/passwords';
import { type Principal, principalOf } from '../auth/principal';
import { newCsrfToken, SESSION_COOKIE } from '../auth/session';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/tokens';
import { HttpProblem, notFound, sendProblem } from '../http/problem';
import { type AnyRoute, reply, route } from '../http/route';
import { meView } from '../http/schemas';
import { User, type UserDoc } from '../models';

const loginBody = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(500) });
const tokenBody = z.object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(3650).optional() });
const tokenView = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), expiresAt: z.string().nullable(), lastUsedAt: z.string().nullable() });

/** How many failed sign-ins per IP and username are allowed in a window. */
export interface LoginRateLimit {
  windowMs: number;
  limit: number;
}

/** Failed sign-ins are limited per IP and username; successful ones do not count. */
export function loginLimiter({ windowMs, limit }: LoginRateLimit) {
  return rateLimit({
    windowMs,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req: Request) => `${ipKeyGenerator(req.ip ?? '')}|${String((req.body as { username?: unknown } | undefined)?.username ?? '').trim().toLowerCase()}`,
    handler: (_req, res, _next, options) => {
      res.setHeader('Retry-After', String(Math.ceil(options.windowMs / 1000)));
      sendProblem(res, new HttpProblem(429, 'too-many-attempts', 'Too Many Requests', 'too many failed sign-ins for this user from this address; wait and try again'));
    },
  });
}

const me = (p: Principal, csrfToken: string | null) => ({ username: p.username, displayName: p.displayName, roles: p.roles, groups: p.groups, orgUnits: p.orgUnits, streets: p.streets, via: p.via, csrfToken });

/** The auth routes. */
export function authRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in with username and password: sets the session cookie and returns the CSRF token',
      tag: 'auth',
      access: 'public',
      body: loginBody,
      responses: { 200: { description: 'signed in', schema: meView } },
      problems: [401, 429],
      handler: async ({ req, body }) => {
        const user = (await User.findById(body.username).lean()) as UserDoc | null;
        // The document must be the one asked for (see mongoReplyGuard): a sign-in never yields another account.
        const usable = user && user._id === body.username && !user.disabled ? user : null;
        // Always a full hash comparison (a dummy one for unknown or disabled users): failures take the same time.
        const ok = await verifyPassword(usable?.passwordHash, body.password);
        if (!ok || !usable) throw new HttpProblem(401, 'invalid-credentials', 'Unauthorized', 'the username or password is wrong');
        await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
        req.session.username = usable._id;
        req.session.boundId = req.sessionID;
        req.session.csrfToken = newCsrfToken();
        await new Promise<void>((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));
        return me(principalOf(usable, 'session'), req.session.csrfToken);
      },
    }),
    route({
      method: 'post',
      path: '/auth/logout',
      summary: 'Sign out: ends the session',
      tag: 'auth',
      access: 'authenticated',
      responses: { 204: { description: 'signed out' } },
      handler: async ({ req, res }) => {
        if (req.session?.username) await new Promise<void>((resolve, reject) => req.session.destroy((e) => (e ? reject(e) : resolve())));
        res.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply(204);
      },
    }),
    route({
      method: 'get',
      path: '/auth/csrf',
      summary: 'The CSRF token of the session, to send as X-CSRF-Token on POST/PUT/PATCH/DELETE',
      tag: 'auth',
      access: 'authenticated',
      responses: { 200: { description: 'the token (null for bearer-token callers, who need none)', schema: z.object({ csrfToken: z.string().nullable() }) } },
      handler: async ({ req, user }) => ({ csrfToken: user.via === 'session' ? (req.session.csrfToken ?? null) : null }),
    }),
    route({
      method: 'get',
      path: '/me',
      summary: 'The signed-in user: roles, groups, streets',
      tag: 'auth',
      access: 'authenticated',
      responses: { 200: { description: 'the caller', schema: meView } },
      handler: async ({ req, user }) => me(user, user.via === 'session' ? (req.session.csrfToken ?? null) : null),
    }),
    route({
      method: 'get',
      path: '/me/tokens',
      summary: "The caller's API tokens (without secrets)",
      tag: 'auth',
      access: 'authenticated',
      responses: { 200: { description: 'tokens', schema: z.object({ items: z.array(tokenView) }) } },
      handler: async ({ user }) => ({ items: await listApiTokens(user.username) }),
    }),
    route({
      method: 'post',
      path: '/me/tokens',
      summary: 'Creates a bearer API token for scripts; the secret is shown only in this answer',
      tag: 'auth',
      access: 'authenticated',
      body: tokenBody,
      responses: { 201: { description: 'the token with its secret', schema: tokenView.omit({ lastUsedAt: true }).extend({ token: z.string() }) } },
      handler: async ({ user, body }) => reply(201, await createApiToken(user.username, body.name, body.expiresInDays)),
    }),
    route({
      method: 'delete',
      path: '/me/tokens/:id',
      summary: 'Revokes one of the caller\'s API tokens',
      tag: 'auth',
      access: 'authenticated',
      params: z.object({ id: z.string().min(1).max(100) }),
      responses: { 204: { description: 'revoked' } },
      problems: [404],
      handler: async ({ user, params }) => {
        if (!(await revokeApiToken(user.username, params.id))) throw notFound(`token ${params.id}`);
        return reply(204);
      },
    }),
  ];
}
