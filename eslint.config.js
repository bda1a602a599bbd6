// ESLint flat config (ESLint 9 + typescript-eslint 8). Run with `npx eslint .` (npm run lint).
//
// - Every .ts/.tsx file gets typescript-eslint's recommended rules and, with type information from
//   tsconfig.json (projectService), `@typescript-eslint/no-floating-promises` as an error: a
//   forgotten `await` on a Temporal or MongoDB call is a bug, not a style issue.
// - workflows/** and engine/** are deterministic code (Temporal replays workflow code; engine/ is
//   pure BPMN semantics imported by both server and workflows). They must not reach Node built-ins,
//   databases, HTTP, or the non-workflow Temporal packages. Workflows may import
//   `@temporalio/workflow` and engine/; engine/ may import no Temporal package at all.
// - Import boundaries (eslint-plugin-boundaries): each layer imports only the layers below it that
//   scripts/layers.cjs lists, for value and type imports alike, and a package folder (one with an
//   index.ts) of another layer is entered only through its index; server/routes/ is imported by
//   server/app.ts only. tests/, scripts/, bench/ are not checked. Import cycles are found by
//   dependency-cruiser (`npm run docs -- --check`, run by scripts/test), which also sees `import type`.
'use strict';

const { builtinModules } = require('node:module');
const boundaries = require('eslint-plugin-boundaries');
const tseslint = require('typescript-eslint');
const { LAYERS, FREE_DIRS, packageDirs } = require('./scripts/layers.cjs');

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

// Every Node built-in, read from the running Node at config load time (fs, fs/promises, crypto,
// _http_agent, ...; subpaths such as fs/promises are listed there too). The `node:*` pattern
// covers every prefixed form, including prefix-only modules such as node:test and node:sqlite.
// (Newer Node versions list prefix-only modules as `node:sqlite` etc.; their bare names are not
// built-ins, so those entries are left to the pattern.)
const builtins = builtinModules.filter((name) => !name.startsWith('node:')).sort();

const BUILTIN_MESSAGE =
  'Node built-ins are not allowed in deterministic code (workflows/, engine/): move I/O to activities/ or server/.';

/** `no-restricted-imports` options forbidding built-ins plus the given packages (and their subpaths). */
function restrictedImports(packages, why) {
  return [
    'error',
    {
      paths: builtins.map((name) => ({ name, message: BUILTIN_MESSAGE })),
      patterns: [
        { group: ['node:*'], message: BUILTIN_MESSAGE },
        { group: packages.flatMap((name) => [name, `${name}/*`]), message: why },
      ],
    },
  ];
}

const SIDE_EFFECT_PACKAGES = [
  'mongoose',
  'mongodb',
  'express',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
];

// --- Import boundaries ---------------------------------------------------------------------------

/** Element type of a package folder inside `layer` (its files count as the layer's own files). */
const packageType = (layer) => `${layer} package`;

/** Selector of an element in `layer`: its top folder or one of its packages. */
const inLayer = (layer) => ({ type: [layer, packageType(layer)] });

/** What a layer may import, as boundaries `allow` selectors: itself plus the entries of its `may` list. */
function allowedTargets(layer) {
  return [layer.name, ...layer.may].map((entry) => {
    if (typeof entry === 'string') return { to: { element: inLayer(entry) } };
    return { to: { element: { type: entry.layer, fileInternalPath: entry.file } } };
  });
}

const LAYER_FILES = LAYERS.map((layer) => `${layer.dir}/**/*.{ts,tsx,mts,cts}`);

/** Layers some other layer may import: only their package folders (and the routes) need telling apart. */
const IMPORTED_LAYERS = new Set(LAYERS.flatMap((layer) => layer.may.map((entry) => entry.layer ?? entry)));

/** The route modules: mounted by server/app.ts alone. */
const ROUTES_DIR = 'server/routes';

const boundaryElements = [
  // Package folders first: a file inside one belongs to the package, whose parent is its layer.
  ...packageDirs(__dirname)
    .filter(({ dir, layer }) => IMPORTED_LAYERS.has(layer) || dir === ROUTES_DIR)
    .map(({ dir, layer }) => ({
      type: packageType(layer),
      pattern: dir,
      partialMatch: false,
    })),
  ...LAYERS.map((layer) => ({ type: layer.name, pattern: layer.dir, partialMatch: false })),
  { type: 'tests-scripts-bench', pattern: FREE_DIRS, partialMatch: false },
];

/** From a layer, its own files and packages may be imported freely (the boundary is what other layers see). */
const sameLayer = (layer) => ({ from: { element: inLayer(layer.name) }, allow: { to: { element: inLayer(layer.name) } } });

const boundaryPolicies = [
  // 1. Each layer imports only itself and what scripts/layers.cjs lists for it (type imports too).
  ...LAYERS.map((layer) => ({ from: { element: inLayer(layer.name) }, allow: allowedTargets(layer) })),
  // 2. Another layer's package folder is entered only through its index.ts ...
  {
    disallow: { to: { element: { type: '* package', fileInternalPath: '!index.{ts,tsx}' } } },
    message: "{{ to.file.path }} is inside another layer's package folder: import the folder's index.ts",
  },
  // ... while inside one layer its folders may share files.
  ...LAYERS.map(sameLayer),
  // 3. Route modules are mounted by server/app.ts alone.
  {
    from: { element: inLayer('server'), file: { path: '!server/app.ts' } },
    disallow: { to: { file: { path: `${ROUTES_DIR}/**` } } },
    message: '{{ to.file.path }}: server/routes/ is mounted by server/app.ts only',
  },
];

module.exports = tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'designer/dist/**',
      '.data/**',
      '.tools/**',
      'coverage/**',
      'test-results/**',
    ],
  },

  // Plain JavaScript config files in this repository (this file, jest.config.js) are CommonJS.
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // All TypeScript: recommended rules + type-aware no-floating-promises.
  {
    files: TS_FILES,
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: __dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // `_name` marks a deliberately unused binding (e.g. express's 4-argument error handler).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // Temporal workflow code: deterministic, bundled by the worker, replayed from history.
  {
    files: ['workflows/**/*.{ts,tsx,mts,cts,js}'],
    rules: {
      'no-restricted-imports': restrictedImports(
        SIDE_EFFECT_PACKAGES,
        'Workflow code must stay deterministic: it may import @temporalio/workflow and engine/ only; do I/O in activities/.',
      ),
      // The workflow bundle is built ahead of time; a dynamic import cannot be replayed.
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'Dynamic import() is not allowed in workflow code.' },
      ],
    },
  },

  // The BPMN engine: pure and deterministic, shared by server/ and workflows/, knows no Temporal.
  {
    files: ['engine/**/*.{ts,tsx,mts,cts,js}'],
    rules: {
      'no-restricted-imports': restrictedImports(
        [...SIDE_EFFECT_PACKAGES, '@temporalio/workflow', '@temporalio/common', '@temporalio/*'],
        'engine/ is pure BPMN semantics: no I/O, no database, no HTTP and no Temporal package.',
      ),
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'Dynamic import() is not allowed in engine code.' },
      ],
    },
  },

  // Layer boundaries and package internals, checked in every layer (not in tests/, scripts/, bench/).
  {
    files: LAYER_FILES,
    plugins: { boundaries },
    settings: {
      'boundaries/elements': boundaryElements,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/legacy-templates': false,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message:
            '{{ from.file.path }} may not import {{ to.file.path }} ({{ dependency.kind }} import): see the layering in scripts/layers.cjs',
          policies: boundaryPolicies,
        },
      ],
    },
  },
);
