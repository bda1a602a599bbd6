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
].map((group, index, all) => ({ ...group, priority: all.length - index }));

/** The designer's Vite configuration (root designer/, served at /, `/api` proxied to the server in dev). */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
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
