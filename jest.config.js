// Jest: unit tests (engine, pure) and integration tests (real Temporal dev server + FerretDB/MongoDB).
const esmPackages = ['feelin', 'lezer-feel', 'bpmn-moddle', 'moddle', 'moddle-xml', 'saxen', 'min-dash', '@noble/hashes', 'temporal-polyfill', 'temporal-spec', 'temporal-utils', 'bpmn-js-differ', 'diffpatch'];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  // Component tests opt into jsdom with a `@jest-environment jsdom` docblock; this file adds what jsdom lacks.
  setupFilesAfterEnv: ['<rootDir>/tests/designer/support/domSetup.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
