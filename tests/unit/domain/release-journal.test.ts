import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbStateStore } from '../../../lambda/src/adapters/aws/dynamodb-state-store.adapter';
import { MemoryStateStore } from '../../../lambda/src/adapters/state/memory-state-store.adapter';
import {
  applySubscriptionChange, MAX_UNTOLD, ReleaseJournal, type StartedRelease, type SubscriptionChangeEnvelope,
} from '../../../lambda/src/domain/release-journal';
import type { StateStore } from '../../../lambda/src/ports/state-store.port';
import { startLocalAws } from '../../../tools/local-aws';

/**
 * The journal over each StateStore: in memory, and on local AWS's DynamoDB (dynalite behind it), so its conditional
 * writes are judged as DynamoDB judges them. Each test uses ids of its own, so one table serves them all.
 */
const TABLE = 'push-to-prod-state';
const START = new Date('2026-11-26T10:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const subscriptionFixture = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'alexa', 'proactive-subscription-changed.json'), 'utf8')) as SubscriptionChangeEnvelope & {
  request: { timestamp: string; body: { subscriptions: { eventName: string }[] } };
};

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

let counter = 0;
/** A release as the deploy handler records it, with ids no other test uses. */
function deploy(overrides: Partial<StartedRelease> = {}): StartedRelease {
  counter += 1;
  return {
    kind: 'deploy', service: 'checkout', environment: 'production', pipeline: 'checkout-prod',
    executionId: `0000000${counter}-1111-2222-3333-444444444444`,
    startedBy: { userId: `amzn1.ask.account.USER${counter}` }, startedAt: START, locale: 'en-US',
    ...overrides,
  };
}

describe.each(stores)('ReleaseJournal on %s', (_name, make) => {
  let now = START;
  let made: Made;
  let journal: ReleaseJournal;
  beforeAll(async () => {
    made = await make(() => now);
  });
  beforeEach(() => {
    now = START;
    journal = new ReleaseJournal(made.store, () => now);
  });
  afterAll(() => made.close());

  it('finds a release it started by its execution id, and a rollback by its deployment id', async () => {
    // Prepare
    const release = deploy({ startedBy: { userId: 'amzn1.ask.account.A', personId: 'amzn1.ask.person.ALICE' } });
    const rollback = deploy({ kind: 'rollback', executionId: undefined, deploymentId: `d-ROLLBACK${counter}`, pipeline: undefined });

    // Act
    await journal.recordStarted(release);
    await journal.recordStarted(rollback);

    // Assess
    expect(await journal.findStarted({ executionId: release.executionId as string })).toEqual(release);
    expect(await journal.findStarted({ deploymentId: rollback.deploymentId as string })).toEqual(rollback);
    expect(await journal.findStarted({ executionId: 'ffffffff-1111-2222-3333-444444444444' })).toBeUndefined();
  });

  it('refuses a start that names neither or both of an execution and a deployment', async () => {
    // Act / Assess
    await expect(journal.recordStarted(deploy({ executionId: undefined }))).rejects.toThrow(/exactly one/);
    await expect(journal.recordStarted(deploy({ deploymentId: 'd-BOTH' }))).rejects.toThrow(/exactly one/);
  });

  it('has nobody to tell about a release started outside the skill', async () => {
    // Act
    const result = await journal.recordFinished({ executionId: 'eeeeeeee-1111-2222-3333-444444444444' }, 'succeeded', START);

    // Assess
    expect(result).toEqual({ kind: 'not-ours' });
  });

  it('keeps an outcome once, however often the same end is reported, and tells it once', async () => {
    // Prepare
    const release = deploy();
    await journal.recordStarted(release);
    const ref = { executionId: release.executionId as string };
    now = new Date(START.getTime() + 9 * MINUTE);

    // Act
    const first = await journal.recordFinished(ref, 'succeeded', now);
    const again = await journal.recordFinished(ref, 'succeeded', now);
    const told = await journal.takeUntoldOutcomes(release.startedBy);
    const toldAgain = await journal.takeUntoldOutcomes(release.startedBy);

    // Assess
    expect(first).toEqual({ kind: 'recorded', release: { ...release, outcome: 'succeeded', finishedAt: now } });
    expect(again.kind).toBe('already-recorded');
    expect(told).toEqual([{ ...release, outcome: 'succeeded', finishedAt: now }]);
    expect(toldAgain).toEqual([]);
  });

  it('tells the outcome to the voice that started it, and not to another voice on the same account', async () => {
    // Prepare
    const release = deploy({ startedBy: { userId: 'amzn1.ask.account.HOUSEHOLD', personId: `amzn1.ask.person.ALICE${counter}` } });
    await journal.recordStarted(release);
    await journal.recordFinished({ executionId: release.executionId as string }, 'failed', START);

    // Act
    const bob = await journal.takeUntoldOutcomes({ userId: 'amzn1.ask.account.HOUSEHOLD', personId: 'amzn1.ask.person.BOB' });
    const alice = await journal.takeUntoldOutcomes({ userId: 'amzn1.ask.account.HOUSEHOLD', personId: release.startedBy.personId });

    // Assess
    expect(bob).toEqual([]);
    expect(alice.map((r) => r.outcome)).toEqual(['failed']);
  });

  it('keeps the latest outcomes for one person, oldest first, and no more than the cap', async () => {
    // Prepare
    const who = { userId: `amzn1.ask.account.BUSY${counter}` };
    const releases = Array.from({ length: MAX_UNTOLD + 2 }, () => deploy({ startedBy: who }));
    for (const release of releases) await journal.recordStarted(release);

    // Act: they end in reverse order
    for (const [i, release] of [...releases].reverse().entries()) {
      await journal.recordFinished({ executionId: release.executionId as string }, 'succeeded', new Date(START.getTime() + i * MINUTE));
    }
    const told = await journal.takeUntoldOutcomes(who);

    // Assess
    expect(told).toHaveLength(MAX_UNTOLD);
    expect(told.map((r) => r.finishedAt.getTime())).toEqual([...told.map((r) => r.finishedAt.getTime())].sort((a, b) => a - b));
    expect(told.at(-1)?.executionId).toBe(releases[0]?.executionId);
  });

  it('loses neither outcome when two releases of one person end at the same moment', async () => {
    // Prepare
    const who = { userId: `amzn1.ask.account.TWICE${counter}` };
    const [a, b] = [deploy({ startedBy: who }), deploy({ startedBy: who })];
    await journal.recordStarted(a);
    await journal.recordStarted(b);

    // Act
    await Promise.all([
      journal.recordFinished({ executionId: a.executionId as string }, 'succeeded', START),
      journal.recordFinished({ executionId: b.executionId as string }, 'failed', START),
    ]);

    // Assess
    expect((await journal.takeUntoldOutcomes(who)).map((r) => r.outcome).sort()).toEqual(['failed', 'succeeded']);
  });

  it('forgets a start after its time to live, and an untold outcome when it is too old to be news', async () => {
    // Prepare
    const forgotten = deploy();
    const stale = deploy();
    await journal.recordStarted(forgotten);
    await journal.recordStarted(stale);
    await journal.recordFinished({ executionId: stale.executionId as string }, 'succeeded', START);

    // Act
    now = new Date(START.getTime() + 8 * DAY);
    const late = await journal.recordFinished({ executionId: forgotten.executionId as string }, 'succeeded', now);
    const told = await journal.takeUntoldOutcomes(stale.startedBy);

    // Assess
    expect(late).toEqual({ kind: 'not-ours' });
    expect(told).toEqual([]);
  });

  it('records a subscription change, and keeps the latest when they arrive out of order', async () => {
    // Prepare
    const userId = `amzn1.ask.account.SUBSCRIBER${counter}`;
    const at = (iso: string, eventNames: string[]) => ({
      ...subscriptionFixture,
      context: { System: { ...subscriptionFixture.context?.System, user: { userId } } },
      request: { ...subscriptionFixture.request, timestamp: iso, body: { subscriptions: eventNames.map((eventName) => ({ eventName })) } },
    });

    // Act
    const subscribed = await applySubscriptionChange(made.store, at('2026-11-26T09:30:00Z', ['AMAZON.MessageAlert.Activated']), () => now);
    const unsubscribed = await applySubscriptionChange(made.store, at('2026-11-26T09:45:00Z', []), () => now);
    const stale = await applySubscriptionChange(made.store, at('2026-11-26T09:40:00Z', ['AMAZON.MessageAlert.Activated']), () => now);

    // Assess
    expect([subscribed, unsubscribed, stale]).toEqual([true, true, false]);
    expect(await journal.subscription(userId)).toEqual({
      subscribed: false, changedAt: new Date('2026-11-26T09:45:00Z'), apiEndpoint: 'https://api.eu.amazonalexa.com',
    });
  });

  it('reads the recorded subscription fixture as subscribed, and knows nothing of a user it never heard of', async () => {
    // Act
    await applySubscriptionChange(made.store, subscriptionFixture, () => now);

    // Assess
    expect((await journal.subscription('amzn1.ask.account.LOCAL_DEVELOPER'))?.subscribed).toBe(true);
    expect(await journal.subscription('amzn1.ask.account.NEVER_SEEN')).toBeUndefined();
  });

  it('refuses a request that is not a subscription change', async () => {
    // Act / Assess
    await expect(applySubscriptionChange(made.store, { ...subscriptionFixture, request: { type: 'LaunchRequest', timestamp: '2026-11-26T09:30:00Z' } }))
      .rejects.toThrow(/not a subscription change/);
  });
});
