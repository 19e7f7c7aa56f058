import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConditionalCheckFailedException, DeleteItemCommand, GetItemCommand, PutItemCommand } from './sdk';
import { newVersion, type StateStore, type StoredRecord } from '../../ports/state-store.port';
import { sendCommand } from './send';

/**
 * StateStore on one DynamoDB table: partition key `pk`, the value as a JSON string, a `version` number for optimistic
 * concurrency, and `expiresAt` in epoch seconds (the table's TTL attribute; TTL deletes lazily, so reads and
 * conditions check it themselves). Conditional writes are safe to retry: a repeat of a write that already landed
 * fails its condition instead of writing twice, and callers re-read after a `false`.
 */
export class DynamoDbStateStore implements StateStore {
  constructor(private readonly client: DynamoDBClient, private readonly tableName: string, private readonly now: () => Date = () => new Date()) {}

  async get<T>(key: string): Promise<StoredRecord<T> | undefined> {
    const output = await sendCommand(
      this.client,
      new GetItemCommand({ TableName: this.tableName, Key: { pk: { S: key } }, ConsistentRead: true }),
      { operation: 'GetItem', mutating: false, retrySafe: true },
    );
    const item = output.Item;
    if (!item?.value?.S || !item.version?.N) return undefined;
    const expiresAt = item.expiresAt?.N === undefined ? undefined : new Date(Number(item.expiresAt.N) * 1000);
    if (expiresAt && expiresAt.getTime() <= this.now().getTime()) return undefined;
    return { value: JSON.parse(item.value.S) as T, version: Number(item.version.N), expiresAt };
  }

  async put<T>(key: string, value: T, options: { expectedVersion?: number; expiresAt?: Date }): Promise<boolean> {
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    const fresh = options.expectedVersion === undefined;
    const command = new PutItemCommand({
      TableName: this.tableName,
      Item: {
        pk: { S: key },
        value: { S: JSON.stringify(value) },
        version: { N: String(newVersion()) },
        ...(options.expiresAt ? { expiresAt: { N: String(Math.ceil(options.expiresAt.getTime() / 1000)) } } : {}),
      },
      ConditionExpression: fresh ? 'attribute_not_exists(pk) OR expiresAt <= :now' : '#version = :expected AND (attribute_not_exists(expiresAt) OR expiresAt > :now)',
      ExpressionAttributeNames: fresh ? undefined : { '#version': 'version' },
      ExpressionAttributeValues: fresh
        ? { ':now': { N: String(nowSeconds) } }
        : { ':expected': { N: String(options.expectedVersion) }, ':now': { N: String(nowSeconds) } },
    });
    return this.conditional(command, 'PutItem');
  }

  async delete(key: string, expectedVersion: number): Promise<boolean> {
    const command = new DeleteItemCommand({
      TableName: this.tableName,
      Key: { pk: { S: key } },
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } },
    });
    return this.conditional(command, 'DeleteItem');
  }

  private async conditional(command: PutItemCommand | DeleteItemCommand, operation: string): Promise<boolean> {
    try {
      await sendCommand(this.client, command as PutItemCommand, { operation, mutating: true, retrySafe: true });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

function isConditionFailure(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  return [error, cause].some((e) => e instanceof ConditionalCheckFailedException || (e as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException');
}
