// request(): successes, problem+json errors, non-problem errors, 401 handling and unreachable servers, against a real HTTP server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NETWORK_ERROR, UNEXPECTED_RESPONSE } from '../../../designer/src/api/problem';
import { request, setUnauthorizedHandler } from '../../../designer/src/api/request';

let server: Server;
let base: string;
let lastBody: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      lastBody = body;
      switch (req.url) {
        case '/ok':
          res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ key: 'p', version: 2 }));
          return;
        case '/empty':
          res.writeHead(204).end();
          return;
        case '/refused':
          res.writeHead(422, { 'content-type': 'application/problem+json' }).end(
            JSON.stringify({ type: 'about:blank', title: 'Diagram refused', status: 422, code: 'bpmn-invalid', detail: '1 problem', problems: [{ code: 'flow-invalid', message: 'm', elementId: 'Flow_1' }] }),
          );
          return;
        case '/login-needed':
          res.writeHead(401, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: 'Unauthorized', status: 401, code: 'unauthenticated' }));
          return;
        case '/uncoded':
          res.writeHead(409, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: 'Conflict', status: 409 }));
          return;
        case '/html-error':
          res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' }).end('<h1>oops</h1>');
          return;
        default:
          res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html>');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  setUnauthorizedHandler(null);
  await new Promise((resolve) => server.close(resolve));
});

describe('request', () => {
  it('should return the status and parsed body of a success, sending the body as JSON', async () => {
    // when
    const { response, error } = await request<{ key: string; version: number }>({ method: 'POST', url: `${base}/ok`, body: { xml: '<x/>' } });

    // then
    expect(error).toBeNull();
    expect(response).toEqual({ status: 201, body: { key: 'p', version: 2 } });
    expect(JSON.parse(lastBody)).toEqual({ xml: '<x/>' });
  });

  it('should return an undefined body for 204', async () => {
    // when
    const { response } = await request<undefined>({ method: 'POST', url: `${base}/empty` });

    // then
    expect(response).toEqual({ status: 204, body: undefined });
  });

  it('should turn a problem+json answer into a ProblemError that keeps code, title, detail, status and extensions', async () => {
    // when
    const { response, error } = await request({ method: 'POST', url: `${base}/refused`, body: {} });

    // then
    expect(response).toBeNull();
    expect(error).toMatchObject({ code: 'bpmn-invalid', title: 'Diagram refused', detail: '1 problem', status: 422 });
    expect(error?.body.problems).toEqual([{ code: 'flow-invalid', message: 'm', elementId: 'Flow_1' }]);
  });

  it('should call the unauthorized handler on 401 and still return the error', async () => {
    // given
    const handler = jest.fn();
    setUnauthorizedHandler(handler);

    // when
    const { error } = await request({ method: 'GET', url: `${base}/login-needed` });

    // then
    expect(handler).toHaveBeenCalledTimes(1);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('should NOT call the unauthorized handler for other errors', async () => {
    // given
    const handler = jest.fn();
    setUnauthorizedHandler(handler);

    // when
    await request({ method: 'POST', url: `${base}/refused`, body: {} });

    // then
    expect(handler).not.toHaveBeenCalled();
  });

  it('should name a problem the server sent without a code by its status', async () => {
    // when
    const { error } = await request({ method: 'GET', url: `${base}/uncoded` });

    // then
    expect(error).toMatchObject({ code: 'http-409', title: 'Conflict', status: 409 });
  });

  it('should report an error page that is not problem+json as an unexpected response with its status', async () => {
    // when
    const { error } = await request({ method: 'GET', url: `${base}/html-error` });

    // then
    expect(error).toMatchObject({ code: UNEXPECTED_RESPONSE, status: 502, title: 'Bad Gateway' });
  });

  it('should report a 200 that is not JSON (e.g. an SPA fallback page) as an unexpected response', async () => {
    // when
    const { response, error } = await request({ method: 'GET', url: `${base}/api/unknown` });

    // then
    expect(response).toBeNull();
    expect(error).toMatchObject({ code: UNEXPECTED_RESPONSE, status: 200 });
  });

  it('should report an unreachable server as a network error with status 0', async () => {
    // given
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    // when
    const { error } = await request({ method: 'GET', url: `http://127.0.0.1:${port}/` });

    // then
    expect(error).toMatchObject({ code: NETWORK_ERROR, status: 0 });
  });
});
