// Issue 10 defect 12: security headers on every answer (a CSP that bpmn-js and form-js work under, nosniff, no framing,
// Referrer-Policy), and only Sparrow's own Swagger UI page, with no inline script, under /api/docs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app';
import { createLogger } from '../../platform/logger';
import { type ApiStack, startApiStack } from '../support/api';

/** The policy of a response as a directive -> sources map. */
function policy(header: string | undefined): Record<string, string[]> {
  return Object.fromEntries((header ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)]));
}

describe('security headers (defect 12)', () => {
  let stack: ApiStack;
  let app: Express;
  let designerDir: string;
  beforeAll(async () => {
    stack = await startApiStack();
    designerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-designer-'));
    fs.writeFileSync(path.join(designerDir, 'index.html'), '<!doctype html><title>Sparrow</title><script type="module" src="/assets/index.js"></script>');
    app = createApp({ client: stack.client, connection: stack.env.connection, taskQueue: stack.taskQueue, log: createLogger('test', 'silent'), designerDir });
  });
  afterAll(async () => {
    fs.rmSync(designerDir, { recursive: true, force: true });
    await stack?.stop();
  });

  it.each(['/', '/tasks/some-task', '/api/docs'])('should send the page %s with a CSP that allows only own scripts and the styles and images bpmn-js and form-js need', async (url) => {
    // when a page is loaded
    const res = await request(app).get(url).expect(200);

    // then scripts come from this origin only (no inline script, no eval), styles may be inline, images data:/blob:, and nothing may frame it
    const csp = policy(res.headers['content-security-policy']);
    expect(csp).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
  });

  it.each([
    ['GET', '/api/me'],
    ['GET', '/api/openapi.json'],
    ['POST', '/api/auth/login'],
    ['GET', '/healthz'],
  ])('should send nosniff, no framing and Referrer-Policy with %s %s', async (method, url) => {
    // when calling the API
    const res = method === 'GET' ? await request(app).get(url) : await request(app).post(url).send({});

    // then the answer carries the headers whatever its status
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
    expect(policy(res.headers['content-security-policy'])['frame-ancestors']).toEqual(["'none'"]);
  });

  it('should serve Sparrow\'s own Swagger UI page whose scripts and styles all load from allowed files', async () => {
    // when the docs page is loaded
    const page = await request(app).get('/api/docs').expect(200);

    // then it has no inline script, points Swagger UI at Sparrow's document, and each asset it names is served
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/api\/docs\/[\w.-]+\.js"/);
      expect(body.trim()).toBe('');
    }
    expect(page.text).not.toMatch(/\son\w+=/i);
    const assets = [...page.text.matchAll(/(?:src|href)="(\/api\/docs\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/init.js']));
    for (const asset of assets) {
      const res = await request(app).get(asset).expect(200);
      expect(res.headers['content-type']).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^(application|text)\/javascript/);
    }
    const init = await request(app).get('/api/docs/init.js').expect(200);
    expect(init.text).toContain("url: '/api/openapi.json'");
  });

  it.each(['/api/docs/index.html', '/api/docs/swagger-initializer.js', '/api/docs/oauth2-redirect.html', '/api/docs/package.json', '/api/docs/swagger-ui.js.map'])(
    'should not serve the stock swagger-ui-dist file %s (petstore page and other leftovers)',
    async (url) => {
      // when asking for a stock file of the package
      const res = await request(app).get(url);

      // then it is not there, and nothing served mentions the petstore
      expect(res.status).toBe(404);
      expect(res.text).not.toMatch(/petstore/i);
    },
  );
});
