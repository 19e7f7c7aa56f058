import 'aws-sdk-client-mock-jest';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDbStateStore } from '../../../../lambda/src/adapters/aws/dynamodb-state-store.adapter';
import { MemoryStateStore } from '../../../../lambda/src/adapters/state/memory-state-store.adapter';
import { AccessDeniedError } from '../../../../lambda/src/domain/errors';
import type { StateStore } from '../../../../lambda/src/ports/state-store.port';
import { startLocalAws } from '../../../../tools/local-aws';

/**
 * One contract, every StateStore. DynamoDB is local AWS's (dynalite behind it): the adapter's condition expressions
 * are evaluated by an implementation of DynamoDB's expression language, not by a fake that knows what to expect.
 */
const TABLE = 'push-to-prod-state';

interface Made {
  readonly store: StateStore;
  close(): Promise<void>;
}

const stores: [string, (now: () => Date) => Promise<Made>][] = [
  ['MemoryStateStore', async (now) => ({ store: new MemoryStateStore(now), close: async () => undefined })],
  ['DynamoDbStateStore on local DynamoDB', async (now) => {
    const aws = await startLocalAws({ stateTable: TABLE, region: 'eu-west-1' });
    const client = new DynamoDBClient({
      region: 'eu-west-1', endpoint: aws.env.AWS_ENDPOINT_URL_DYNAMODB, maxAttempts: 1,
      credentials: { accessKeyId: aws.env.AWS_ACCESS_KEY_ID as string, secretAccessKey: aws.env.AWS_SECRET_ACCESS_KEY as string },
    });
    return {
      store: new DynamoDbStateStore(client, TABLE, now),
      close: async () => {
        client.destroy();
        await aws.close();
      },
    };
  }],
];

describe.each(stores)('%s', (_name, make) => {
  let now = new Date('2026-11-26T10:00:00Z');
  let made: Made;
  let store: StateStore;
  beforeEach(async () => {
    now = new Date('2026-11-26T10:00:00Z');
    made = await make(() => now);
    store = made.store;
  });
  afterEach(() => made.close());

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
    const client = new DynamoDBClient({ region: 'eu-west-1' });
    const dynamo = mockClient(client);
    dynamo.on(PutItemCommand).resolves({});
    dynamo.on(GetItemCommand).resolves({});
    const store = new DynamoDbStateStore(client, 'push-to-prod-state', () => new Date('2026-11-26T10:00:00Z'));

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
    const client = new DynamoDBClient({ region: 'eu-west-1' });
    const dynamo = mockClient(client);
    dynamo.on(PutItemCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }));
    const store = new DynamoDbStateStore(client, 't');

    await expect(store.put('k', 1, {})).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
