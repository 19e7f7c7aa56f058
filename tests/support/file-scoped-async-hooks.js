// node:async_hooks as each test file sees it (tests/support/suite-runtime.js says why), in a file of its own so that
// a test can load it without jest-runtime. Plain JavaScript: jest loads its runtime with Node's own require.

/**
 * `asyncHooks` (the real module) with an AsyncLocalStorage that records its instances, and `disableAll()`, which
 * disables each one made so far. Nothing else differs: an instance is the real class's, and works as it does.
 */
function fileScopedAsyncHooks(asyncHooks) {
  const storages = new Set();
  class FileScopedAsyncLocalStorage extends asyncHooks.AsyncLocalStorage {
    constructor(...args) {
      super(...args);
      storages.add(this);
    }
  }
  return {
    module: { ...asyncHooks, AsyncLocalStorage: FileScopedAsyncLocalStorage },
    disableAll() {
      for (const storage of storages) storage.disable();
      storages.clear();
    },
  };
}

module.exports = { fileScopedAsyncHooks };
