// Sign-in, sign-out, the CSRF token, the caller's profile and API tokens.
import type { Request } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { z } from 'zod';
import { verifyPassword } from '../auth/passwords';
import { type Principal, principalOf } from '../auth/principal';
import { newCsrfToken, SESSION_COOKIE } from '../auth/session';
import { createApiToken, listApiTokens, revokeApiToken, TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../auth/tokens';
import { HttpProblem, sendProblem } from '../http/problem';
import { type AnyRoute, reply, route } from '../http/route';
import { meView } from '../../contracts/api/users';
import { forbidden, notFound } from '../../platform/errors';
import { credentialVersionOf, User, type UserDoc } from '../../store/models';

const loginBody = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(500) });
const tokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS).default(TOKEN_DEFAULT_DAYS).describe(`lifetime in days (${TOKEN_DEFAULT_DAYS} by default, at most ${TOKEN_MAX_DAYS})`),
});
const tokenView = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), expiresAt: z.string(), lastUsedAt: z.string().nullable() });

/** How many failed sign-ins (per key) are allowed in a window. */
export interface LoginRateLimit {
  windowMs: number;
  limit: number;
}

/** A limiter of failed sign-ins per `key` (successful ones do not count), answering 429 with `detail`. */
function failedSignInLimiter({ windowMs, limit }: LoginRateLimit, key: (req: Request) => string, detail: string) {
  return rateLimit({
    windowMs,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: key,
    handler: (_req, res, _next, options) => {
      res.setHeader('Retry-After', String(Math.ceil(options.windowMs / 1000)));
      sendProblem(res, new HttpProblem(429, 'too-many-attempts', 'Too Many Requests', detail));
    },
  });
}

const clientAddress = (req: Request) => ipKeyGenerator(req.ip ?? '');

/** Failed sign-ins are limited per IP and username (guessing one user's password). */
export const loginLimiter = (limit: LoginRateLimit) =>
  failedSignInLimiter(
    limit,
    (req) => `${clientAddress(req)}|${String((req.body as { username?: unknown } | undefined)?.username ?? '').trim().toLowerCase()}`,
    'too many failed sign-ins for this user from this address; wait and try again',
  );

/** Failed sign-ins are limited per IP across usernames too (password spraying). */
export const loginAddressLimiter = (limit: LoginRateLimit) => failedSignInLimiter(limit, clientAddress, 'too many failed sign-ins from this address; wait and try again');

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
        req.session.credentialVersion = credentialVersionOf(usable);
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
      summary: 'Creates a bearer API token for scripts (signed-in sessions only, 403 session-required for a bearer token); the secret is shown only in this answer',
      tag: 'auth',
      access: 'authenticated',
      body: tokenBody,
      responses: { 201: { description: 'the token with its secret', schema: tokenView.omit({ lastUsedAt: true }).extend({ token: z.string() }) } },
      handler: async ({ user, body }) => {
        if (user.via !== 'session') throw forbidden('a bearer token cannot create tokens: sign in with your password to create one', 'session-required');
        return reply(201, await createApiToken(user, body.name, body.expiresInDays));
      },
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
