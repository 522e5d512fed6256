// Unit specs live beside the code; end-to-end specs in test/ run over a real
// PostgreSQL (the embedded one, or DATABASE_URL), one database per file.
const moduleNameMapper = {
  '^@grms/(.*)$': '<rootDir>/libs/$1/src',
};
const transform = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };

// Two workers at least: each e2e file spends much of its time waiting on its
// own PostgreSQL database, so on a 2-core machine two files at once keep both
// cores busy (jest's default there is one worker). The suite took 476 s on one
// worker and 237 s on two on the 2-core reference machine (README.md).
const os = require('node:os');

module.exports = {
  testTimeout: 60000,
  maxWorkers: Math.max(2, os.cpus().length - 1),
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/libs', '<rootDir>/apps'],
      testMatch: ['**/*.spec.ts'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      moduleNameMapper,
      transform,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
