/**
 * jest's runtime for this suite (jest.config.js `runtime`): jest-runtime, with two costs that it pays in every test
 * file taken out. Both come from jest giving each test file a vm context and a module registry of its own.
 *
 * 1. Compiling. A module that 40 files import is compiled 40 times per run, with `vm.compileFunction`, which never
 *    hits V8's compilation cache. A `vm.Script` of the same source string does, in any context, and shares the
 *    bytecode of its lazily compiled functions too (nodejs/node#35375, jestjs/jest#9457). Compiling was the largest
 *    single share of the suite's CPU (~9 of ~64 CPU-s of an in-band profile: jest's own expect and circus, zod,
 *    ask-sdk-core, the AWS SDK, again in every file). Modules run exactly as jest runs them: the same parameters in
 *    the same order (jest's injectedModuleParameters), the same file name (stack traces and code frames are
 *    unchanged), the same dynamic import. What this path cannot compile (a syntax error, ESM) goes to jest's own
 *    compile, which reports it as it always has (script-compiler.js).
 * 2. AsyncLocalStorage left enabled. jest-circus makes an AsyncLocalStorage in every test file (its
 *    testExecutionContext) and lambda/src/runtime/deadline.ts makes one in a file that overlaps two invocations; none
 *    is ever disabled, and Node tags every promise the worker creates afterwards, in every later file, once per
 *    enabled instance (async_hooks' _propagate and promise hooks, ~2.5 CPU-s of that profile, and promises with dozens
 *    of symbol properties). Each file's node:async_hooks here is the real one whose AsyncLocalStorage records its
 *    instances, and they are disabled when the file is torn down (file-scoped-async-hooks.js).
 *
 * 3. Reading every module's file again. jest keeps what it reads for one test file only, so each file read and
 *    decoded every module it loaded again (~3.5 CPU-s of the profile), though jest's own transform cache already
 *    keeps the transformed code across files (checked against the file's time). The files read are kept for the
 *    worker, checked against size and time before each use (worker-file-cache.js).
 *
 * 4. A slow end. After a run, a worker left to end by itself took longer to tear its heap down than jest waits, and
 *    jest killed it with a warning; it now exits as soon as jest ends it (worker-exit.js, installed once per worker).
 *
 * Written here because no library serves: @side/jest-runtime patches jest 28's internals and still calls
 * compileFunction, and jest has no option for either. Should a jest upgrade move what this patches (jest-runtime
 * 30's ModuleExecutor and CoreModuleProvider), jest's own behaviour stays and only the speed is lost:
 * tests/unit/support/suite-runtime.test.ts then fails, saying so.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: jest requires its runtime before any transform */
const { default: JestRuntime } = require('jest-runtime');
const { scriptCompiler } = require('./script-compiler');
const { fileScopedAsyncHooks } = require('./file-scoped-async-hooks');
const { workerFileCache } = require('./worker-file-cache');
const { exitPromptlyWhenJestEnds } = require('./worker-exit');

// 4. A worker's slow natural end after a run (worker-exit.js): it exits as soon as jest ends it.
exitPromptlyWhenJestEnds();

/** Set on each test file's global when its modules are compiled here, and when its file reads are the worker's. */
const COMPILED_HERE = Symbol.for('push-to-prod.suite-runtime.compiles');
const READS_SHARED = Symbol.for('push-to-prod.suite-runtime.shares-reads');

/** The files this worker has read (jest requires this module once per worker). */
const workerFiles = workerFileCache();

/** One compiler per worker process and parameter list (jest requires this module once per worker). */
const compilers = new Map();
function compilerFor(parameters) {
  const key = parameters.join(',');
  if (!compilers.has(key)) compilers.set(key, scriptCompiler(parameters));
  return compilers.get(key);
}

class SuiteRuntime extends JestRuntime {
  #disableAsyncStorages = () => {};

  constructor(...args) {
    super(...args);
    this.#compileWithScripts();
    this.#scopeAsyncStorages();
    this.#shareFileReads();
  }

  teardown() {
    super.teardown();
    this.#disableAsyncStorages();
  }

  #compileWithScripts() {
    const executor = this.executor;
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
    Object.defineProperty(executor.environment.global, COMPILED_HERE, { value: true });
  }

  #scopeAsyncStorages() {
    const coreModule = this.coreModule;
    const resolution = this._resolution;
    if (typeof coreModule?.require !== 'function' || typeof resolution?.normalizeCoreModuleSpecifier !== 'function') return;
    const jestRequire = coreModule.require.bind(coreModule);
    let scoped;
    coreModule.require = (moduleName) => {
      const required = jestRequire(moduleName);
      if (resolution.normalizeCoreModuleSpecifier(moduleName) !== 'async_hooks') return required;
      scoped ??= fileScopedAsyncHooks(required);
      return scoped.module;
    };
    this.#disableAsyncStorages = () => scoped?.disableAll();
  }

  #shareFileReads() {
    const fileCache = this.fileCache;
    if (typeof fileCache?.readFile !== 'function' || !(fileCache.strings instanceof Map) || !(fileCache.buffers instanceof Map)) return;
    // The test file's own maps first, as jest's FileCache does; what they lack comes from the worker's.
    fileCache.readFileBuffer = (filename) => {
      let buffer = fileCache.buffers.get(filename);
      if (buffer === undefined) {
        buffer = workerFiles.buffer(filename);
        fileCache.buffers.set(filename, buffer);
      }
      return buffer;
    };
    fileCache.readFile = (filename) => {
      let text = fileCache.strings.get(filename);
      if (text === undefined) {
        text = workerFiles.text(filename);
        fileCache.strings.set(filename, text);
      }
      return text;
    };
    Object.defineProperty(this._environment.global, READS_SHARED, { value: true });
  }
}

module.exports = SuiteRuntime;
