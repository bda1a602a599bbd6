// API test helpers: the demo users seeded into the test database, and signed-in supertest agents that send the CSRF token.
import type { Express } from 'express';
import request from 'supertest';
import { DEMO_PASSWORD, seedDemoData } from '../../server/seed';
import { startTestStack, type TestStack } from './stack';

type Test = request.Test;

/** A signed-in user: a cookie-keeping agent that adds X-CSRF-Token to state-changing requests. */
export interface ApiSession {
  username: string;
  csrfToken: string;
  get(url: string): Test;
  post(url: string, body?: object): Test;
  put(url: string, body?: object): Test;
  patch(url: string, body?: object): Test;
  delete(url: string): Test;
}

/** Signs `username` in through POST /api/auth/login (fails the test if that does not answer 200). */
export async function login(app: Express, username: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const csrfToken = res.body.csrfToken as string;
  const withBody = (test: Test, body?: object) => (body === undefined ? test : test.send(body));
  return {
    username,
    csrfToken,
    get: (url) => agent.get(url),
    post: (url, body) => withBody(agent.post(url).set('X-CSRF-Token', csrfToken), body),
    put: (url, body) => withBody(agent.put(url).set('X-CSRF-Token', csrfToken), body),
    patch: (url, body) => withBody(agent.patch(url).set('X-CSRF-Token', csrfToken), body),
    delete: (url) => agent.delete(url).set('X-CSRF-Token', csrfToken),
  };
}

/** A test stack with the demo org units and users, and signed-in sessions cached per user. */
export interface ApiStack extends TestStack {
  /** The session of a demo user (signed in on first use). */
  as(username: string): Promise<ApiSession>;
  /** Signs a demo user in anew and caches that session (after a change of its credentials ended the old one). */
  signInAgain(username: string): Promise<ApiSession>;
}

/** Starts a test stack and seeds the demo data (org units, one user per role and street). */
export async function startApiStack(options: Parameters<typeof startTestStack>[0] = {}): Promise<ApiStack> {
  const stack = await startTestStack(options);
  await seedDemoData();
  const sessions = new Map<string, Promise<ApiSession>>();
  return Object.assign(stack, {
    as(username: string) {
      let session = sessions.get(username);
      if (!session) {
        session = login(stack.app, username);
        sessions.set(username, session);
      }
      return session;
    },
    signInAgain(username: string) {
      const session = login(stack.app, username);
      sessions.set(username, session);
      return session;
    },
  });
}

/** The path of a task or case id in a URL. */
export const enc = encodeURIComponent;
