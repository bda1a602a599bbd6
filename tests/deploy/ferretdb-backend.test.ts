// Issue 15: setup builds FerretDB with its PostgreSQL handler, and the dev stack runs FerretDB on PostgreSQL when it can
// (its own cluster, started and stopped with the stack), on SQLite otherwise — saying why, and keeping an existing
// SQLite store until `npm run migrate:postgres`.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { freePort } from '../../scripts/lib/ferretdb';
import { FERRETDB_BIN, ROOT } from '../support/paths';

const run = promisify(execFile);
const PG_CLUSTER = path.join(ROOT, 'scripts/pg-cluster');
const postgresMissing = spawnSync('bash', [PG_CLUSTER, 'check', FERRETDB_BIN], { encoding: 'utf8' });
const itWithPostgres = postgresMissing.status === 0 ? it : it.skip;

describe('setup: FerretDB with its PostgreSQL handler', () => {
  const setup = fs.readFileSync(path.join(ROOT, 'scripts/setup'), 'utf8');

  it('should build both handlers into one binary, under a stamp that makes an SQLite-only build rebuild once', () => {
    // given the setup script
    // when reading how it builds FerretDB
    // then the build keeps the PostgreSQL handler and its stamp names that
    expect(setup).not.toMatch(/ferretdb_no_postgresql/);
    expect(setup).toMatch(/go build -o "\$TOOLS_BIN\/ferretdb\.new" \.\/cmd\/ferretdb/);
    expect(setup).toContain('ferret_stamp="$TOOLS_BIN/.ferretdb-$FERRETDB_VERSION-pg"');
    // and a ferretdb from PATH is taken only when it has the handler
    expect(setup).toMatch(/command -v ferretdb >\/dev\/null 2>&1 && ferretdb_has_postgresql/);
  });

  it('should have provisioned a FerretDB that lists --postgresql-url', () => {
    // given the provisioned binary
    // when asking for its flags
    const help = execFileSync(FERRETDB_BIN, ['--help'], { encoding: 'utf8' });
    // then the PostgreSQL handler is there
    expect(help).toContain('--postgresql-url');
  });

  it('should say how to fix a FerretDB built without the PostgreSQL handler', async () => {
    // given a FerretDB whose --help has no --postgresql-url (the build of an older setup)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-fake-ferretdb-'));
    const fake = path.join(dir, 'ferretdb');
    fs.writeFileSync(fake, "#!/bin/sh\necho \"  --handler=\\\"postgresql\\\" Backend handler: 'sqlite', 'mysql'\"\n", { mode: 0o755 });
    try {
      // when checking whether FerretDB can run on PostgreSQL
      const result = spawnSync('bash', [PG_CLUSTER, 'check', fake], { encoding: 'utf8' });
      // then it cannot, and the one line says why and what to run
      expect({ status: result.status, why: result.stdout.trim() }).toEqual({ status: 1, why: `FerretDB (${fake}) was built without its PostgreSQL handler; run 'npm run setup', which builds it with that handler` });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dev-stack: FerretDB on PostgreSQL by default', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  /** Runs `scripts/dev-stack <command>` on the test's data dir (no Temporal); resolves with its exit code and output. */
  async function devStack(command: string, extra: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
    try {
      const { stdout, stderr } = await run('bash', [path.join(ROOT, 'scripts/dev-stack'), command], { env: { ...env, ...extra }, timeout: 120_000 });
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
      return { code, out: stdout + stderr };
    }
  }

  /** The command lines of the processes that serve the test's data dir. */
  const serving = () =>
    execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(dataDir) && !line.startsWith('ps '));

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-devstack-'));
    const { SPARROW_FERRETDB_BACKEND: _forced, MONGODB_URI: _mongo, ...rest } = process.env;
    env = { ...rest, SPARROW_DATA_DIR: dataDir, TEMPORAL_ADDRESS: '127.0.0.1:1', FERRETDB_PORT: String(await freePort()), SPARROW_PG_PORT: String(await freePort()) };
  });
  afterEach(async () => {
    await devStack('stop');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  itWithPostgres('should start PostgreSQL in .data/postgres with FerretDB on it, and stop both', async () => {
    // given a data dir without a store
    // when starting the dev stack
    const started = await devStack('start');
    // then FerretDB runs on its own PostgreSQL cluster
    expect({ code: started.code, backend: /FerretDB's backend: postgresql/.test(started.out) }).toEqual({ code: 0, backend: true });
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    expect((await devStack('status')).out).toMatch(/postgres: running[\s\S]*ferretdb: running/);
    const client = await MongoClient.connect(`mongodb://127.0.0.1:${env.FERRETDB_PORT}/`);
    try {
      await client.db('sparrow').collection('probe').insertOne({ _id: 'one' } as never);
      expect(await client.db('sparrow').collection('probe').countDocuments()).toBe(1);
    } finally {
      await client.close();
    }
    // and when stopping it, nothing of it keeps running
    await devStack('stop');
    expect(serving()).toEqual([]);
    expect((await devStack('status')).out).toMatch(/postgres: stopped[\s\S]*ferretdb: stopped/);
  }, 180_000);

  itWithPostgres('should keep an existing SQLite store on SQLite and print the migration command', async () => {
    // given a store written on SQLite (forced)
    const forced = await devStack('start', { SPARROW_FERRETDB_BACKEND: 'sqlite' });
    expect(forced.out).toContain('FerretDB runs on SQLite');
    const client = await MongoClient.connect(`mongodb://127.0.0.1:${env.FERRETDB_PORT}/`);
    await client.db('sparrow').collection('probe').insertOne({ _id: 'kept' } as never);
    await client.close();
    await devStack('stop');
    // when starting with the default backend
    const started = await devStack('start');
    // then it stays on SQLite, saying how to move to PostgreSQL, and creates no cluster
    expect({ code: started.code, migrate: started.out.includes('npm run migrate:postgres'), backend: /FerretDB's backend: sqlite/.test(started.out) }).toEqual({ code: 0, migrate: true, backend: true });
    expect(fs.existsSync(path.join(dataDir, 'postgres'))).toBe(false);
  }, 180_000);

  it('should refuse an unknown backend', async () => {
    // given SPARROW_FERRETDB_BACKEND naming no backend
    // when starting
    const started = await devStack('start', { SPARROW_FERRETDB_BACKEND: 'mysql' });
    // then it stops with a clear error
    expect({ code: started.code, said: started.out.includes("SPARROW_FERRETDB_BACKEND must be 'sqlite' or 'postgresql', not 'mysql'") }).toEqual({ code: 1, said: true });
  }, 60_000);
});
