import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Alexa waits about eight seconds for a whole answer. Each invocation runs inside a deadline, and every AWS call
 * takes its timeout from what is left of it, so that the skill always has time to say what happened, even when
 * AWS never answers. AsyncLocalStorage carries the deadline to the adapters without threading it through every
 * port method.
 */
const storage = new AsyncLocalStorage<number>();

/** How long one invocation may take before the skill must answer, in milliseconds. */
export const DEFAULT_BUDGET_MS = 6500;
/** Time kept back after the last AWS call, for building and returning the response. */
export const RESPONSE_RESERVE_MS = 400;

/** Runs `fn` with a deadline `budgetMs` from now. */
export function runWithDeadline<T>(budgetMs: number, fn: () => Promise<T>): Promise<T> {
  return storage.run(Date.now() + budgetMs, fn);
}

/** Milliseconds left before the current deadline (the default budget from now when none is set). */
export function remainingMs(): number {
  const deadline = storage.getStore();
  return deadline === undefined ? DEFAULT_BUDGET_MS : deadline - Date.now();
}

/** The time one call may take: what is left of the deadline less the reserve, at most `capMs`. */
export function callBudgetMs(capMs: number): number {
  return Math.max(0, Math.min(capMs, remainingMs() - RESPONSE_RESERVE_MS));
}
