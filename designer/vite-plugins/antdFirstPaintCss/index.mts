// Vite plugin: a static stylesheet of the antd components the task page and the shell show at first paint
// (extract.mts), so antd does not make their styles in the browser while the first page renders (on a phone that was
// about a quarter of the script time). index.html preloads it without blocking its header's paint; the app applies it
// before its first render (designer/src/firstPaintStyles.ts). Components not in it make their styles at runtime, as
// before.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const EXTRACTOR = fileURLToPath(new URL('./extract.mts', import.meta.url));

/** The attribute that marks the preload in index.html (firstPaintStyles.ts looks it up by it). */
const FIRST_PAINT_ATTRIBUTE = 'data-antd-first-paint';

/**
 * The stylesheet extract.mts prints, made in its own process by an antd of the build's NODE_ENV (production unless the
 * build runs under another, as under jest): a development antd names its styles apart, so both sides must agree.
 */
function extractStylesheet(): string {
  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
  return execFileSync(process.execPath, ['--import', 'tsx', EXTRACTOR], { env, maxBuffer: 16 * 1024 * 1024 }).toString();
}

/** Emits `assets/antd-first-paint-<hash>.css` and preloads it from index.html's head. */
export function antdFirstPaintCss(): Plugin {
  let css = '';
  let fileName = '';
  return {
    name: 'sparrow-antd-first-paint-css',
    apply: 'build',
    buildStart() {
      css = extractStylesheet();
      fileName = `assets/antd-first-paint-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: css });
    },
    transformIndexHtml() {
      return [{ tag: 'link', attrs: { rel: 'preload', as: 'style', href: `/${fileName}`, [FIRST_PAINT_ATTRIBUTE]: '' }, injectTo: 'head' }];
    },
  };
}
