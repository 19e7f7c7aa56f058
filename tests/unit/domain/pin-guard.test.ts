import { MemoryStateStore } from '../../../lambda/src/adapters/state/memory-state-store.adapter';
import { hashPin, PinGuard, verifyPin } from '../../../lambda/src/domain/pin-guard';
import { testPinHash } from '../../support/release-code';

describe('release code hashing', () => {
  const stored = hashPin('4711');

  it('stores a salted scrypt hash, never the code', () => {
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(stored).not.toContain('4711');
    expect(hashPin('4711')).not.toBe(stored);
  });

  it('verifies the right code and refuses others', () => {
    expect(verifyPin('4711', stored)).toBe(true);
    expect(verifyPin('4712', stored)).toBe(false);
    expect(verifyPin('4711', 'plain-4711')).toBe(false);
  });

  it('refuses to hash anything but four digits', () => {
    expect(() => hashPin('123')).toThrow(/four digits/);
    expect(() => hashPin('abcd')).toThrow(/four digits/);
  });
});

describe('PinGuard', () => {
  // The lockout logic, at a test's cost; the hashing above keeps the production one.
  const stored = testPinHash('4711');

  it('counts failures per person and resets them on success', async () => {
    const now = () => new Date('2026-11-26T10:00:00Z');
    const guard = new PinGuard(new MemoryStateStore(now), now, { maxAttempts: 3, lockoutMs: 60_000 });

    expect(await guard.check('alice', '0000', stored)).toEqual({ kind: 'wrong', attemptsLeft: 2 });
    expect(await guard.check('bob', '0000', stored)).toEqual({ kind: 'wrong', attemptsLeft: 2 });
    expect(await guard.check('alice', '4711', stored)).toEqual({ kind: 'ok' });
    expect(await guard.check('alice', '0000', stored)).toEqual({ kind: 'wrong', attemptsLeft: 2 });
  });

  it('counts concurrent failures without losing one', async () => {
    const now = () => new Date('2026-11-26T10:00:00Z');
    const guard = new PinGuard(new MemoryStateStore(now), now, { maxAttempts: 5, lockoutMs: 60_000 });

    const results = await Promise.all([1, 2, 3].map(() => guard.check('alice', '0000', stored)));

    expect(results.map((r) => (r.kind === 'wrong' ? r.attemptsLeft : -1)).sort()).toEqual([2, 3, 4]);
  });
});
