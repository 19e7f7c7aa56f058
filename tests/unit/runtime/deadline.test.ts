import { DEFAULT_BUDGET_MS, remainingMs, runWithDeadline } from '../../../lambda/src/runtime/deadline';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads what is left after some asynchronous hops, as an adapter deep in a request would. */
async function leftAfterHops(): Promise<number> {
  await tick();
  await Promise.resolve();
  await tick();
  return remainingMs();
}

// Budgets far apart (and far from the default), so that a busy machine's delays cannot blur which one was read.
describe('the invocation deadline', () => {
  it('gives code outside any invocation the default budget', () => {
    expect(remainingMs()).toBe(DEFAULT_BUDGET_MS);
  });

  it('gives an invocation that runs alone its own budget, across asynchronous hops, and forgets it afterwards', async () => {
    // Act
    const left = await runWithDeadline(20_000, leftAfterHops);

    // Assess
    expect(left).toBeGreaterThan(15_000);
    expect(left).toBeLessThanOrEqual(20_000);
    expect(remainingMs()).toBe(DEFAULT_BUDGET_MS);
  });

  it('keeps the deadlines of overlapping invocations apart, each read after the other has started', async () => {
    // Prepare: the first runs alone when it starts; the second starts while the first waits
    let releaseFirst: () => void = () => undefined;
    const firstMayGoOn = new Promise<void>((resolve) => { releaseFirst = resolve; });
    const first = runWithDeadline(20_000, async () => {
      await firstMayGoOn;
      return leftAfterHops();
    });
    await tick();

    // Act
    const second = runWithDeadline(40_000, async () => {
      const left = await leftAfterHops();
      releaseFirst();
      return left;
    });
    const [firstLeft, secondLeft] = await Promise.all([first, second]);

    // Assess
    expect(firstLeft).toBeGreaterThan(15_000);
    expect(firstLeft).toBeLessThanOrEqual(20_000);
    expect(secondLeft).toBeGreaterThan(35_000);
    expect(secondLeft).toBeLessThanOrEqual(40_000);
  });

  it('gives an invocation started from inside an overlapping one its own deadline, not the one it was started from', async () => {
    // Prepare: an overlapping invocation (the first still runs) starts a third once the first has ended
    let releaseFirst: () => void = () => undefined;
    const first = runWithDeadline(20_000, () => new Promise<void>((resolve) => { releaseFirst = resolve; }));
    await tick();

    // Act
    const third = await runWithDeadline(40_000, async () => {
      releaseFirst();
      await first;
      return runWithDeadline(30_000, leftAfterHops);
    });

    // Assess
    expect(third).toBeGreaterThan(25_000);
    expect(third).toBeLessThanOrEqual(30_000);
  });
});
