// Vite build of the Sparrow web app: React via Oxc's automatic JSX runtime, output in designer/dist.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The express server the dev server proxies `/api` to; PORT is the server's own port variable. */
const apiTarget = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

/** Vendor chunks, so app code and each large library cache apart; earlier groups capture first (a group takes its dependencies along). */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
  { name: 'antd-rc', test: /node_modules[\\/](@rc-component|dayjs)[\\/]/ },
  { name: 'antd-style', test: /node_modules[\\/]@ant-design[\\/]/ },
  { name: 'antd', test: /node_modules[\\/]antd[\\/]/ },
  // The task page loads only the viewer; the form editor page adds the editor (which imports the viewer) on top.
  { name: 'form-js-viewer', test: /node_modules[\\/]@bpmn-io[\\/]form-js-viewer[\\/]/ },
  { name: 'form-js-editor', test: /node_modules[\\/]@bpmn-io[\\/]form-js(-editor)?[\\/]/ },
  { name: 'codemirror', test: /node_modules[\\/](@codemirror|@lezer|@bpmn-io[\\/](feel-editor|feelers-editor|lang-feel|feel-lint|cm-theme))[\\/]/ },
  { name: 'properties-panel', test: /node_modules[\\/](@bpmn-io[\\/](properties-panel|element-template|extract-process)|bpmn-js-properties-panel|bpmn-js-element-templates|camunda-bpmn-js-behaviors)/ },
  { name: 'bpmn-js', test: /node_modules[\\/](bpmn-js|diagram-js|bpmn-moddle|moddle|moddle-xml|saxen|didi|min-dom|min-dash|tiny-svg|path-intersection|diagram-js-direct-editing|object-refs|ids|hammerjs)[\\/]/ },
].map((group, index, all) => ({ ...group, priority: all.length - index }));

/** The designer's Vite configuration (root designer/, served at /, `/api` proxied to the server in dev). */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // form-js-editor pins an older preact than form-js-viewer; two copies break its hooks ("reading 'context'"), so one is used.
  resolve: { dedupe: ['preact'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // bpmn-js, its properties panel and form-js are large by nature; each is its own cached chunk loaded by the page that needs it.
    chunkSizeWarningLimit: 1400,
    rolldownOptions: {
      // antd marks its modules "use client" (for React Server Components); irrelevant in a client-only bundle.
      checks: { moduleLevelDirective: false },
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': apiTarget },
  },
});
