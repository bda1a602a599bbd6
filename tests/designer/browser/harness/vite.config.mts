// Builds the modeler harness (tests/designer/browser) into .data/modeler-harness (harnessServer.ts passes a directory
// of its own with --outDir), with the designer's preact dedupe.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The harness build: one page, base './' so it is served from any directory. */
export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  resolve: { dedupe: ['preact'] },
  build: {
    outDir: fileURLToPath(new URL('../../../../.data/modeler-harness', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    rolldownOptions: { checks: { moduleLevelDirective: false } },
  },
});
