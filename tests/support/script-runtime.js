/**
 * jest's runtime (jest.config.js `runtime`), compiling each module with `new vm.Script` instead of `vm.compileFunction`.
 *
 * jest gives every test file its own vm context and module registry, so a module that 40 files import is compiled 40
 * times per run. `vm.compileFunction` never hits V8's compilation cache; a `vm.Script` of the same source string does,
 * in any context, and shares the bytecode of its lazily compiled functions too (nodejs/node#35375, jestjs/jest#9457).
 * That compiling was the largest single share of the suite's CPU (~9 of ~64 CPU-s in band, in every file: jest's own
 * expect and circus, zod, ask-sdk-core, the AWS SDK); with this runtime jest costs ~12 CPU-s less a run.
 *
 * Written here because no library serves: @side/jest-runtime patches jest 28's internals and still calls
 * compileFunction, and jest has no option for it. Modules run exactly as jest runs them: the same parameters in the
 * same order (jest's injectedModuleParameters), the same file name (stack traces and code frames are unchanged), the
 * same dynamic import. What this path cannot compile (a syntax error, ESM) goes to jest's own compile, which reports it
 * as it always has. Should a jest upgrade move the executor, jest's own compile stays and only the speed is lost:
 * tests/unit/support/script-compiler.test.ts then fails, saying so.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: jest requires its runtime before any transform */
const { default: JestRuntime } = require('jest-runtime');
const { scriptCompiler } = require('./script-compiler');

/** Set on each test file's global when its modules are compiled here. */
const MARK = Symbol.for('push-to-prod.script-runtime');

/** One compiler per worker process and parameter list (jest requires this module once per worker). */
const compilers = new Map();
function compilerFor(parameters) {
  const key = parameters.join(',');
  if (!compilers.has(key)) compilers.set(key, scriptCompiler(parameters));
  return compilers.get(key);
}

class ScriptRuntime extends JestRuntime {
  constructor(...args) {
    super(...args);
    const executor = this.executor;
    // jest-runtime 30's ModuleExecutor; on any other shape, jest's own compile stays.
    if (typeof executor?.compile !== 'function' || !Array.isArray(executor.injectedModuleParameters)) return;
    const jestCompile = executor.compile.bind(executor);
    const compiler = compilerFor(executor.injectedModuleParameters);
    executor.compile = (source, filename) => {
      const context = executor.environment.getVmContext();
      if (context == null) return null;
      const scriptFilename = executor.resolution.isCoreModule(filename) ? `jest-nodejs-core-${filename}` : filename;
      try {
        return compiler.compile(source, scriptFilename, context,
          (specifier, _script, importAttributes, phase) => executor.dynamicImport(specifier, scriptFilename, context, importAttributes, phase));
      } catch {
        return jestCompile(source, filename);
      }
    };
    Object.defineProperty(executor.environment.global, MARK, { value: true });
  }
}

module.exports = ScriptRuntime;
