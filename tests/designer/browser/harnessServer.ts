// Builds the modeler harness (vite, a few seconds) and serves it on 127.0.0.1 for the browser spec.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ROOT } from '../../support/paths';

/** One output directory per Jest worker: two browser specs running side by side must not empty each other's build. */
const OUT = path.join(ROOT, `.data/modeler-harness-${process.pid}`);
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Builds the harness and serves it; resolves to its base URL and a closer (which removes the build). */
export async function serveHarness(): Promise<{ baseURL: string; close: () => Promise<void> }> {
  execFileSync('npx', ['vite', 'build', '--config', 'tests/designer/browser/harness/vite.config.mts', '--outDir', OUT], { cwd: ROOT, stdio: 'inherit' });
  const server = http.createServer((request, response) => {
    const file = path.join(OUT, path.normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+$/, 'index.html'));
    if (!file.startsWith(OUT) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseURL: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve(fs.rmSync(OUT, { recursive: true, force: true })))) };
}
