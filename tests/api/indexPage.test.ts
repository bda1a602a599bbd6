// index.html for a path: the build's route preloads for the page it opens, read again when a new build lands; a build
// whose preloads file is unreadable still serves its pages, without them, and says so in the log.
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import express from 'express';
import { ROUTE_PRELOADS_FILE } from '../../contracts/routePatterns.mts';
import { createLogger } from '../../platform/logger';
import { sendIndex } from '../../server/http/indexPage';

const INDEX = '<!doctype html><html><head><title>麻雀</title></head><body><div id="root"></div></body></html>';

describe('index page with route preloads', () => {
  let dir: string;
  let server: http.Server;
  let logged: string[];

  /** GET `url`: status and body. */
  const get = async (url: string) => {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${url}`);
    return { status: res.status, body: await res.text() };
  };
  /** Writes the build's preloads file with `text`, dated `at` (a new build's file is newer than the one before). */
  const writePreloads = (text: string, at: Date) => {
    const file = path.join(dir, ROUTE_PRELOADS_FILE);
    fs.writeFileSync(file, text);
    fs.utimesSync(file, at, at);
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-index-'));
    fs.mkdirSync(path.join(dir, '.vite'));
    fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
    logged = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (logged.push(String(chunk)), done()) });
    const app = express().get(/.*/, sendIndex(dir, createLogger('test', 'info', sink)));
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
  });
  afterEach(() => {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should name the files of the page the path opens, and the new ones once a new build lands', async () => {
    // given a build whose task page needs two scripts and a stylesheet
    writePreloads(JSON.stringify([{ pattern: '/tasks/:id', scripts: ['/assets/Task-1.js', '/assets/DueTag-1.js'], styles: ['/assets/Task-1.css'] }]), new Date(2026, 0, 1));

    // when a task's page and the task list are opened
    const task = await get('/tasks/T-1');
    const list = await get('/tasks');

    // then the task page names its files in the head, the task list nothing more than the built page
    expect(task.body).toContain('<link rel="modulepreload" fetchpriority="low" crossorigin href="/assets/Task-1.js"><link rel="modulepreload" fetchpriority="low" crossorigin href="/assets/DueTag-1.js"><link rel="preload" as="style" href="/assets/Task-1.css"></head>');
    expect(list.body).toBe(INDEX);

    // when a new build replaces the task page's chunk
    writePreloads(JSON.stringify([{ pattern: '/tasks/:id', scripts: ['/assets/Task-2.js'], styles: [] }]), new Date(2026, 0, 2));

    // then the next load names the new file, not the old
    const again = await get('/tasks/T-1');
    expect(again.body).toContain('href="/assets/Task-2.js"');
    expect(again.body).not.toContain('Task-1.js');
  });

  it.each([
    ['not JSON', '{"pattern": "/tasks/:id", '],
    ['not a list of routes', JSON.stringify({ pattern: '/tasks/:id', scripts: 'Task.js' })],
  ])('should send the page without preloads, and log the file once, when the preloads file is %s', async (_what, text) => {
    // given a build whose preloads file is broken
    writePreloads(text, new Date(2026, 0, 1));

    // when two pages are opened
    const first = await get('/tasks/T-1');
    const second = await get('/cases/C-1');

    // then both are the built page, and the log names the file once
    for (const res of [first, second]) expect(res).toEqual({ status: 200, body: INDEX });
    const errors = logged.filter((line) => line.includes('route preloads are unreadable'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(ROUTE_PRELOADS_FILE);
  });
});
