// request(): state-changing calls carry the session's CSRF token; a refused token is fetched once and the call retried.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request, setCsrfToken } from '../../../designer/src/api/request';

const TOKEN = 'token-of-the-session';
let server: Server;
let base: string;
let seen: Array<{ method: string; url: string; csrf: string | undefined }>;

function answer(req: IncomingMessage): { status: number; body: unknown } {
  if (req.url === '/api/auth/csrf') return { status: 200, body: { csrfToken: TOKEN } };
  if (req.method !== 'GET' && req.headers['x-csrf-token'] !== TOKEN) return { status: 403, body: { title: 'Forbidden', status: 403, code: 'csrf-token-invalid' } };
  if (req.url === '/denied') return { status: 403, body: { title: 'Forbidden', status: 403, code: 'forbidden' } };
  return { status: 200, body: { ok: true } };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', csrf: req.headers['x-csrf-token'] as string | undefined });
    req.resume();
    req.on('end', () => {
      const { status, body } = answer(req);
      res.writeHead(status, { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  seen = [];
  setCsrfToken(null);
});

afterAll(async () => {
  setCsrfToken(null);
  await new Promise((resolve) => server.close(resolve));
});

describe('request and CSRF', () => {
  it('should send the known token on a PUT and NOT on a GET', async () => {
    // given
    setCsrfToken(TOKEN);

    // when
    await request({ method: 'GET', url: `${base}/read` });
    const { error } = await request({ method: 'PUT', url: `${base}/write`, body: {} });

    // then
    expect(error).toBeNull();
    expect(seen).toEqual([
      { method: 'GET', url: '/read', csrf: undefined },
      { method: 'PUT', url: '/write', csrf: TOKEN },
    ]);
  });

  it('should fetch the token after a csrf-token-invalid refusal and retry once', async () => {
    // when
    const { response, error } = await request<{ ok: boolean }>({ method: 'POST', url: `${base}/write`, body: {} });

    // then
    expect(error).toBeNull();
    expect(response?.body).toEqual({ ok: true });
    expect(seen.map(({ method, url, csrf }) => `${method} ${url} ${csrf ?? '-'}`)).toEqual(['POST /write -', 'GET /api/auth/csrf -', `POST /write ${TOKEN}`]);
  });

  it('should NOT retry a 403 for another reason', async () => {
    // given
    setCsrfToken(TOKEN);

    // when
    const { error } = await request({ method: 'POST', url: `${base}/denied`, body: {} });

    // then
    expect(error?.code).toBe('forbidden');
    expect(seen).toHaveLength(1);
  });
});
