/** @type {import('jest').Config} */
const transform = {
  '^.+\\.(ts|js|mjs)$': '<rootDir>/test/esbuild-transform.js',
  // The contract route imports openapi.yaml, which the bundles get as JSON (scripts/esbuild/yaml-as-json.js).
  '^.+\\.ya?ml$': '<rootDir>/test/yaml-transform.js',
};
// @middy/core is ESM-only; it has to go through the transformer like our TypeScript.
const transformIgnorePatterns = ['/node_modules/(?!(@middy)/)'];
const common = { rootDir: __dirname, transform, transformIgnorePatterns, testEnvironment: 'node' };
// The same local stack as `npm start`, on free ports, for each e2e project's run.
const e2e = {
  ...common,
  setupFilesAfterEnv: ['<rootDir>/test/e2e/test-timeout.ts'],
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
};

// The handlers in-process on a DynamoDB Local and a local SQS server for each jest worker, each file on empty ones.
const integration = {
  ...common,
  globalSetup: '<rootDir>/test/integration/global-setup.ts',
  globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
  setupFiles: ['<rootDir>/test/integration/worker-environment.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/integration/fresh-emulators.ts'],
};

module.exports = {
  // The longest files first, from jest's cache or else from a recorded run (test/longest-first.js).
  testSequencer: '<rootDir>/test/longest-first.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    // Reads the templates `npm run package:production` writes under .package/.
    { ...common, displayName: 'template', testMatch: ['<rootDir>/test/template/**/*.test.ts'] },
    // The reduced chaos run is one more file of the integration project, on its worker's emulators like the others.
    { ...integration, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/chaos/**/*.test.ts'] },
    // The reduced chaos run alone (npm run test:chaos).
    { ...integration, displayName: 'chaos', testMatch: ['<rootDir>/test/chaos/**/*.test.ts'] },
    { ...e2e, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
