// Sessions (express-session in MongoDB through connect-mongo), bearer tokens, and CSRF tokens for cookie sessions.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import MongoStore from 'connect-mongo';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import mongoose from 'mongoose';
import { HttpProblem } from '../http/problem';
import { User, type UserDoc } from '../models';
import { type Principal, principalOf } from './principal';
import { SESSIONS_COLLECTION } from './sessionSweep';
import { usernameOfToken } from './tokens';

declare module 'express-session' {
  interface SessionData {
    username?: string;
    csrfToken?: string;
    /** The session id the session was created under: a session read back under another id is refused. */
    boundId?: string;
  }
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'sparrow.sid';
/** The header carrying the CSRF token on state-changing requests of a cookie session. */
export const CSRF_HEADER = 'x-csrf-token';

/** How sessions are kept. */
export interface SessionOptions {
  secret: string;
  /** Send the cookie over HTTPS only (production). */
  secureCookie: boolean;
  /** Idle lifetime of a session in seconds. */
  ttlSeconds: number;
}

/**
 * express-session with sessions in MongoDB, stored as JSON text. FerretDB v1 has no TTL indexes: expired sessions are
 * removed by `startSessionSweep` (connect-mongo's own sweep is off: it writes with `w: 0`, see sessionSweep.ts).
 */
export function sessionMiddleware(options: SessionOptions): RequestHandler {
  const store = MongoStore.create({
    client: mongoose.connection.getClient(),
    collectionName: SESSIONS_COLLECTION,
    ttl: options.ttlSeconds,
    autoRemove: 'disabled',
    stringify: true,
    touchAfter: 60,
  });
  return session({
    name: SESSION_COOKIE,
    secret: options.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookie, maxAge: options.ttlSeconds * 1000, path: '/' },
  });
}

/** A new random CSRF token. */
export const newCsrfToken = () => randomBytes(24).toString('base64url');

const activeUser = async (username: string | undefined): Promise<UserDoc | null> => {
  if (!username) return null;
  const user = (await User.findById(username).lean()) as UserDoc | null;
  return user && user._id === username && !user.disabled ? user : null;
};

/** The username of a session, when the session was read back under the id it was created under. */
const sessionUsername = (req: Request): string | undefined =>
  req.session?.username && req.session.boundId === req.sessionID ? req.session.username : undefined;

/**
 * Sets `res.locals.user` (a Principal, or null): from `Authorization: Bearer <token>` when present (an invalid
 * token is a 401, never a fall-back to the cookie), else from the session. A disabled user is signed out.
 */
export const authenticate: RequestHandler = async (req, res, next) => {
  const authorization = req.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const username = match ? await usernameOfToken(match[1]) : null;
    const user = await activeUser(username ?? undefined);
    if (!user) throw new HttpProblem(401, 'invalid-token', 'Unauthorized', 'the bearer token is unknown, expired or revoked', {}, { 'WWW-Authenticate': 'Bearer' });
    res.locals.user = principalOf(user, 'token') satisfies Principal;
    return next();
  }
  const user = await activeUser(sessionUsername(req));
  if (!user && req.session?.username) await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
  res.locals.user = user ? principalOf(user, 'session') : null;
  next();
};

/** Whether the request's CSRF header matches its session's token (compared in constant time). */
export function csrfTokenValid(header: string | undefined, expected: string | undefined): boolean {
  if (!header || !expected) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
