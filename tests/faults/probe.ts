// Probes the API while a dependency is down: what each route answers, how fast, and whether a 503 is problem+json with Retry-After.
import { type ApiUser, send } from './api';

/** One probe answer. */
export interface ProbeAnswer {
  route: string;
  status: number;
  ms: number;
  problemJson: boolean;
  retryAfter: string | null;
  code?: string;
}

/** Asks /healthz and a few API routes once each (in parallel). */
export async function probeOnce(baseUrl: string, staff: ApiUser, timeoutMs = 30_000): Promise<ProbeAnswer[]> {
  const routes: Array<[string, () => ReturnType<typeof send>]> = [
    ['GET /healthz', () => send(`${baseUrl}/healthz`, { timeoutMs })],
    ['GET /api/me', () => staff.get('/api/me', timeoutMs)],
    ['GET /api/tasks', () => staff.get('/api/tasks?status=open&size=5', timeoutMs)],
    ['GET /api/instances', () => staff.get('/api/instances?size=5', timeoutMs)],
    ['POST /api/instances', () => staff.post('/api/instances', { definitionKey: 'fault-service', businessKey: `probe-${process.pid}-${Date.now()}` }, { timeoutMs })],
  ];
  return Promise.all(
    routes.map(async ([route, request]) => {
      const started = Date.now();
      const answer = await request();
      return {
        route,
        status: answer.status,
        ms: Date.now() - started,
        problemJson: (answer.headers.get('content-type') ?? '').startsWith('application/problem+json'),
        retryAfter: answer.headers.get('retry-after'),
        code: typeof answer.body === 'object' && answer.body ? answer.body.code : undefined,
      };
    }),
  );
}

/** Per route: statuses seen (with counts), the slowest answer, and whether every 503 was problem+json with Retry-After. */
export function summariseProbes(answers: ProbeAnswer[]): Record<string, { statuses: Record<string, number>; maxMs: number; every503Proper: boolean; codes: string[] }> {
  const out: Record<string, { statuses: Record<string, number>; maxMs: number; every503Proper: boolean; codes: string[] }> = {};
  for (const a of answers) {
    const r = (out[a.route] ??= { statuses: {}, maxMs: 0, every503Proper: true, codes: [] });
    r.statuses[a.status] = (r.statuses[a.status] ?? 0) + 1;
    r.maxMs = Math.max(r.maxMs, a.ms);
    if (a.status === 503 && (!a.problemJson || (a.route !== 'GET /healthz' && !a.retryAfter))) r.every503Proper = false;
    if (a.code && !r.codes.includes(a.code)) r.codes.push(a.code);
  }
  return out;
}
