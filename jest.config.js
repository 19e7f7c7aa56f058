/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  setupFilesAfterEnv: ['<rootDir>/tests/support/setup.ts'],
  testTimeout: 30000,
  // Most of the suite waits on loopback servers and short deadlines rather than computing, so on a 2-core machine
  // (where jest would use one worker) four workers finish in about a third of the time.
  maxWorkers: 4,
};
