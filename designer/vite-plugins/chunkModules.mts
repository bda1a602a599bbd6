// Vite plugin: writes .vite/modules.json beside the manifest, naming the modules each chunk holds (for page-weight checks).
import path from 'node:path';
import type { Plugin } from 'vite';

/** Where the chunk → modules map lands in the build output (not served: express ignores dot folders). */
export const CHUNK_MODULES_FILE = '.vite/modules.json';

/** Emits `{ [chunk file]: module paths relative to `repoRoot` }`, so a check can tell which libraries a page's chunks carry. */
export function chunkModules(repoRoot: string): Plugin {
  return {
    name: 'sparrow-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const map: Record<string, string[]> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        map[output.fileName] = output.moduleIds.map((id) => path.relative(repoRoot, id.replace(/^\0/, '')).split(path.sep).join('/'));
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_MODULES_FILE, source: JSON.stringify(map) });
    },
  };
}
