// Issue 17 (phones): the built designer's hashed assets go out as their brotli or gzip copies with a year of immutable
// caching, index.html is revalidated, and the task list and the task page load no modeler, properties panel or form editor.
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { createApp } from '../../server/app';
import { createLogger } from '../../platform/logger';
import { editorModulesIn, entryKey, pageFiles, readBuild, staticClosure } from '../../scripts/lib/pageGraph';
import { ensureDesignerBuild } from '../e2e/support/designerBuild';
import { type ApiStack, startApiStack } from '../support/api';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

describe('designer assets: precompressed, cached, split by page (issue 17)', () => {
  let stack: ApiStack;
  let server: http.Server;
  let dist: string;
  let entryFile: string;

  /** GET `url` with `headers`, the body as sent (no client-side decompression). */
  const get = (url: string, headers: http.OutgoingHttpHeaders = {}) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      http
        .get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });

  beforeAll(async () => {
    dist = await ensureDesignerBuild();
    stack = await startApiStack();
    const app = createApp({ client: stack.client, connection: stack.env.connection, taskQueue: stack.taskQueue, log: createLogger('test', 'silent'), designerDir: dist });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { manifest } = readBuild(dist);
    entryFile = Object.values(manifest).find((chunk) => chunk.isEntry)!.file;
  });
  afterAll(async () => {
    server?.close();
    await stack?.stop();
  });

  it('should send a hashed script as its brotli copy, cached for a year, that decompresses to the built file', async () => {
    // when a browser that accepts brotli loads the entry script
    const res = await get(`/${entryFile}`, { 'Accept-Encoding': 'gzip, deflate, br' });

    // then it gets the brotli copy with the script's type, immutable caching and Vary, and the security headers still
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' });
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    const built = fs.readFileSync(path.join(dist, entryFile));
    expect(res.body.length).toBeLessThan(built.length / 2);
    expect(zlib.brotliDecompressSync(res.body).equals(built)).toBe(true);
  });

  it('should send the gzip copy to a browser without brotli, and the file itself to one that accepts no encoding', async () => {
    // when one browser accepts only gzip, another nothing (brotli refused with q=0)
    const gzipped = await get(`/${entryFile}`, { 'Accept-Encoding': 'gzip, br;q=0' });
    const plain = await get(`/${entryFile}`, { 'Accept-Encoding': 'identity' });

    // then the first gets gzip, the second the bytes as built, both cached for a year and varying by Accept-Encoding
    const built = fs.readFileSync(path.join(dist, entryFile));
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.body).equals(built)).toBe(true);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(built)).toBe(true);
    for (const res of [gzipped, plain]) {
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    }
  });

  it.each(['/', '/tasks/some-task', '/index.html'])('should send the page %s for revalidation on every load, with its CSP', async (url) => {
    // when the app's page is loaded
    const res = await get(url, { 'Accept-Encoding': 'br' });

    // then it is index.html, not cached without asking again, under the page policy
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain(entryFile);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('should fetch the app\'s scripts at low priority, so they do not rank with what the first paint waits for', async () => {
    // when the app's page is loaded
    const html = (await get('/tasks/some-task')).body.toString();

    // then its module script and every module preload ask for low priority
    const scripts = html.match(/<(script type="module"|link rel="modulepreload")[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toContain('fetchpriority="low"');
  });

  /** The scripts a page's HTML names (module script and module preloads), as paths in the build. */
  const scriptsNamed = (html: string) => [...html.matchAll(/<(?:script type="module"[^>]* src|link rel="modulepreload"[^>]* href)="\/([^"]+)"/g)].map((match) => match[1]);

  it('should name in index.html every script of the page the path opens, each once, and no other page\'s', async () => {
    // given what the task page and the task list load before they show (the entry's chunks and the page's own)
    const { manifest } = readBuild(dist);
    const scriptsOf = (page: string) => pageFiles(manifest, page).initial.filter((file) => file.endsWith('.js')).sort();

    // when a task's page and the task list are opened
    const taskPage = scriptsNamed((await get('/tasks/some-task')).body.toString());
    const taskList = scriptsNamed((await get('/tasks/')).body.toString());

    // then each page's HTML names exactly its scripts, without repeats, so the browser fetches them all at once
    expect([...taskPage].sort()).toEqual(scriptsOf('task page'));
    expect([...taskList].sort()).toEqual(scriptsOf('task list'));
    expect(taskPage).not.toContain(manifest['src/pages/TaskList/index.tsx'].file);
  });

  it('should name only the entry\'s scripts for /, whose page depends on who signs in, and for a path that is not valid percent-encoding', async () => {
    // given the entry's scripts
    const { manifest } = readBuild(dist);
    const entryScripts = [...staticClosure(manifest, [entryKey(manifest)])].map((key) => manifest[key].file);

    // when the home page and a task id that is no valid encoding are opened
    const home = await get('/');
    const badId = await get('/tasks/%E0%A4%A');

    // then both are the app's page with the entry's scripts alone
    for (const res of [home, badId]) {
      expect(res.status).toBe(200);
      expect(scriptsNamed(res.body.toString()).sort()).toEqual([...entryScripts].sort());
    }
  });

  it('should answer a reload of an unchanged page with 304 by its ETag', async () => {
    // given a task's page as first loaded
    const first = await get('/tasks/some-task');
    expect(first.headers.etag).toBeTruthy();

    // when the browser revalidates it
    const again = await get('/tasks/some-task', { 'If-None-Match': first.headers.etag! });

    // then nothing is sent again
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('should name an icon the server sends as an image, so a browser does not fetch /favicon.ico and get the app page', async () => {
    // when the app's page and the icon it names are loaded
    const html = (await get('/tasks/some-task')).body.toString();
    const icon = await get('/favicon.svg');

    // then the icon is an SVG image, revalidated like the other unhashed files
    expect(html).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\/favicon.svg"/);
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(icon.headers['cache-control']).toBe('no-cache');
    expect(icon.body.toString()).toMatch(/^<svg /);
  });

  it('should not serve the build manifest or files outside assets through the precompressed path', async () => {
    // when someone asks for the manifest or climbs out of /assets
    const manifest = await get('/.vite/manifest.json');
    const climbed = await get('/assets/..%2F.vite%2Fmodules.json', { 'Accept-Encoding': 'br' });

    // then neither answers with the build's files (the app page is all they get)
    for (const res of [manifest, climbed]) {
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.toString()).not.toMatch(/"isEntry"|node_modules/);
    }
  });

  it('should load no modeler, properties panel or form editor module on the task list and the task page', () => {
    // given the build's import graph and the modules of each chunk
    const { manifest, modules } = readBuild(dist);

    // then the task list and the task page (with what they load on demand) carry no editor module, while the modeler does
    for (const page of ['task list', 'task page']) {
      const { initial, onDemand } = pageFiles(manifest, page);
      expect(initial.length).toBeGreaterThan(0);
      expect({ page, editor: editorModulesIn(modules!, [...initial, ...onDemand]) }).toEqual({ page, editor: [] });
    }
    // (the modeler page fetches its workspace chunk while it reads the draft: on demand, at once)
    const modeler = pageFiles(manifest, 'modeler');
    expect(editorModulesIn(modules!, [...modeler.initial, ...modeler.onDemand]).length).toBeGreaterThan(100);
  });
});
