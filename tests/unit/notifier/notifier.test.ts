import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDbStateStore } from '../../../lambda/src/adapters/aws/dynamodb-state-store.adapter';
import { ReleaseJournal, type StartedRelease } from '../../../lambda/src/domain/release-journal';
import type { Logger } from '../../../lambda/src/logging/logger';
import { createNotifierHandler } from '../../../lambda/src/notifier';
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET, startLocalAlexa, type LocalAlexa } from '../../../tools/local-alexa';
import { startLocalAws, type LocalAws } from '../../../tools/local-aws';
import { configFiles } from '../../support/config-files';
import { eventFixture, withDetail } from '../../support/eventbridge-fixtures';
import type { LogLine } from '../../support/test-skill';
import { TEST_CONFIG } from '../../support/test-skill';

/**
 * The notifier as Lambda runs it, from its composition root: the journal in local AWS's DynamoDB (dynalite), SSM
 * mocked at the client, Login with Amazon and the Proactive Events API played by the loopback stand-in.
 */

const TABLE = 'push-to-prod-state';
const PARAMETER = '/push-to-prod/alexa-client';
const ALICE = 'amzn1.ask.account.ALICE';
const NOW = new Date('2026-11-26T14:00:00Z');
const files = configFiles('ptp-notifier-');
const withNotifications = files.json({ ...TEST_CONFIG, stateTable: TABLE, notifications: { clientCredentialsParameter: PARAMETER } });
const withoutNotifications = files.json({ ...TEST_CONFIG, stateTable: TABLE });
const saved = { ...process.env };
const ssm = mockClient(SSMClient);

let aws: LocalAws;
let alexa: LocalAlexa;
let journal: ReleaseJournal;
let dynamo: DynamoDBClient;
let logs: LogLine[];

const logger: Logger = { log: (level, event, fields = {}) => logs.push({ level, event, fields }) };
const notifier = (configPath = withNotifications) => createNotifierHandler({
  env: { ...process.env, PUSH_TO_PROD_CONFIG: configPath }, logger, now: () => NOW,
  alexa: { lwaUrl: alexa.lwaUrl, apiBaseUrl: alexa.apiUrl }, sleep: async () => undefined,
});

/** A recorded event as if it had just happened: the fixtures' own times are years old, too old to be news. */
const justNow = (name: string) => withDetail(eventFixture(name), {}, new Date(NOW.getTime() - 60_000).toISOString());

/** As the deploy handler records a release it started. */
const started = (overrides: Partial<StartedRelease> = {}): StartedRelease => ({
  kind: 'deploy', service: 'checkout', environment: 'production', pipeline: 'myPipeline',
  executionId: '12345678-1234-5678-abcd-12345678abcd', startedBy: { userId: ALICE }, startedAt: new Date('2020-01-24T21:50:00Z'),
  locale: 'en-US', ...overrides,
});

beforeEach(async () => {
  logs = [];
  aws = await startLocalAws({ stateTable: TABLE, region: 'eu-west-1' });
  Object.assign(process.env, aws.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  alexa = await startLocalAlexa({ now: () => NOW.getTime(), subscribed: [ALICE] });
  ssm.reset();
  ssm.on(GetParameterCommand, { Name: PARAMETER, WithDecryption: true })
    .resolves({ Parameter: { Name: PARAMETER, Type: 'SecureString', Value: JSON.stringify({ clientId: LOCAL_CLIENT_ID, clientSecret: LOCAL_CLIENT_SECRET }) } });
  dynamo = new DynamoDBClient({ region: 'eu-west-1', endpoint: aws.env.AWS_ENDPOINT_URL_DYNAMODB });
  journal = new ReleaseJournal(new DynamoDbStateStore(dynamo, TABLE, () => NOW), () => NOW);
});

afterEach(async () => {
  dynamo.destroy();
  await alexa.close();
  await aws.close();
  process.env = { ...saved };
});

afterAll(() => ssm.restore());

describe('the notifier', () => {
  it('tells the person who started a release that it succeeded, and keeps it for their next launch', async () => {
    // Prepare
    await journal.recordStarted(started());

    // Act
    const outcome = await notifier()(justNow('codepipeline-execution-succeeded'));

    // Assess
    expect(outcome).toBe('sent');
    expect(alexa.notifications().map(({ userId, text, urgent, stage }) => ({ userId, text, urgent, stage }))).toEqual([{
      userId: ALICE, text: 'Release captain: your release of checkout to production succeeded', urgent: false, stage: 'development',
    }]);
    expect(alexa.notifications()[0]?.referenceId).toBe('deploy~1234567812345678abcd12345678abcd~succeeded');
    expect((await journal.takeUntoldOutcomes({ userId: ALICE })).map((r) => [r.outcome, r.finishedAt.toISOString()]))
      .toEqual([['succeeded', '2026-11-26T13:59:00.000Z']]);
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(1);
  });

  it('does nothing for a release started outside the skill: no notification, no secret read', async () => {
    // Act
    const outcome = await notifier()(justNow('codepipeline-execution-succeeded'));

    // Assess
    expect(outcome).toBe('not-ours');
    expect(alexa.requests()).toEqual([]);
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(0);
  });

  it('delivers once when EventBridge delivers the same event twice', async () => {
    // Prepare
    await journal.recordStarted(started());
    const handle = notifier();

    // Act
    const first = await handle(justNow('codepipeline-execution-succeeded'));
    const second = await handle(justNow('codepipeline-execution-succeeded'));

    // Assess
    expect([first, second]).toEqual(['sent', 'duplicate']);
    expect(alexa.notifications()).toHaveLength(1);
    expect(await journal.takeUntoldOutcomes({ userId: ALICE })).toHaveLength(1);
  });

  it('tells the person of a rollback deployment that was stopped, and urgently of a failure', async () => {
    // Prepare
    await journal.recordStarted(started({ kind: 'rollback', executionId: undefined, deploymentId: 'd-987654321', pipeline: undefined }));
    await journal.recordStarted(started({ executionId: '01234567-0123-0123-0123-012345678901' }));
    const handle = notifier();

    // Act
    await handle(justNow('codedeploy-deployment-stop'));
    await handle(justNow('codepipeline-execution-failed'));

    // Assess
    expect(alexa.notifications().map((n) => [n.text, n.urgent])).toEqual([
      ['Release captain: your rollback of checkout in production was stopped', false],
      ['Release captain: your release of checkout to production failed', true],
    ]);
  });

  it('sends nothing to someone who turned notifications off, and still keeps the outcome for their launch', async () => {
    // Prepare
    await journal.recordStarted(started());
    await journal.recordSubscription(ALICE, { subscribed: false, changedAt: new Date('2026-11-01T00:00:00Z') });

    // Act
    const outcome = await notifier()(justNow('codepipeline-execution-succeeded'));

    // Assess
    expect(outcome).toBe('unsubscribed');
    expect(alexa.requests()).toEqual([]);
    expect(await journal.takeUntoldOutcomes({ userId: ALICE })).toHaveLength(1);
  });

  it('logs a refusal when Alexa says the user is not subscribed, without retrying', async () => {
    // Prepare
    const bob = 'amzn1.ask.account.BOB';
    await journal.recordStarted(started({ startedBy: { userId: bob } }));

    // Act
    const outcome = await notifier()(justNow('codepipeline-execution-succeeded'));

    // Assess
    expect(outcome).toBe('refused');
    expect(alexa.requests().map((r) => `${r.endpoint} ${r.status}`)).toEqual(['token 200', 'events 403']);
    expect(logs.find((l) => l.event === 'notify.refused')?.fields).toMatchObject({ userId: bob, status: 403 });
    expect(await journal.takeUntoldOutcomes({ userId: bob })).toHaveLength(1);
  });

  it('only keeps the outcome when notifications are not configured', async () => {
    // Prepare
    await journal.recordStarted(started());

    // Act
    const outcome = await notifier(withoutNotifications)(justNow('codepipeline-execution-succeeded'));

    // Assess
    expect(outcome).toBe('kept');
    expect(alexa.requests()).toEqual([]);
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(0);
    expect(await journal.takeUntoldOutcomes({ userId: ALICE })).toHaveLength(1);
  });

  it('logs rejected client credentials clearly, swallows them (no Lambda retry), and does not ask again for the next events', async () => {
    // Prepare
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: JSON.stringify({ clientId: LOCAL_CLIENT_ID, clientSecret: 'wrong-secret' }) } });
    await journal.recordStarted(started());
    await journal.recordStarted(started({ executionId: '01234567-0123-0123-0123-012345678901' }));
    const handle = notifier();

    // Act
    const first = await handle(justNow('codepipeline-execution-succeeded'));
    const second = await handle(justNow('codepipeline-execution-failed'));

    // Assess
    expect([first, second]).toEqual(['failed', 'failed']);
    expect(alexa.requests()).toEqual([{ endpoint: 'token', status: 401 }]);
    const failed = logs.filter((l) => l.event === 'notify.failed');
    expect(failed.map((l) => l.fields.code)).toEqual(['ALEXA_CREDENTIALS_REJECTED', 'ALEXA_CREDENTIALS_REJECTED']);
    expect(JSON.stringify(logs)).not.toContain('wrong-secret');
    expect(await journal.takeUntoldOutcomes({ userId: ALICE })).toHaveLength(2);
  });

  it('throws when Alexa keeps throttling, so that Lambda retries later, with the outcome kept once', async () => {
    // Prepare
    await journal.recordStarted(started());
    alexa.script('events', { status: 429 }, { status: 429 }, { status: 429 });
    const handle = notifier();

    // Act
    const thrown = await handle(justNow('codepipeline-execution-succeeded')).catch((e: unknown) => e);
    const retried = await handle(justNow('codepipeline-execution-succeeded'));

    // Assess
    expect(thrown).toMatchObject({ code: 'ALEXA_THROTTLED', retryable: true });
    expect(retried).toBe('sent');
    expect(alexa.notifications()).toHaveLength(1);
    expect(await journal.takeUntoldOutcomes({ userId: ALICE })).toHaveLength(1);
  });

  it('ignores events that are no release end without touching the table', async () => {
    // Prepare
    aws.clearCalls();

    // Act
    const outcomes = await Promise.all([
      notifier()(eventFixture('codepipeline-execution-started')),
      notifier()(withDetail(eventFixture('codedeploy-deployment-success'), { state: 'START' })),
    ]);

    // Assess
    expect(outcomes).toEqual(['not-a-release-end', 'not-a-release-end']);
    expect(aws.calls()).toEqual([]);
  });
});
