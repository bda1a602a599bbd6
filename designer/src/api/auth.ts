// Request builders and types for signing in and out and for the signed-in user.
import type { z } from 'zod';
import type { meView } from '../../../contracts/api/users';
import type { RequestBuilder } from './request';

/** The signed-in user as `GET /api/me` answers (roles, groups, streets, the session's CSRF token). */
export type Me = z.output<typeof meView>;

/** Body of `POST /api/auth/login`. */
export interface LoginInput {
  username: string;
  password: string;
}

/** Signs in with username and password; answers the user. */
export function login(input: LoginInput): RequestBuilder {
  return { method: 'POST', url: '/api/auth/login', body: input };
}

/** Ends the session. */
export function logout(): RequestBuilder {
  return { method: 'POST', url: '/api/auth/logout' };
}

/** The signed-in user; 401 when nobody is. */
export function getMe(): RequestBuilder {
  return { method: 'GET', url: '/api/me' };
}
