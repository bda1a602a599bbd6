// Vite plugin: writes brotli (.br) and gzip (.gz) copies of the built assets, so the server sends them without compressing per request.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Files worth compressing: text formats of at least 1 KiB (images and fonts are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|wasm)$/;
const MIN_BYTES = 1024;

/** The brotli and gzip copies of one file's bytes at the highest levels (done once per build, not per request). */
export async function compressCopies(bytes: Buffer): Promise<{ br: Buffer; gz: Buffer }> {
  const [br, gz] = await Promise.all([
    brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    gzip(bytes, { level: 9 }),
  ]);
  return { br, gz };
}

/** After the bundle is written, adds `<file>.br` and `<file>.gz` beside each compressible file under assets/. */
export function precompress(): Plugin {
  return {
    name: 'sparrow-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? path.dirname(options.file ?? '');
      const files = Object.keys(bundle).filter((name) => name.startsWith('assets/') && COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(outDir, name);
          const bytes = await readFile(file);
          if (bytes.length < MIN_BYTES) return;
          const { br, gz } = await compressCopies(bytes);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}
