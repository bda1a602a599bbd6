// Builds a Go program of the repository (e.g. examples/go-job-worker) into .tools/, once per content of its module.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths';

const run = promisify(execFile);

/** How long a cold build (module downloads included) may take. */
export const GO_BUILD_TIMEOUT_MS = 25 * 60_000;

/** A hash of the module's go.mod, go.sum and Go sources: the build is redone only when one of them changes. */
function moduleHash(dir: string): string {
  const hash = createHash('sha256');
  const files = fs.readdirSync(dir).filter((name) => name === 'go.mod' || name === 'go.sum' || name.endsWith('.go')).sort();
  for (const name of files) hash.update(name).update('\0').update(fs.readFileSync(path.join(dir, name))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the Go module in `moduleDir` (relative to the repository root) with `go build` into
 * `.tools/go/<name>-<hash>/<name>` unless that binary exists; answers its path. Needs `go` on PATH.
 */
export async function buildGoProgram(moduleDir: string): Promise<string> {
  const dir = path.join(ROOT, moduleDir);
  const name = path.basename(dir);
  const binary = path.join(ROOT, '.tools/go', `${name}-${moduleHash(dir)}`, name);
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  try {
    await run('go', ['build', '-o', partial, '.'], { cwd: dir, timeout: GO_BUILD_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: string };
    if (code === 'ENOENT') throw new Error(`building ${moduleDir} needs Go on PATH (https://go.dev/dl/)`);
    throw new Error(`go build of ${moduleDir} failed: ${stderr ?? String(error)}`);
  }
  fs.renameSync(partial, binary); // atomic: a concurrent build of the same content writes the same binary
  return binary;
}
