import * as asyncHooks from 'node:async_hooks';
import * as asyncHooksWithoutPrefix from 'async_hooks';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from 'node:vm';
import { fileScopedAsyncHooks } from '../../support/file-scoped-async-hooks';
import { scriptCompiler } from '../../support/script-compiler';
import { workerFileCache } from '../../support/worker-file-cache';

const PARAMETERS = ['module', 'exports', 'require', '__dirname', '__filename'];
type Exports = Record<string, unknown>;

/** Runs `source` as a module through a fresh compiler (or the one given), in `context`, and returns its exports. */
function run(source: string, { compiler = scriptCompiler(PARAMETERS), filename = '/virtual/module.js', context = createContext({}) } = {}): Exports {
  const module = { exports: {} as Exports };
  const body = compiler.compile(source, filename, context);
  body.call(module.exports, module, module.exports, () => undefined, '/virtual', filename);
  return module.exports;
}

describe("the suite runtime's script compiler", () => {
  it('runs a module body with the parameters jest passes, in the order it names them', () => {
    // Act
    const exports = run('module.exports = { isModule: typeof module.exports, dir: __dirname, file: __filename, requires: typeof require };');

    // Assess
    expect(exports).toEqual({ isModule: 'object', dir: '/virtual', file: '/virtual/module.js', requires: 'function' });
  });

  it("runs each module in the context it is given, that test file's globals", () => {
    // Prepare
    const compiler = scriptCompiler(PARAMETERS);
    const source = 'module.exports = { seen: typeof marker === "undefined" ? "none" : marker };';

    // Act
    const first = run(source, { compiler, context: createContext({ marker: 'one' }) });
    const second = run(source, { compiler, context: createContext({}) });

    // Assess
    expect([first.seen, second.seen]).toEqual(['one', 'none']);
  });

  it('compiles a changed source afresh rather than running what it compiled before under that name', () => {
    // Prepare
    const compiler = scriptCompiler(PARAMETERS);

    // Act
    const before = run('module.exports = { version: 1 };', { compiler });
    const after = run('module.exports = { version: 2 };', { compiler });

    // Assess
    expect([before.version, after.version]).toEqual([1, 2]);
  });

  it("reports an error at the source's own line and column, on the first line too", () => {
    // Act
    const stack = (source: string): string => {
      try {
        run(source, { filename: '/virtual/thrower.js' });
      } catch (error) {
        return (error as Error).stack ?? '';
      }
      return 'did not throw';
    };

    // Assess: the column of `new Error`, 1-based.
    expect(stack('const a = 1; throw new Error("first line");')).toContain('/virtual/thrower.js:1:20');
    expect(stack('const a = 1;\n  throw new Error("second line");')).toContain('/virtual/thrower.js:2:9');
  });

  it("compiles this suite's modules (jest.config.js names the runtime, and jest-runtime has the shape it patches)", () => {
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('push-to-prod.suite-runtime.compiles')]).toBe(true);
  });
});

describe("the test file's node:async_hooks", () => {
  it('makes AsyncLocalStorage instances of the real class that keep a store across awaits', async () => {
    // Prepare
    const { module } = fileScopedAsyncHooks(asyncHooks);
    const storage = new module.AsyncLocalStorage<number>();

    // Act
    const seen = await storage.run(7, async () => {
      await new Promise((done) => setImmediate(done));
      return storage.getStore();
    });

    // Assess
    expect(seen).toBe(7);
    expect(storage).toBeInstanceOf(asyncHooks.AsyncLocalStorage);
    expect(Object.keys(module).sort()).toEqual(Object.keys(asyncHooks).sort());
  });

  it('disables every instance it made, so that Node stops tagging promises for them', async () => {
    // Prepare
    const { module, disableAll } = fileScopedAsyncHooks(asyncHooks);
    const first = new module.AsyncLocalStorage<string>();
    const second = new module.AsyncLocalStorage<string>();

    // Act
    const seen = await first.run('one', () => second.run('two', async () => {
      disableAll();
      await null;
      return [first.getStore(), second.getStore()];
    }));

    // Assess
    expect(seen).toEqual([undefined, undefined]);
  });

  it("is what this suite's files get, with or without the node: prefix (jest-runtime has the shape the runtime patches)", () => {
    expect(asyncHooks.AsyncLocalStorage.name).toBe('FileScopedAsyncLocalStorage');
    expect(asyncHooksWithoutPrefix.AsyncLocalStorage).toBe(asyncHooks.AsyncLocalStorage);
  });
});

describe("the worker's file cache", () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-file-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A cache that counts the reads it makes. */
  function counted() {
    const reads: string[] = [];
    const cache = workerFileCache((filename) => {
      reads.push(filename);
      return readFileSync(filename);
    });
    return { cache, reads };
  }

  it('reads a file once while it stays as it was', () => {
    // Prepare
    const file = join(dir, 'same.js');
    writeFileSync(file, 'module.exports = 1;');
    const { cache, reads } = counted();

    // Act
    const texts = [cache.text(file), cache.text(file), cache.buffer(file).toString()];

    // Assess
    expect(texts).toEqual(['module.exports = 1;', 'module.exports = 1;', 'module.exports = 1;']);
    expect(reads).toEqual([file]);
  });

  it('reads a file again once it changed, in size or only in time', () => {
    // Prepare
    const file = join(dir, 'changing.js');
    writeFileSync(file, 'module.exports = 1;');
    const { cache } = counted();
    const first = cache.text(file);

    // Act
    writeFileSync(file, 'module.exports = 22;');
    const longer = cache.text(file);
    writeFileSync(file, 'module.exports = 33;');
    utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const sameSize = cache.text(file);

    // Assess
    expect([first, longer, sameSize]).toEqual(['module.exports = 1;', 'module.exports = 22;', 'module.exports = 33;']);
  });

  it("is where this suite's files read their modules from (jest-runtime has the shape the runtime patches)", () => {
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('push-to-prod.suite-runtime.shares-reads')]).toBe(true);
  });

  it("leaves a file that is not there to the reader, whose error jest reports", () => {
    expect(() => workerFileCache().text(join(dir, 'missing.js'))).toThrow(/ENOENT: no such file or directory, open/);
  });
});
