// Sessions (express-session in MongoDB through connect-mongo), bearer tokens, and CSRF tokens for cookie sessions.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import MongoStore from 'connect-mongo';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import mongoose from 'mongoose';
import { HttpProblem } from '../http/problem';
import { credentialVersionOf, User, type UserDoc } from '../../store/models';
import { type Principal, principalOf } from './principal';
import { SESSIONS_COLLECTION } from './sessionSweep';
import { tokenHolder } from './tokens';

declare module 'express-session' {
  interface SessionData {
    username?: string;
    csrfToken?: string;
    /** The user's credential version at sign-in: the session ends once the version moves on (missing: 0). */
    credentialVersion?: number;
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

/** The user when `version` (of a session or token) is still the user's credential version. */
const sameVersion = (user: UserDoc | null, version: number | undefined) => (user && credentialVersionOf(user) === (version ?? 0) ? user : null);

/**
 * Sets `res.locals.user` (a Principal, or null): from `Authorization: Bearer <token>` when present (an invalid
 * token is a 401, never a fall-back to the cookie), else from the session. A disabled user is signed out, and so is
 * a session or token made under an older credential version (password reset, role or street change).
 */
export const authenticate: RequestHandler = async (req, res, next) => {
  const authorization = req.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const holder = match ? await tokenHolder(match[1]) : null;
    const user = sameVersion(await activeUser(holder?.username), holder?.credentialVersion);
    if (!user) throw new HttpProblem(401, 'invalid-token', 'Unauthorized', 'the bearer token is unknown, expired, revoked, or older than a change of its holder\'s password or roles', {}, { 'WWW-Authenticate': 'Bearer' });
    res.locals.user = principalOf(user, 'token') satisfies Principal;
    return next();
  }
  const user = sameVersion(await activeUser(sessionUsername(req)), req.session?.credentialVersion);
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
