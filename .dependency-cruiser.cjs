// dependency-cruiser: reads Sparrow's imports for the layer picture (`npm run docs` -> docs/layers.md) and,
// run by hand (`npx depcruise --config .dependency-cruiser.cjs <dirs>`), reports import cycles.
// The layering itself is enforced by ESLint (eslint.config.js); both read scripts/layers.cjs.
'use strict';

const { LAYERS } = require('./scripts/layers.cjs');

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle (`import type` counts too): move the shared part into a module both sides import.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Production code only: the layers (tests/, scripts/, bench/ are not layers).
    includeOnly: `^(${LAYERS.map((layer) => escape(layer.dir)).join('|')})/`,
    doNotFollow: { path: 'node_modules' },
    // Keep `import type` edges (they are layer dependencies too), marked as type-only.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.json'] },
  },
};
