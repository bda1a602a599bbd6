// Vite build of the Sparrow web app: React via Oxc's automatic JSX runtime, output in designer/dist.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { antdFirstPaintCss } from './vite-plugins/antdFirstPaintCss/index.mts';
import { chunkModules } from './vite-plugins/chunkModules.mts';
import { precompress } from './vite-plugins/precompress.mts';
import { routePreloads } from './vite-plugins/routePreloads.mts';
import { scriptsAfterPaint } from './vite-plugins/scriptsAfterPaint.mts';

const root = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The express server the dev server proxies `/api` to; PORT is the server's own port variable. */
const apiTarget = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

/**
 * Vendor chunks of the libraries every page loads, so app code and each library cache apart; earlier groups capture first
 * (a group takes its dependencies along). antd's groups split by the pages that use each module (entriesAware), so the
 * sign-in page and the task list do not load the components only editors use. bpmn-js, its properties panel, form-js
 * and codemirror have no group: a group would take the viewer's modules along with the modeler's; the automatic
 * chunking gives the task page the viewer and form-js-viewer alone, the modeler page the rest.
 */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
  { name: 'antd-rc', test: /node_modules[\\/](@rc-component|dayjs)[\\/]/, entriesAware: true, entriesAwareMergeThreshold: 20_000 },
  { name: 'antd-style', test: /node_modules[\\/]@ant-design[\\/]/, entriesAware: true, entriesAwareMergeThreshold: 20_000 },
  { name: 'antd', test: /node_modules[\\/]antd[\\/]/, entriesAware: true, entriesAwareMergeThreshold: 20_000 },
].map((group, index, all) => ({ ...group, priority: all.length - index }));

/** The designer's Vite configuration (root designer/, served at /, `/api` proxied to the server in dev). */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // The antd styles of the first paint as a preloaded stylesheet, the app's scripts at low priority (the header paints
  // without them), the chunk → modules map beside the manifest (for scripts/page-weights.ts and its test), each route's
  // page files (for the server's index.html), and .br/.gz copies of the assets.
  plugins: [antdFirstPaintCss(), scriptsAfterPaint(), chunkModules(repoRoot), routePreloads(`${root}src/routing/routes.ts`), precompress()],
  // form-js-editor pins an older preact than form-js-viewer; two copies break its hooks ("reading 'context'"), so one is used.
  resolve: { dedupe: ['preact'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // The modeler page's own chunk holds bpmn-js's modeler, its properties panel and lint (~1.7 MB raw); only that page loads it.
    chunkSizeWarningLimit: 1800,
    rolldownOptions: {
      // antd marks its modules "use client" (for React Server Components); irrelevant in a client-only bundle.
      checks: { moduleLevelDirective: false },
      // entriesAware chunks are named after the pages that share them (antd~index~index…): the library name is enough.
      output: { codeSplitting: { groups: vendorGroups }, chunkFileNames: (chunk) => `assets/${chunk.name.split('~')[0]}-[hash].js` },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': apiTarget },
  },
});
