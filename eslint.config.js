// ESLint flat config (ESLint 9 + typescript-eslint 8). Run with `npx eslint .` (npm run lint).
//
// - Every .ts/.tsx file gets typescript-eslint's recommended rules and, with type information from
//   tsconfig.json (projectService), `@typescript-eslint/no-floating-promises` as an error: a
//   forgotten `await` on a Temporal or MongoDB call is a bug, not a style issue.
// - workflows/** and engine/** are deterministic code (Temporal replays workflow code; engine/ is
//   pure BPMN semantics imported by both server and workflows). They must not reach Node built-ins,
//   databases, HTTP, or the non-workflow Temporal packages. Workflows may import
//   `@temporalio/workflow` and engine/; engine/ may import no Temporal package at all.
'use strict';

const { builtinModules } = require('node:module');
const tseslint = require('typescript-eslint');

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
);
