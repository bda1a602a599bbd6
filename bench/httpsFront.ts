// Caddy in front of a benchmark's server, as docker-compose puts it in front of Sparrow's (docker/caddy/Caddyfile, the
// same file): HTTPS with Caddy's own CA and HTTP/2, on free loopback ports, its certificates in a temporary folder.
// The binary comes from PATH or is built once from the pinned Go module (scripts/setup --with-caddy).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../scripts/lib/ferretdb';

const ROOT = path.resolve(__dirname, '..');
const CADDYFILE = path.join(ROOT, 'docker', 'caddy', 'Caddyfile');

/** A running front door: its https base URL, and how to stop it. */
export interface HttpsFront {
  baseURL: string;
  stop(): Promise<void>;
}

/** The status of GET `url` over TLS without checking the certificate (Caddy's own CA), or undefined when it fails. */
function statusOf(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = https.get(url, { rejectUnauthorized: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    request.on('error', () => resolve(undefined));
    request.on('timeout', () => request.destroy());
  });
}

/** Waits until `url` answers below 500 over TLS, or throws after `ms`, naming what Caddy printed. */
async function untilServing(url: string, caddy: ChildProcess, output: string[], ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (caddy.exitCode !== null) throw new Error(`caddy exited with ${caddy.exitCode}: ${output.join('').slice(-2_000)}`);
    const status = await statusOf(url);
    if (status !== undefined && status < 500) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`caddy did not serve ${url} within ${ms} ms: ${output.join('').slice(-2_000)}`);
}

/** Starts Caddy with docker/caddy/Caddyfile in front of `upstreamURL` (http://host:port); resolves once it serves HTTPS. */
export async function startHttpsFront(upstreamURL: string): Promise<HttpsFront> {
  execFileSync('bash', [path.join(ROOT, 'scripts', 'setup'), '--no-designer', '--with-caddy'], { cwd: ROOT, stdio: 'inherit' });
  const upstream = new URL(upstreamURL);
  const [httpsPort, httpPort, healthPort] = [await freePort(), await freePort(), await freePort()];
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-caddy-'));
  const caddy = spawn(path.join(ROOT, '.tools', 'bin', 'caddy'), ['run', '--config', CADDYFILE, '--adapter', 'caddyfile'], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_CONFIG_HOME: path.join(home, 'config'),
      SPARROW_SITE_ADDRESS: `localhost:${httpsPort}`,
      SPARROW_TLS: 'internal',
      SPARROW_UPSTREAM: upstream.host,
      SPARROW_HTTP_PORT: String(httpPort),
      SPARROW_HTTPS_PORT: String(httpsPort),
      SPARROW_HEALTH_PORT: String(healthPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  caddy.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  caddy.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseURL = `https://localhost:${httpsPort}`;
  const stop = async (): Promise<void> => {
    if (caddy.exitCode === null) {
      const exited = new Promise((resolve) => caddy.once('exit', resolve));
      caddy.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(home, { recursive: true, force: true });
  };
  try {
    await untilServing(`${baseURL}/healthz`, caddy, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, stop };
}
