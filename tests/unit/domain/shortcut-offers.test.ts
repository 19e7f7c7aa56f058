import { MemoryStateStore } from '../../../lambda/src/adapters/state/memory-state-store.adapter';
import { ShortcutOffers } from '../../../lambda/src/domain/shortcut-offers';

describe('ShortcutOffers', () => {
  const alice = { userId: 'amzn1.ask.account.ALICE' };
  const bob = { userId: 'amzn1.ask.account.ALICE', personId: 'amzn1.ask.person.BOB' };

  it('offers push to prod after a person\'s first release, and never again unasked', async () => {
    // Prepare
    const offers = new ShortcutOffers(new MemoryStateStore());

    // Act
    const first = await offers.afterRelease(alice);
    const second = await offers.afterRelease(alice);

    // Assess
    expect(first).toEqual({ kind: 'offer', routine: 'push-to-prod' });
    expect(second).toEqual({ kind: 'none', reason: 'offered-before' });
  });

  it('keeps offers per person: a recognised voice is someone else than the account', async () => {
    const offers = new ShortcutOffers(new MemoryStateStore());
    await offers.afterRelease(alice);

    expect(await offers.afterRelease(bob)).toEqual({ kind: 'offer', routine: 'push-to-prod' });
  });

  it('offers roll back prod next once push to prod was taken or was there already', async () => {
    const offers = new ShortcutOffers(new MemoryStateStore());

    expect(await offers.answered(alice, 'push-to-prod', 'accepted')).toEqual({ kind: 'offer', routine: 'roll-back-prod' });
    expect(await offers.answered(bob, 'push-to-prod', 'already-enabled')).toEqual({ kind: 'offer', routine: 'roll-back-prod' });
    expect(await offers.answered(alice, 'roll-back-prod', 'accepted')).toEqual({ kind: 'none', reason: 'all-set' });
  });

  it('offers nothing next after a decline or a failure', async () => {
    const offers = new ShortcutOffers(new MemoryStateStore());

    expect(await offers.answered(alice, 'push-to-prod', 'declined')).toEqual({ kind: 'none', reason: 'declined' });
    expect(await offers.answered(bob, 'push-to-prod', 'failed')).toEqual({ kind: 'none', reason: 'failed' });
  });

  it('never offers one unasked to someone who declined, across sessions and instances', async () => {
    // Prepare
    const store = new MemoryStateStore();
    await new ShortcutOffers(store).answered(alice, 'push-to-prod', 'declined');

    // Act
    const unasked = await new ShortcutOffers(store).afterRelease(alice);

    // Assess
    expect(unasked).toEqual({ kind: 'none', reason: 'declined' });
  });

  it('offers what the person does not have yet when they ask, even after a decline', async () => {
    const offers = new ShortcutOffers(new MemoryStateStore());
    await offers.answered(alice, 'push-to-prod', 'declined');
    expect(await offers.onRequest(alice)).toEqual({ kind: 'offer', routine: 'push-to-prod' });

    await offers.answered(alice, 'push-to-prod', 'accepted');
    expect(await offers.onRequest(alice)).toEqual({ kind: 'offer', routine: 'roll-back-prod' });

    await offers.answered(alice, 'roll-back-prod', 'already-enabled');
    expect(await offers.onRequest(alice)).toEqual({ kind: 'none', reason: 'all-set' });
  });

  it('makes one offer when two releases finish at once', async () => {
    const offers = new ShortcutOffers(new MemoryStateStore());

    const decisions = await Promise.all([offers.afterRelease(alice), offers.afterRelease(alice)]);

    expect(decisions.filter((d) => d.kind === 'offer')).toHaveLength(1);
  });
});
