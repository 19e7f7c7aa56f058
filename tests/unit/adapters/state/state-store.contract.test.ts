import {
  ConditionalCheckFailedException, DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDbStateStore } from '../../../../lambda/src/adapters/aws/dynamodb-state-store.adapter';
import { MemoryStateStore } from '../../../../lambda/src/adapters/state/memory-state-store.adapter';
import { AccessDeniedError } from '../../../../lambda/src/domain/errors';
import type { StateStore } from '../../../../lambda/src/ports/state-store.port';

/**
 * One contract, every StateStore. DynamoDB is played by aws-sdk-client-mock with a small table that evaluates the
 * two condition expressions the adapter sends, exactly as DynamoDB would for these items.
 */
const dynamo = mockClient(DynamoDBClient);
type Item = Record<string, AttributeValue>;

function fakeTable(now: () => Date) {
  const items = new Map<string, Item>();
  const nowSeconds = () => Math.floor(now().getTime() / 1000);
  const fail = () => Promise.reject(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
  const expired = (item: Item) => item.expiresAt?.N !== undefined && Number(item.expiresAt.N) <= nowSeconds();
  dynamo.reset();
  dynamo.on(GetItemCommand).callsFake((input) => ({ Item: items.get(input.Key.pk.S) }));
  dynamo.on(PutItemCommand).callsFake((input) => {
    const existing = items.get(input.Item.pk.S);
    const ok = input.ConditionExpression === 'attribute_not_exists(pk) OR expiresAt <= :now'
      ? existing === undefined || expired(existing)
      : existing !== undefined && existing.version?.N === input.ExpressionAttributeValues[':expected'].N && !expired(existing);
    if (!ok) return fail();
    items.set(input.Item.pk.S, input.Item);
    return {};
  });
  dynamo.on(DeleteItemCommand).callsFake((input) => {
    const existing = items.get(input.Key.pk.S);
    if (existing?.version?.N !== input.ExpressionAttributeValues[':expected'].N) return fail();
    items.delete(input.Key.pk.S);
    return {};
  });
}

const stores: [string, (now: () => Date) => StateStore][] = [
  ['MemoryStateStore', (now) => new MemoryStateStore(now)],
  ['DynamoDbStateStore', (now) => {
    fakeTable(now);
    return new DynamoDbStateStore(new DynamoDBClient({ region: 'eu-west-1' }), 'push-to-prod-state', now);
  }],
];

describe.each(stores)('%s', (_name, make) => {
  let now = new Date('2026-11-26T10:00:00Z');
  let store: StateStore;
  beforeEach(() => {
    now = new Date('2026-11-26T10:00:00Z');
    store = make(() => now);
  });

  it('writes a new record once, and refuses a second create', async () => {
    expect(await store.put('lock#production', { holder: 'a' }, {})).toBe(true);
    expect(await store.put('lock#production', { holder: 'b' }, {})).toBe(false);
    expect(await store.get('lock#production')).toEqual({ value: { holder: 'a' }, version: expect.any(Number), expiresAt: undefined });
  });

  it('updates only at the expected version', async () => {
    await store.put('pin#u', { count: 1 }, {});
    const version = (await store.get('pin#u'))!.version;
    expect(await store.put('pin#u', { count: 2 }, { expectedVersion: version + 1 })).toBe(false);
    expect(await store.put('pin#u', { count: 2 }, { expectedVersion: version })).toBe(true);
    expect((await store.get<{ count: number }>('pin#u'))?.value.count).toBe(2);
  });

  it('deletes only at the expected version', async () => {
    await store.put('lock#staging', { holder: 'a' }, {});
    const version = (await store.get('lock#staging'))!.version;
    expect(await store.delete('lock#staging', version + 1)).toBe(false);
    expect(await store.delete('lock#staging', version)).toBe(true);
    expect(await store.get('lock#staging')).toBeUndefined();
  });

  it('never lets a stale version from before a delete touch the record written after it', async () => {
    await store.put('lock#production', { holder: 'alice' }, {});
    const stale = (await store.get('lock#production'))!.version;
    await store.delete('lock#production', stale);
    await store.put('lock#production', { holder: 'bob' }, {});

    expect(await store.delete('lock#production', stale)).toBe(false);
    expect((await store.get<{ holder: string }>('lock#production'))?.value.holder).toBe('bob');
  });

  it('reads an expired record as absent and lets a new one take its place', async () => {
    await store.put('pin#u', { count: 3 }, { expiresAt: new Date('2026-11-26T10:15:00Z') });
    now = new Date('2026-11-26T10:16:00Z');

    expect(await store.get('pin#u')).toBeUndefined();
    expect(await store.put('pin#u', { count: 1 }, {})).toBe(true);
  });
});

describe('DynamoDbStateStore commands', () => {
  it('sends consistent reads and conditional writes to the configured table', async () => {
    fakeTable(() => new Date('2026-11-26T10:00:00Z'));
    const store = new DynamoDbStateStore(new DynamoDBClient({ region: 'eu-west-1' }), 'push-to-prod-state', () => new Date('2026-11-26T10:00:00Z'));

    await store.put('lock#production', { holder: 'a' }, { expiresAt: new Date('2026-11-26T11:00:00Z') });
    await store.get('lock#production');

    expect(dynamo).toHaveReceivedCommandWith(PutItemCommand, {
      TableName: 'push-to-prod-state',
      Item: { pk: { S: 'lock#production' }, value: { S: '{"holder":"a"}' }, version: { N: expect.stringMatching(/^\d+$/) }, expiresAt: { N: String(Date.parse('2026-11-26T11:00:00Z') / 1000) } },
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
      ExpressionAttributeValues: { ':now': { N: String(Date.parse('2026-11-26T10:00:00Z') / 1000) } },
    });
    expect(dynamo).toHaveReceivedCommandWith(GetItemCommand, { TableName: 'push-to-prod-state', Key: { pk: { S: 'lock#production' } }, ConsistentRead: true });
  });

  it('turns AccessDenied into the project error, not a lost write', async () => {
    dynamo.reset();
    dynamo.on(PutItemCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }));
    const store = new DynamoDbStateStore(new DynamoDBClient({ region: 'eu-west-1' }), 't');

    await expect(store.put('k', 1, {})).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
