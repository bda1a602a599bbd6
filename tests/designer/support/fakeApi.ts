// The API server as component tests see it: `fetch` answers from a route table and every call is recorded.
import type { Me } from '../../../designer/src/api/auth';
import type { Task } from '../../../designer/src/api/tasks';

/** One request the page sent. */
export interface ApiCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
  /** The status it was answered with. */
  status: number;
}

/** What a route answers: a status (200 by default) and a JSON body, once `held` (if given) settles. */
export interface Answer {
  status?: number;
  body?: unknown;
  held?: Promise<unknown>;
}

/** A fixed answer, or one computed from the call. */
export type Handler = Answer | ((call: ApiCall) => Answer);

/** The installed fake: its calls, and a way to change a route's answer mid-test. */
export interface FakeApi {
  calls: ApiCall[];
  /** Calls of `METHOD /path` (query ignored). */
  callsTo(route: string): ApiCall[];
  /** Replaces or adds the answer of `METHOD /path`. */
  answer(route: string, handler: Handler): void;
}

/** A problem+json answer with its `code` (and any extra members such as `errors`). */
export function problem(status: number, code: string, extra: Record<string, unknown> = {}): Answer {
  return { status, body: { type: 'about:blank', title: code, status, code, ...extra } };
}

/** Replaces `fetch` until `restoreFetch()`; a route missing from `routes` answers 404 `not-found`. */
export function installFakeApi(routes: Record<string, Handler>): FakeApi {
  const table = new Map(Object.entries(routes));
  const calls: ApiCall[] = [];
  const fake = async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://sparrow.test');
    const method = init.method ?? 'GET';
    const call: ApiCall = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
      status: 0,
    };
    const handler = table.get(`${method} ${url.pathname}`);
    const answer = handler === undefined ? problem(404, 'not-found') : typeof handler === 'function' ? handler(call) : handler;
    call.status = answer.status ?? 200;
    calls.push(call);
    await answer.held;
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    const contentType = call.status >= 400 ? 'application/problem+json' : 'application/json';
    return {
      ok: call.status < 400,
      status: call.status,
      statusText: '',
      headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? contentType : null) },
      text: async () => text,
      json: async () => JSON.parse(text),
    };
  };
  (globalThis as { fetch: unknown }).fetch = fake;
  return {
    calls,
    callsTo: (route) => calls.filter((call) => `${call.method} ${call.path}` === route),
    answer: (route, handler) => void table.set(route, handler),
  };
}

/** Removes the fake `fetch`. */
export function restoreFetch(): void {
  delete (globalThis as { fetch?: unknown }).fetch;
}

/** A demo user of `role` in street bajiao (groups as the seed gives them). */
export function demoUser(role: Me['roles'][number], overrides: Partial<Me> = {}): Me {
  return { username: `bajiao-${role}`, displayName: `测试${role}`, roles: [role], groups: [role], orgUnits: ['bajiao'], streets: ['bajiao'], jobTypes: [], via: 'session', csrfToken: 'csrf-1', ...overrides };
}

/** A task row as `GET /api/tasks` lists it. */
export function taskRow(overrides: Partial<Task> = {}): Task {
  return {
    id: 'street-whistle:CASE-1/Inspect/t1',
    instanceId: 'street-whistle:CASE-1',
    definitionKey: 'street-whistle',
    definitionVersion: 1,
    businessKey: 'CASE-1',
    street: 'bajiao',
    elementId: 'Inspect',
    name: '现场核查',
    assignee: null,
    candidateGroups: ['enforcement'],
    candidateUsers: [],
    status: 'open',
    dueDate: null,
    followUpDate: null,
    dueProvisional: false,
    priority: 50,
    formKey: null,
    formId: null,
    createdAt: '2026-11-27T08:00:00.000Z',
    claimedAt: null,
    claimedBy: null,
    completedAt: null,
    completedBy: null,
    ...overrides,
  };
}

/** A page of items as the list endpoints answer. */
export const page = <T>(items: T[], total = items.length) => ({ body: { items, page: 1, size: 200, total } });
