/**
 * A fresh version for a write. Random rather than counted, so that a record deleted and written again never comes
 * back at a version someone still holds from before (a stale "unlock" must not remove the next person's lock).
 */
export function newVersion(): number {
  return Math.floor(Math.random() * 2 ** 48) + 1;
}

/** A record as stored: its value, a version for optimistic concurrency, and when it stops counting. */
export interface StoredRecord<T> {
  readonly value: T;
  readonly version: number;
  readonly expiresAt?: Date;
}

/**
 * The little state the skill keeps across sessions and Lambda instances (locks, PIN failure counters): versioned
 * records with conditional writes, so that when two requests race exactly one wins. DynamoDB in production.
 */
export interface StateStore {
  /** The record, or undefined when absent or expired. */
  get<T>(key: string): Promise<StoredRecord<T> | undefined>;
  /**
   * Writes only if the record is absent or expired (`expectedVersion` undefined) or still at `expectedVersion`.
   * Returns false when another writer got there first.
   */
  put<T>(key: string, value: T, options: { expectedVersion?: number; expiresAt?: Date }): Promise<boolean>;
  /** Deletes only if the record is still at `expectedVersion`; false otherwise. */
  delete(key: string, expectedVersion: number): Promise<boolean>;
}
