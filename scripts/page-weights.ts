// Page weight of the built designer: per page (login, task list, task page, start case, modeler) the JS and CSS bytes it
// loads, raw, gzip and brotli, from the build's manifest import graph; fails when the task list or the task page carries
// modeler, properties panel or form editor modules. Not part of npm test (it builds).
// Usage: npx tsx scripts/page-weights.ts [--dist DIR]   (without --dist: builds into a temporary directory)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { editorModulesIn, PAGES, pageFiles, readBuild } from './lib/pageGraph';

const ROOT = path.resolve(__dirname, '..');
const distArg = process.argv.indexOf('--dist');
let dist = distArg > 0 ? path.resolve(process.argv[distArg + 1]) : '';
const built = !dist;
if (built) {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-page-weights-'));
  execFileSync('npx', ['vite', 'build', '--config', 'designer/vite.config.mts', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}
const { manifest, modules, preloadedStyles } = readBuild(dist);
if (!modules) console.log('(no .vite/modules.json: the editor-module check is skipped)');

/** Raw, gzip (level 9) and brotli (quality 11) bytes of one built file. */
function weigh(file: string): [number, number, number] {
  const bytes = fs.readFileSync(path.join(dist, file));
  const br = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
  return [bytes.length, zlib.gzipSync(bytes, { level: 9 }).length, br.length];
}
const weights = new Map<string, [number, number, number]>();
const total = (files: string[]) =>
  files.reduce<[number, number, number]>((sum, file) => {
    if (!weights.has(file)) weights.set(file, weigh(file));
    const [raw, gz, br] = weights.get(file)!;
    return [sum[0] + raw, sum[1] + gz, sum[2] + br];
  }, [0, 0, 0]);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`.padStart(9);

console.log(`page weights of ${dist} (JS + CSS: raw / gzip / brotli)`);
let failed = false;
for (const page of Object.keys(PAGES)) {
  const { initial, onDemand } = pageFiles(manifest, page, preloadedStyles);
  const [raw, gz, br] = total(initial);
  const lazy = total(onDemand);
  const extra = onDemand.length ? `   + on demand ${kb(lazy[0])} / ${kb(lazy[1])} / ${kb(lazy[2])}` : '';
  console.log(`${page.padEnd(11)} ${String(initial.length).padStart(3)} files ${kb(raw)} / ${kb(gz)} / ${kb(br)}${extra}`);
  if (modules && (page === 'task list' || page === 'task page')) {
    const editor = editorModulesIn(modules, [...initial, ...onDemand]);
    if (editor.length) {
      failed = true;
      console.log(`  carries ${editor.length} editor modules, e.g. ${editor.slice(0, 3).join(', ')}`);
    }
  }
}
if (built) fs.rmSync(dist, { recursive: true, force: true });
if (failed) process.exitCode = 1;
