// The HTTP connector (job type sparrow.http, activities/jobs/http.ts) against a local HTTP server: what it sends and
// answers, and what it refuses — hosts not allowed (deny by default), loopback and private addresses unless allowed,
// a name that resolves to loopback when connecting (DNS rebinding), redirects, oversized answers, timeouts, 4xx/5xx.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { createHttpJob, HTTP_REFUSED, type HttpConnectorSettingsInput } from '../../activities/jobs/http';
import { MAX_RESPONSE_BYTES } from '../../activities/jobs/httpRequest';
import type { JobInput } from '../../contracts/activities';

type Answer = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;

describe('job type sparrow.http', () => {
  let server: http.Server;
  let port: number;
  /** What the server answers next (set per test); every request it got, with its body. */
  let answer: Answer;
  const received: Array<{ method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body });
        answer(req, body, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
    answer = (_req, _body, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });

  /** The handler with these settings (default: the local server allowed, host and loopback address). */
  const job = (settings: Partial<HttpConnectorSettingsInput> = {}, resolve?: NonNullable<Parameters<typeof createHttpJob>[0]>['resolve']) =>
    createHttpJob({ settings: async () => ({ hosts: [`127.0.0.1:${port}`], nonPublic: ['127.0.0.1'], ...settings }), resolve });
  /** A job input with these task headers and variables. */
  const input = (headers: Record<string, string>, variables: Record<string, unknown> = {}): JobInput => ({ jobKey: 'k', instanceId: 'case-1', elementId: 'Call', jobType: 'sparrow.http', headers, variables });
  /** The failure a run ends with. */
  const failureOf = async (run: Promise<unknown>) => {
    try {
      await run;
    } catch (error) {
      return error as Error;
    }
    throw new Error('the job did not fail');
  };
  const nonRetryable = (error: Error) => error instanceof ApplicationFailure && error.nonRetryable && error.type === HTTP_REFUSED;

  it('should send the request the task describes and set the answer as the result variable', async () => {
    // given a server answering JSON
    answer = (_req, _body, res) => res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'x-id': '7' }).end('{"permit":"XK-1","valid":true}');

    // when a task posts a body from its variable, with headers from its header
    const result = await job()(input({ url: `http://127.0.0.1:${port}/permits?x=1`, method: 'post', headers: '{"Accept":"application/json","X-Case":"C-7"}', resultVariable: 'permitCheck' }, { body: { no: 'XK-1' } }));

    // then the server got method, path, headers and JSON body, and the answer is the result variable
    expect(received).toEqual([expect.objectContaining({ method: 'POST', url: '/permits?x=1', body: '{"no":"XK-1"}' })]);
    expect(received[0].headers).toEqual(expect.objectContaining({ accept: 'application/json', 'x-case': 'C-7', 'content-type': 'application/json' }));
    expect(result).toEqual({ permitCheck: { status: 201, headers: expect.objectContaining({ 'x-id': '7' }), body: { permit: 'XK-1', valid: true } } });
  });

  it('should keep a body that is not JSON as text, under response by default', async () => {
    answer = (_req, _body, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('办结');
    const result = await job()(input({ url: `http://127.0.0.1:${port}/` }));
    expect(result).toEqual({ response: expect.objectContaining({ status: 200, body: '办结' }) });
  });

  it('should NOT call a host no admin allowed (deny by default), naming the host and the setting', async () => {
    // given no allowed host at all
    const error = await failureOf(job({ hosts: [] })(input({ url: `http://127.0.0.1:${port}/` })));

    // then nothing was sent and the failure is not retried
    expect(nonRetryable(error)).toBe(true);
    expect(error.message).toBe(`host 127.0.0.1:${port} is not among the HTTP connector's allowed hosts: an admin adds it to the setting hosts (PUT /api/admin/http-connector)`);
    expect(received).toEqual([]);
  });

  it('should NOT call a port of an allowed host that is not allowed', async () => {
    const error = await failureOf(job({ hosts: ['127.0.0.1'] })(input({ url: `http://127.0.0.1:${port}/` })));
    expect(nonRetryable(error)).toBe(true);
    expect(received).toEqual([]);
  });

  it('should NOT call loopback when only the host is allowed, not its non-public address', async () => {
    const error = await failureOf(job({ nonPublic: [] })(input({ url: `http://127.0.0.1:${port}/` })));
    expect(nonRetryable(error)).toBe(true);
    expect(error.message).toContain('127.0.0.1, a loopback address');
    expect(received).toEqual([]);
  });

  it('should NOT call a private or link-local (metadata) address, or loopback written as IPv4-mapped IPv6', async () => {
    const settings = { hosts: ['10.0.0.5', '169.254.169.254', '[::ffff:127.0.0.1]:*'], nonPublic: [] };
    const errors = await Promise.all(['http://10.0.0.5/', 'http://169.254.169.254/latest/meta-data/', `http://[::ffff:127.0.0.1]:${port}/`].map((url) => failureOf(job(settings)(input({ url })))));
    expect(errors.map((e) => [nonRetryable(e), /a (private|link-local|loopback) address/.exec(e.message)?.[1]])).toEqual([
      [true, 'private'],
      [true, 'link-local'],
      [true, 'loopback'],
    ]);
    expect(received).toEqual([]);
  });

  it('should NOT call localhost, a name that resolves to loopback', async () => {
    const error = await failureOf(job({ hosts: ['localhost:*'], nonPublic: [] })(input({ url: `http://localhost:${port}/` })));
    expect(nonRetryable(error)).toBe(true);
    expect(received).toEqual([]);
  });

  it('should refuse, when connecting, an allowed name that resolves to loopback (DNS rebinding)', async () => {
    // given an allowed public-looking name whose DNS answer, when the connection is made, is 127.0.0.1
    const lookups: string[] = [];
    const rebinding = (hostname: string, _options: unknown, callback: (error: null, addresses: Array<{ address: string; family: number }>) => void) => {
      lookups.push(hostname);
      callback(null, [{ address: '127.0.0.1', family: 4 }]);
    };
    const error = await failureOf(job({ hosts: ['permits.example.org:*'], nonPublic: [] }, rebinding)(input({ url: `http://permits.example.org:${port}/` })));

    // then the address was checked at connect time and refused, and nothing reached the server
    expect(lookups).toEqual(['permits.example.org']);
    expect(nonRetryable(error)).toBe(true);
    expect(error.message).toContain('permits.example.org resolves to 127.0.0.1, a loopback address');
    expect(received).toEqual([]);
  });

  it('should call an allowed name resolving to loopback when its address is allowed too', async () => {
    const resolve = (_h: string, _o: unknown, callback: (error: null, addresses: Array<{ address: string; family: number }>) => void) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
    const result = await job({ hosts: ['permits.example.org:*'], nonPublic: ['127.0.0.1'] }, resolve)(input({ url: `http://permits.example.org:${port}/x` }));
    expect(result).toEqual({ response: expect.objectContaining({ status: 200 }) });
    expect(received[0].headers.host).toBe(`permits.example.org:${port}`);
  });

  it('should NOT follow a redirect (to a denied host or any other)', async () => {
    answer = (_req, _body, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    const error = await failureOf(job()(input({ url: `http://127.0.0.1:${port}/go` })));
    expect(nonRetryable(error)).toBe(true);
    expect(error.message).toBe(`GET 127.0.0.1:${port} answered 302, a redirect to http://169.254.169.254/latest/meta-data/: the HTTP connector does not follow redirects`);
    expect(received.map((r) => r.url)).toEqual(['/go']);
  });

  it('should NOT read an answer larger than the limit', async () => {
    answer = (_req, _body, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(MAX_RESPONSE_BYTES + 1));
    const error = await failureOf(job()(input({ url: `http://127.0.0.1:${port}/big` })));
    expect(nonRetryable(error)).toBe(true);
    expect(error.message).toBe(`the answer of 127.0.0.1:${port} is larger than ${MAX_RESPONSE_BYTES} bytes, the HTTP connector's limit`);
  });

  it('should fail, to be retried, when the server does not answer within the timeout', async () => {
    answer = () => undefined; // never answers
    const error = await failureOf(job()(input({ url: `http://127.0.0.1:${port}/slow`, timeoutSeconds: '0.2' })));
    expect(error instanceof ApplicationFailure).toBe(false);
    expect(error.message).toBe(`GET 127.0.0.1:${port} did not answer within 0.2 s`);
  });

  it('should fail 5xx, 429 and 408 to be retried, and other 4xx at once, with the status in the message', async () => {
    const statuses = [503, 429, 404, 400];
    const errors = [];
    for (const status of statuses) {
      answer = (_req, _body, res) => res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":"nope"}');
      errors.push(await failureOf(job()(input({ url: `http://127.0.0.1:${port}/s` }))));
    }
    expect(errors.map((e) => [nonRetryable(e), e.message])).toEqual([
      [false, `GET 127.0.0.1:${port} answered 503: {"error":"nope"}`],
      [false, `GET 127.0.0.1:${port} answered 429: {"error":"nope"}`],
      [true, `GET 127.0.0.1:${port} answered 404: {"error":"nope"}`],
      [true, `GET 127.0.0.1:${port} answered 400: {"error":"nope"}`],
    ]);
  });

  it('should refuse bad settings, naming them', async () => {
    const url = `http://127.0.0.1:${port}/`;
    const errors = await Promise.all(
      [input({}), input({ url, method: 'TRACE' }), input({ url, headers: 'not json' }), input({ url, body: '{"a":1}' }), input({ url, timeoutSeconds: '600' }), input({ url, resultVariable: '__proto__' })].map((i) =>
        failureOf(job()(i)),
      ),
    );
    expect(errors.map((e) => [nonRetryable(e), e.message])).toEqual([
      [true, 'sparrow.http needs a url (header or variable)'],
      [true, 'sparrow.http: method "TRACE" is not one of GET, POST, PUT, PATCH, DELETE, HEAD'],
      [true, 'sparrow.http: headers must be JSON, e.g. {"Accept": "application/json"}'],
      [true, 'sparrow.http: a GET request has no body'],
      [true, 'sparrow.http: timeoutSeconds must be more than 0 and at most 60'],
      [true, 'sparrow.http: resultVariable "__proto__" is no variable name'],
    ]);
    expect(received).toEqual([]);
  });
});
