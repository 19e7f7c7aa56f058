import { DEFAULT_BUDGET_MS, remainingMs, runWithDeadline } from '../../../lambda/src/runtime/deadline';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads what is left after some asynchronous hops, as an adapter deep in a request would. */
async function leftAfterHops(): Promise<number> {
  await tick();
  await Promise.resolve();
  await tick();
  return remainingMs();
}

describe('the invocation deadline', () => {
  it('gives code outside any invocation the default budget', () => {
    expect(remainingMs()).toBeGreaterThan(DEFAULT_BUDGET_MS - 50);
    expect(remainingMs()).toBeLessThanOrEqual(DEFAULT_BUDGET_MS);
  });

  it('gives an invocation that runs alone its own budget, across asynchronous hops, and forgets it afterwards', async () => {
    // Act
    const left = await runWithDeadline(1000, leftAfterHops);

    // Assess
    expect(left).toBeGreaterThan(900);
    expect(left).toBeLessThanOrEqual(1000);
    expect(remainingMs()).toBeGreaterThan(DEFAULT_BUDGET_MS - 50);
  });

  it('keeps the deadlines of overlapping invocations apart, each read after the other has started', async () => {
    // Prepare: the first runs alone when it starts; the second starts while the first waits
    let releaseFirst: () => void = () => undefined;
    const firstMayGoOn = new Promise<void>((resolve) => { releaseFirst = resolve; });
    const first = runWithDeadline(1000, async () => {
      await firstMayGoOn;
      return leftAfterHops();
    });
    await tick();

    // Act
    const second = runWithDeadline(5000, async () => {
      const left = await leftAfterHops();
      releaseFirst();
      return left;
    });
    const [firstLeft, secondLeft] = await Promise.all([first, second]);

    // Assess
    expect(firstLeft).toBeGreaterThan(900);
    expect(firstLeft).toBeLessThanOrEqual(1000);
    expect(secondLeft).toBeGreaterThan(4900);
    expect(secondLeft).toBeLessThanOrEqual(5000);
  });

  it('gives an invocation started from inside an overlapping one its own deadline, not the one it was started from', async () => {
    // Prepare: an overlapping invocation (the first still runs) starts a third once the first has ended
    let releaseFirst: () => void = () => undefined;
    const first = runWithDeadline(1000, () => new Promise<void>((resolve) => { releaseFirst = resolve; }));
    await tick();

    // Act
    const third = await runWithDeadline(5000, async () => {
      releaseFirst();
      await first;
      return runWithDeadline(2000, leftAfterHops);
    });

    // Assess
    expect(third).toBeGreaterThan(1900);
    expect(third).toBeLessThanOrEqual(2000);
  });
});
