import type { StateStore } from '../ports/state-store.port';
import { nodeCrypto } from '../runtime/node-crypto';

/** scrypt cost parameters: N=2^14, r=8, p=1 (node's defaults), about 50 ms and 16 MiB per check. */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/**
 * The salted scrypt hash of a four-digit code, as the config stores it: `scrypt$N$r$p$salt$hash` (base64). `cost` is
 * scrypt's N: the skill's by default; tests pass a cheaper one (verifyPin reads N from the hash it checks).
 */
export function hashPin(pin: string, cost = N): string {
  if (!/^\d{4}$/.test(pin)) throw new Error('A release code is four digits');
  const { randomBytes, scryptSync } = nodeCrypto();
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, KEY_LENGTH, { N: cost, r: R, p: P });
  return ['scrypt', cost, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** True when `pin` matches the stored hash, compared in constant time. */
export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const { scryptSync, timingSafeEqual } = nodeCrypto();
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

interface Failures {
  readonly count: number;
  readonly lockedUntil?: string;
}

export type PinCheck = { kind: 'ok' } | { kind: 'wrong'; attemptsLeft: number } | { kind: 'locked-out'; until: Date };

/**
 * Checks a spoken release code, counting failures per person in the state store, so that a lockout holds across
 * sessions and Lambda instances. While locked out even the right code is refused. The code itself is never stored
 * or logged.
 */
export class PinGuard {
  constructor(
    private readonly store: StateStore,
    private readonly now: () => Date,
    private readonly options: { maxAttempts: number; lockoutMs: number } = { maxAttempts: 3, lockoutMs: 15 * 60_000 },
  ) {}

  async check(principalKey: string, spoken: string, storedHash: string): Promise<PinCheck> {
    const key = `pin#${principalKey}`;
    const record = await this.store.get<Failures>(key);
    const now = this.now();
    const lockedUntil = record?.value.lockedUntil ? new Date(record.value.lockedUntil) : undefined;
    if (lockedUntil && lockedUntil > now) return { kind: 'locked-out', until: lockedUntil };
    if (verifyPin(spoken, storedHash)) {
      if (record) await this.store.delete(key, record.version);
      return { kind: 'ok' };
    }
    const count = (lockedUntil ? 0 : record?.value.count ?? 0) + 1;
    const lockout = count >= this.options.maxAttempts ? new Date(now.getTime() + this.options.lockoutMs) : undefined;
    const failures: Failures = { count, lockedUntil: lockout?.toISOString() };
    // Failures expire a day after the last one (or with the lockout), so old mistakes do not count forever.
    const expiresAt = lockout ?? new Date(now.getTime() + 24 * 3_600_000);
    const written = await this.store.put(key, failures, { expectedVersion: record?.version, expiresAt });
    // A concurrent failure won the write: count again from the fresh record.
    if (!written) return this.check(principalKey, spoken, storedHash);
    return lockout ? { kind: 'locked-out', until: lockout } : { kind: 'wrong', attemptsLeft: this.options.maxAttempts - count };
  }
}
