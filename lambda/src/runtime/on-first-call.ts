/** The methods of a port: every one returns a promise, so loading can happen inside the first call. */
type AsyncMethods<Port> = { [Name in keyof Port]: Port[Name] extends (...args: infer Args) => Promise<infer Result> ? (...args: Args) => Promise<Result> : never };

/**
 * Stands in for a port whose implementation is loaded by its first call: `load()` runs once, then every call goes
 * straight to what it returned. The composition root uses it so that the AWS adapters, and the SDK behind them,
 * are evaluated only when a request needs AWS; a LaunchRequest never pays for them. A failed load is kept and
 * thrown by every call, so a missing module fails each request loudly instead of once.
 */
export function onFirstCall<Port extends AsyncMethods<Port>>(load: () => Promise<Port>): Port {
  let loaded: Promise<Port> | undefined;
  return new Proxy({} as Port, {
    get(_target, name) {
      // Not a thenable: `await port` must not mistake the proxy for a promise.
      if (name === 'then' || typeof name === 'symbol') return undefined;
      return async (...args: unknown[]) => {
        const port = await (loaded ??= load());
        const method = port[name as keyof Port] as unknown;
        if (typeof method !== 'function') throw new TypeError(`${String(name)} is not a method of the loaded port`);
        return (method as (...a: unknown[]) => unknown).apply(port, args);
      };
    },
  });
}
