// Jest: two projects. `unit` (tests/engine/unit: the interpreter driven in-process with a fake clock) needs no servers;
// `integration` (everything else: engine, API, audit, designer components, browser) gets the run's own FerretDB and the
// workflow bundle from its global setup, which Jest runs only when a test of that project is selected — so
// `npm test -- tests/engine/unit` starts nothing.
const esmPackages = ['feelin', 'lezer-feel', 'bpmn-moddle', 'moddle', 'moddle-xml', 'saxen', 'min-dash', '@noble/hashes', 'temporal-polyfill', 'temporal-spec', 'temporal-utils', 'bpmn-js-differ', 'diffpatch',
  // form-js's viewer and what it imports (the task form's spec runs the real viewer in jsdom)
  'ids', 'preact', 'didi', '@bpmn-io/feelin', '@bpmn-io/lezer-feel', 'feelers', '@bpmn-io/lezer-feelers', 'marked'];

const shared = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // .mts too: the designer's Vite plugins (ES modules, as Vite's config loader wants them) are tested like the rest
  transform: { '^.+\\.(m?[tj]s|[tj]sx)$': ['@swc/jest'] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
};

module.exports = {
  // Global options: Jest does not read these from a project.
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    { ...shared, displayName: 'unit', rootDir: __dirname, roots: ['<rootDir>/tests/engine/unit'] },
    {
      ...shared,
      displayName: 'integration',
      rootDir: __dirname,
      roots: ['<rootDir>/tests'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/engine/unit/'],
      // Node's environment, plus a screenshot and description of each open browser page when a test fails.
      testEnvironment: '<rootDir>/tests/support/failureEnvironment.ts',
      globalSetup: '<rootDir>/tests/support/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
      // Component tests opt into jsdom with a `@jest-environment jsdom` docblock; this file adds what jsdom lacks.
      setupFilesAfterEnv: ['<rootDir>/tests/designer/support/domSetup.ts'],
    },
  ],
};
