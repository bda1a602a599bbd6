// The built designer for browser tests: built once when designer/dist is missing or older than its sources (the rule
// scripts/setup uses), with a lock directory so parallel test files do not build over each other; a journey serves its
// own copy of the build, since another run's setup rebuilds designer/dist (new hashed names) whenever sources change.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../support/paths';

/** Where the designer is built. */
export const DESIGNER_DIST = path.join(ROOT, 'designer/dist');
const STAMP = path.join(DESIGNER_DIST, 'index.html');
const SOURCES = ['designer/src', 'designer/public', 'designer/index.html', 'designer/vite.config.mts', 'designer/vite-plugins', 'contracts', 'processes', 'package-lock.json'].map((p) => path.join(ROOT, p));
const LOCK = path.join(ROOT, '.data', 'designer-build.lock');
const LOCK_WAIT_MS = 5 * 60_000;

function newestMtime(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

/** Whether designer/dist is missing or older than a source file. */
export function designerBuildIsStale(): boolean {
  const built = fs.statSync(STAMP, { throwIfNoEntry: false });
  return !built || SOURCES.some((source) => newestMtime(source) > built.mtimeMs);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the designer unless an up-to-date build exists; returns its directory. */
export async function ensureDesignerBuild(): Promise<string> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  while (designerBuildIsStale()) {
    fs.mkdirSync(path.dirname(LOCK), { recursive: true });
    try {
      fs.mkdirSync(LOCK);
    } catch {
      // Another test file is building: wait for it, then look again.
      if (Date.now() > deadline) throw new Error(`${LOCK} has been held for ${LOCK_WAIT_MS / 1000} s; remove it if no build runs`);
      await sleep(500);
      continue;
    }
    try {
      // a production build, as scripts/setup makes: under jest NODE_ENV is "test", which would give React's development
      // build, and `npm start` serves whatever build is newer than the sources
      const env = { ...process.env, NODE_ENV: 'production' };
      execFileSync('npx', ['vite', 'build', '--config', 'designer/vite.config.mts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env });
    } finally {
      fs.rmdirSync(LOCK);
    }
    break;
  }
  return DESIGNER_DIST;
}

/** Whether `dir` holds a whole build: index.html and every file the build manifest names. */
function isWholeBuild(dir: string): boolean {
  const manifestFile = path.join(dir, '.vite', 'manifest.json');
  if (!fs.existsSync(path.join(dir, 'index.html')) || !fs.existsSync(manifestFile)) return false;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, { file: string; css?: string[] }>;
  return Object.values(manifest).every((chunk) => [chunk.file, ...(chunk.css ?? [])].every((file) => fs.existsSync(path.join(dir, file))));
}

/**
 * Builds the designer unless an up-to-date build exists and copies it to a temporary directory of this process (removed
 * by `dispose`), so the pages of a journey keep loading their chunks while another run rebuilds designer/dist.
 */
export async function snapshotDesignerBuild(): Promise<{ dir: string; dispose: () => void }> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const dist = await ensureDesignerBuild();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-designer-'));
    fs.cpSync(dist, dir, { recursive: true });
    const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
    if (isWholeBuild(dir)) return { dir, dispose };
    // Copied while scripts/setup was rebuilding designer/dist: wait for it to finish and copy again.
    dispose();
    if (Date.now() > deadline) throw new Error(`${DESIGNER_DIST} was not a whole build for ${LOCK_WAIT_MS / 1000} s`);
    await sleep(1000);
  }
}
