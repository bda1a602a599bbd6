// Issue 10 defect 8: request logs must not carry credentials (Cookie, Authorization, X-CSRF-Token, Set-Cookie).
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../server/app';
import { createLogger } from '../../platform/logger';
import { DEMO_PASSWORD } from '../../server/seed';
import { type ApiStack, startApiStack } from '../support/api';

/** A log destination that keeps every line written to it. */
function captureLines(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

describe('request logs (defect 8)', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should log requests and responses without cookies, bearer tokens, CSRF tokens or Set-Cookie', async () => {
    // given an app whose request log is captured
    const { stream, lines } = captureLines();
    const log = createLogger('server', 'info', stream);
    const app = createApp({ client: stack.client, connection: stack.env.connection, taskQueue: stack.taskQueue, log, designerDir: '/nonexistent' });

    // when a user signs in (Set-Cookie), uses the session with its CSRF token (Cookie, X-CSRF-Token) and a bearer token (Authorization)
    const agent = request.agent(app);
    const login = await agent.post('/api/auth/login').send({ username: 'bajiao-staff', password: DEMO_PASSWORD }).expect(200);
    const sessionCookie = String(login.headers['set-cookie']).split(';')[0];
    const csrfToken = login.body.csrfToken as string;
    const created = await agent.post('/api/me/tokens').set('X-CSRF-Token', csrfToken).send({ name: 'log test' }).expect(201);
    const bearer = created.body.token as string;
    await request(app).get('/api/me').set('Authorization', `Bearer ${bearer}`).expect(200);
    await request(app).get('/api/me').set('Proxy-Authorization', `Basic ${Buffer.from('u:proxy-secret').toString('base64')}`).expect(401);

    // then every request was logged with its headers, but no secret appears in any line
    const requestLines = lines.map((line) => JSON.parse(line) as { req?: { url?: string; headers?: Record<string, string> }; res?: { headers?: Record<string, unknown> } }).filter((entry) => entry.req);
    expect(requestLines.map((entry) => entry.req?.url)).toEqual(['/api/auth/login', '/api/me/tokens', '/api/me', '/api/me']);
    const secrets = [sessionCookie, sessionCookie.split('=')[1], decodeURIComponent(sessionCookie.split('=')[1]), csrfToken, bearer, 'cHJveHktc2VjcmV0'];
    for (const line of lines) for (const secret of secrets) expect({ line, leaks: line.includes(secret) }).toEqual({ line, leaks: false });
    // and the redacted headers are still visible as present, so logs show that credentials were sent
    expect(requestLines[0].res?.headers?.['set-cookie']).toBe('[redacted]');
    expect(requestLines[1].req?.headers).toMatchObject({ cookie: '[redacted]', 'x-csrf-token': '[redacted]' });
    expect(requestLines[2].req?.headers).toMatchObject({ authorization: '[redacted]' });
    expect(requestLines[3].req?.headers).toMatchObject({ 'proxy-authorization': '[redacted]' });
  });
});
