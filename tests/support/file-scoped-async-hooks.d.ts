/** node:async_hooks whose AsyncLocalStorage instances can all be disabled at once (file-scoped-async-hooks.js). */
export function fileScopedAsyncHooks(asyncHooks: typeof import('node:async_hooks')): {
  readonly module: typeof import('node:async_hooks');
  disableAll(): void;
};
