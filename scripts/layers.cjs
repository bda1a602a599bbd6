// Sparrow's layers, bottom to top, and what each may import: the one source of the layering that
// eslint.config.js enforces (boundaries/dependencies) and .dependency-cruiser.cjs draws (npm run docs).
// tests/, scripts/ and bench/ are not layers: they may import anything, and no layer may import them.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/**
 * Each layer: its directory and the layers it may import. An entry is a layer name, or
 * `{ layer, file }` (only that file of the layer).
 * A layer may always import its own files.
 */
const LAYERS = [
  { name: 'contracts', dir: 'contracts', may: [] },
  { name: 'engine', dir: 'engine', may: ['contracts'] },
  { name: 'workflows', dir: 'workflows', may: ['engine', 'contracts'] },
  { name: 'platform', dir: 'platform', may: ['contracts'] },
  { name: 'store', dir: 'store', may: ['platform', 'contracts'] },
  { name: 'audit', dir: 'audit', may: ['workflows', 'engine', 'store', 'platform', 'contracts'] },
  { name: 'activities', dir: 'activities', may: ['audit', 'engine', 'store', 'platform', 'contracts'] },
  { name: 'worker', dir: 'worker', may: ['activities', 'workflows', 'audit', 'store', 'platform', 'contracts'] },
  {
    name: 'server',
    dir: 'server',
    // Of workflows/, only the Update/Query/search-attribute definitions.
    may: ['audit', { layer: 'workflows', file: 'definitions.ts' }, 'engine', 'store', 'platform', 'contracts'],
  },
  {
    name: 'designer',
    dir: 'designer/src',
    // Browser code: it speaks to the server only through contracts/.
    may: ['contracts'],
  },
];

/** Directories that are not layers: they may import anything, and nothing in a layer may import them. */
const FREE_DIRS = ['tests', 'scripts', 'bench'];

const INDEX_FILES = ['index.ts', 'index.tsx'];

/**
 * Every folder inside a layer (below its top) that has an index.ts/index.tsx, as `{ dir, layer }`: a
 * package, imported from outside the folder only through that index. Read from the file system, so a
 * new package is covered without editing this file.
 */
function packageDirs(root) {
  const found = [];
  const walk = (dir, layer) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const sub = `${dir}/${entry.name}`;
      if (INDEX_FILES.some((name) => fs.existsSync(path.join(root, sub, name)))) found.push({ dir: sub, layer });
      walk(sub, layer);
    }
  };
  for (const layer of LAYERS) walk(layer.dir, layer.name);
  return found.sort((a, b) => a.dir.localeCompare(b.dir));
}

module.exports = { LAYERS, FREE_DIRS, packageDirs };
