import type { StateStore } from '../ports/state-store.port';
import { principalKey, type Principal } from './access';

/** Who holds an environment, since when, and why. */
export interface Lock {
  readonly environment: string;
  readonly holder: Principal;
  readonly since: Date;
  readonly reason?: string;
}

interface StoredLock {
  readonly environment: string;
  readonly holder: Principal;
  readonly since: string;
  readonly reason?: string;
}

const keyOf = (environment: string) => `lock#${environment}`;

/**
 * Environment locks ("lock production"): one holder at a time, released only by its holder or an admin. Conditional
 * writes in the store make two people locking at once end with exactly one holder.
 */
export class EnvironmentLocks {
  constructor(private readonly store: StateStore, private readonly now: () => Date) {}

  async current(environment: string): Promise<Lock | undefined> {
    const record = await this.store.get<StoredLock>(keyOf(environment));
    return record && toLock(record.value);
  }

  async acquire(environment: string, holder: Principal, reason?: string, attempts = 3): Promise<{ kind: 'acquired' | 'already-yours' | 'held'; lock: Lock }> {
    const existing = await this.store.get<StoredLock>(keyOf(environment));
    if (existing) {
      const lock = toLock(existing.value);
      return { kind: principalKey(lock.holder) === principalKey(holder) ? 'already-yours' : 'held', lock };
    }
    const value: StoredLock = { environment, holder: { userId: holder.userId, personId: holder.personId }, since: this.now().toISOString(), reason };
    if (await this.store.put(keyOf(environment), value, {})) return { kind: 'acquired', lock: toLock(value) };
    // Someone locked it between our read and our write (or a retried write of ours landed): decide again on what is
    // there now, a bounded number of times.
    if (attempts <= 1) throw new Error(`The lock on ${environment} keeps changing; try again`);
    return this.acquire(environment, holder, reason, attempts - 1);
  }

  async release(environment: string, by: Principal, isAdmin: boolean, attempts = 3): Promise<{ kind: 'released'; lock: Lock } | { kind: 'not-locked' } | { kind: 'not-holder'; lock: Lock }> {
    const record = await this.store.get<StoredLock>(keyOf(environment));
    if (!record) return { kind: 'not-locked' };
    const lock = toLock(record.value);
    if (!isAdmin && principalKey(lock.holder) !== principalKey(by)) return { kind: 'not-holder', lock };
    if (await this.store.delete(keyOf(environment), record.version)) return { kind: 'released', lock };
    if (attempts <= 1) throw new Error(`The lock on ${environment} keeps changing; try again`);
    return this.release(environment, by, isAdmin, attempts - 1);
  }
}

function toLock(stored: StoredLock): Lock {
  return { environment: stored.environment, holder: stored.holder, since: new Date(stored.since), reason: stored.reason };
}
