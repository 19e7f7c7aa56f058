import {
  ConditionalCheckFailedException, DynamoDBClient, GetItemCommand, PutItemCommand, ResourceNotFoundException, ThrottlingException,
} from '@aws-sdk/client-dynamodb';
import { ManualClock, startLocalAws, type LocalAws } from '../../../../tools/local-aws';
import { testConfig } from './clients';

const TABLE = 'push-to-prod-state';

/** A DynamoDB client as the skill makes one: the endpoint from AWS_ENDPOINT_URL_DYNAMODB, here passed directly. */
function dynamoClient(aws: LocalAws): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: aws.env.AWS_ENDPOINT_URL_DYNAMODB, region: 'us-east-1', maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
  });
}

const createLock = (holder: string) => new PutItemCommand({
  TableName: TABLE,
  Item: { pk: { S: 'lock#production' }, value: { S: JSON.stringify({ holder }) }, version: { N: '1' } },
  ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
  ExpressionAttributeValues: { ':now': { N: '1795000000' } },
});

describe('local-aws with a state table', () => {
  let aws: LocalAws;
  let client: DynamoDBClient;

  beforeEach(async () => {
    aws = await startLocalAws({ config: testConfig({ stateTable: TABLE }), clock: new ManualClock() });
    client = dynamoClient(aws);
  });

  afterEach(async () => {
    client.destroy();
    await aws.close();
  });

  it('serves the config\'s table on local AWS\'s port, and evaluates condition expressions as DynamoDB does', async () => {
    // Prepare
    await client.send(createLock('alice'));

    // Act
    const second = client.send(createLock('bob'));

    // Assess
    await expect(second).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    const { Item } = await client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'lock#production' } }, ConsistentRead: true }));
    expect(Item?.value?.S).toBe('{"holder":"alice"}');
    expect(aws.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(aws.url);
  });

  it('refuses an expression DynamoDB would refuse', async () => {
    // Act
    const malformed = client.send(new PutItemCommand({
      TableName: TABLE, Item: { pk: { S: 'x' } }, ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
    }));

    // Assess
    await expect(malformed).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('records DynamoDB calls with their input and signing key, and does not count state writes as release changes', async () => {
    // Act
    await client.send(createLock('alice'));

    // Assess
    expect(aws.calls()).toEqual([expect.objectContaining({
      service: 'dynamodb', operation: 'PutItem', accessKeyId: 'AKIDTEST',
      input: expect.objectContaining({ TableName: TABLE, ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now' }),
    })]);
    expect(aws.mutatingCalls()).toEqual([]);
  });

  it('applies faults to DynamoDB calls too', async () => {
    // Prepare
    aws.faults.inject({ service: 'dynamodb', operation: 'GetItem', kind: 'throttle', times: 1 });
    aws.faults.inject({ service: 'dynamodb', operation: 'PutItem', kind: 'notFound', times: 1 });
    const get = new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'lock#production' } } });

    // Act
    const throttled = client.send(get);
    const missing = client.send(createLock('alice'));

    // Assess
    await expect(throttled).rejects.toBeInstanceOf(ThrottlingException);
    await expect(missing).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(get)).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
  });
});

describe('local-aws without a state table', () => {
  it('knows no DynamoDB, and sends the skill nowhere for it', async () => {
    // Prepare
    const aws = await startLocalAws({ config: testConfig(), clock: new ManualClock() });
    const client = new DynamoDBClient({ endpoint: aws.url, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 's' } });

    try {
      // Act
      const call = client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'x' } } }));

      // Assess
      await expect(call).rejects.toMatchObject({ name: 'UnknownOperationException' });
      expect(aws.env.AWS_ENDPOINT_URL_DYNAMODB).toBeUndefined();
    } finally {
      client.destroy();
      await aws.close();
    }
  });
});
