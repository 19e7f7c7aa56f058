import { newVersion, type StateStore, type StoredRecord } from '../../ports/state-store.port';

/**
 * State in this process's memory: the embedded default for tests and the offline simulator. On Lambda it would
 * forget locks between instances, so the composition root uses DynamoDB there whenever a table is configured.
 */
export class MemoryStateStore implements StateStore {
  private readonly records = new Map<string, { value: unknown; version: number; expiresAt?: Date }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async get<T>(key: string): Promise<StoredRecord<T> | undefined> {
    const record = this.live(key);
    return record && { value: structuredClone(record.value) as T, version: record.version, expiresAt: record.expiresAt };
  }

  async put<T>(key: string, value: T, options: { expectedVersion?: number; expiresAt?: Date }): Promise<boolean> {
    const current = this.live(key);
    if (options.expectedVersion === undefined ? current !== undefined : current?.version !== options.expectedVersion) return false;
    this.records.set(key, { value: structuredClone(value), version: newVersion(), expiresAt: options.expiresAt });
    return true;
  }

  async delete(key: string, expectedVersion: number): Promise<boolean> {
    if (this.live(key)?.version !== expectedVersion) return false;
    this.records.delete(key);
    return true;
  }

  private live(key: string) {
    const record = this.records.get(key);
    if (record?.expiresAt && record.expiresAt.getTime() <= this.now().getTime()) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }
}
