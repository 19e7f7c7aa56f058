/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Transpile only, with swc: tsc -p . type-checks the tests (npm run typecheck), so ts-jest's slower TypeScript
  // transpiler bought nothing but CPU.
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  // jest's runtime with two per-file costs taken out (tests/support/suite-runtime.js): modules are compiled with
  // vm.Script, which V8 caches across test files, not vm.compileFunction, which it never does (~12 CPU-s a run); and
  // the AsyncLocalStorage instances a file makes (jest-circus makes one in every file) are disabled when it ends.
  runtime: '<rootDir>/tests/support/suite-runtime.js',
  setupFilesAfterEnv: ['<rootDir>/tests/support/setup.ts'],
  // A folder per run for what its tests share: the skill bundle, built once (tests/support/shared-bundle.ts).
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 30000,
  // Most of the suite waits on loopback servers and short deadlines rather than computing, so on a 2-core machine
  // (where jest would use one worker) several workers finish in about a third of the time. Three, not four: beside
  // npm run check, three paired runs of npm test gave 3 workers less CPU and less wall time each time (92 CPU-s and
  // 53 s against 102 and 55 at a load average of 1 to 3; 110 and 61 against 117 and 64 at 4 to 7); two cost
  // least CPU (86) but took 61 s, the waiting files (tests/proof/faults-*) then holding a worker each.
  maxWorkers: 3,
};
