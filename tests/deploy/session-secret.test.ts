// Issue 10 defect 17: in production the server refuses to start without its own SESSION_SECRET.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { DEV_SESSION_SECRET, loadConfig, sessionSecret } from '../../platform/config';

const ROOT = resolve(__dirname, '..', '..');
const OWN_SECRET = 'a-deployment-own-secret-0123456789';

/** Runs server/main.ts with only the given environment (plus PATH) and returns its exit status and output. */
function startServer(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    // Nothing listens on these ports: a server that got past its configuration would fail later, differently.
    env: { PATH: process.env.PATH ?? '', MONGODB_URI: 'mongodb://127.0.0.1:9/none', TEMPORAL_ADDRESS: '127.0.0.1:9', PORT: '9', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('session secret in production', () => {
  it.each([
    ['unset', {}],
    ['empty', { SESSION_SECRET: '' }],
    ['the development secret', { SESSION_SECRET: DEV_SESSION_SECRET }],
    ['too short', { SESSION_SECRET: 'short' }],
  ])('should refuse a configuration whose SESSION_SECRET is %s', (_what, env) => {
    // given a production environment with that secret
    // when the server reads its session secret
    const read = () => sessionSecret(loadConfig({ NODE_ENV: 'production', ...env }));
    // then start-up stops with a message naming the variable
    expect(read).toThrow(/invalid configuration: SESSION_SECRET/);
  });

  it('should accept a deployment-own secret in production and the development secret outside it', () => {
    // given a production environment with its own secret, and a development one without any
    // when reading the session secrets
    // then production uses its own, development the built-in one
    expect(sessionSecret(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: OWN_SECRET }))).toBe(OWN_SECRET);
    expect(sessionSecret(loadConfig({ NODE_ENV: 'development' }))).toBe(DEV_SESSION_SECRET);
  });

  it.each([
    ['without SESSION_SECRET', {}],
    ['with the development secret', { SESSION_SECRET: DEV_SESSION_SECRET }],
  ])('should make server/main.ts exit with status 1 in production %s, before connecting anywhere', (_what, env) => {
    // given the server entry point started with NODE_ENV=production
    // when it starts
    const { status, output } = startServer({ NODE_ENV: 'production', ...env });
    // then it exits 1 naming SESSION_SECRET, without having tried MongoDB or Temporal
    expect(status).toBe(1);
    expect(output).toMatch(/server failed to start/);
    expect(output).toMatch(/SESSION_SECRET/);
    expect(output).not.toMatch(/ECONNREFUSED|MongoServerSelectionError|server listening/);
  });
});
