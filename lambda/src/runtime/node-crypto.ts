/**
 * node:crypto, loaded the first time something hashes. Loading it also loads Node's stream modules, some 3 ms of a
 * cold start (BENCHMARKS.md), and most requests hash nothing: only a confirmed release (its idempotency token), a
 * CodeDeploy revision without a digest and the spoken release code need it. Node has no lazy form of a built-in
 * import, and esbuild hoists a static one to the top of the bundle, so this is the one place that requires it.
 */
let loaded: typeof import('node:crypto') | undefined;

export function nodeCrypto(): typeof import('node:crypto') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand, see above
  loaded ??= require('node:crypto') as typeof import('node:crypto');
  return loaded;
}
