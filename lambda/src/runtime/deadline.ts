import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Alexa waits about eight seconds for a whole answer. Each invocation runs inside a deadline, and every AWS call
 * takes its timeout from what is left of it, so that the skill always has time to say what happened, even when
 * AWS never answers. The deadline reaches the adapters without being threaded through every port method.
 *
 * How it gets there: an invocation that starts while no other is running keeps its deadline in a module variable
 * (`solo`). Only an invocation that overlaps another (tests, the simulator; on Lambda, one invocation at a time runs
 * in a process) runs inside AsyncLocalStorage, made then. AsyncLocalStorage on Node 20 and 22 tracks every promise
 * through async_hooks; on a cold status that cost some 60 million instructions, 14 % of the skill's own work
 * (BENCHMARKS.md), for a guarantee that only overlapping invocations need. Code of the solo invocation sees no
 * store (its promises began outside any run, or it left the one it was started from) and reads `solo`; code of an
 * overlapping one reads its own store.
 */
let solo: { readonly deadline: number } | undefined;
let storage: AsyncLocalStorage<number> | undefined;

/** How long one invocation may take before the skill must answer, in milliseconds. */
export const DEFAULT_BUDGET_MS = 6500;
/** Time kept back after the last AWS call, for building and returning the response. */
export const RESPONSE_RESERVE_MS = 400;

/** Runs `fn` with a deadline `budgetMs` from now. */
export async function runWithDeadline<T>(budgetMs: number, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + budgetMs;
  if (solo !== undefined) {
    storage ??= new AsyncLocalStorage<number>();
    return storage.run(deadline, fn);
  }
  const mine = { deadline };
  solo = mine;
  try {
    // Outside any store it could have inherited (an invocation started from an overlapping one's callbacks).
    return await (storage ? storage.exit(fn) : fn());
  } finally {
    if (solo === mine) solo = undefined;
  }
}

/** Milliseconds left before the current deadline (the default budget from now when none is set). */
export function remainingMs(): number {
  const deadline = storage?.getStore() ?? solo?.deadline;
  return deadline === undefined ? DEFAULT_BUDGET_MS : deadline - Date.now();
}

/** The time one call may take: what is left of the deadline less the reserve, at most `capMs`. */
export function callBudgetMs(capMs: number): number {
  return Math.max(0, Math.min(capMs, remainingMs() - RESPONSE_RESERVE_MS));
}
