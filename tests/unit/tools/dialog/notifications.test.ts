import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbStateStore } from '../../../../lambda/src/adapters/aws/dynamodb-state-store.adapter';
import { ReleaseJournal } from '../../../../lambda/src/domain/release-journal';
import { silentLogger } from '../../../../lambda/src/logging/logger';
import { LOCAL_USER_ID, startDialog, type DialogSession } from '../../../../tools/dialog/session';
import { ManualClock } from '../../../../tools/local-aws';

/**
 * The simulator with --notify: the real notifier runs on the local AWS's release ends and sends to the loopback Alexa.
 * Which release to tell whom about is what the deploy handler records in the journal; the tests record it here the
 * way the handler does (ReleaseJournal.recordStarted with the started execution), so they need no handler change.
 */
const FIXED_NOW = Date.UTC(2026, 10, 26, 14, 0, 0);
const saved = { ...process.env };
let session: DialogSession;
let clock: ManualClock;

async function journalOf(s: DialogSession): Promise<{ journal: ReleaseJournal; close(): void }> {
  const client = new DynamoDBClient({ region: 'us-east-1', endpoint: s.localAws?.env.AWS_ENDPOINT_URL_DYNAMODB });
  const now = () => new Date(clock.now());
  return { journal: new ReleaseJournal(new DynamoDbStateStore(client, s.config.stateTable as string, now), now), close: () => client.destroy() };
}

afterEach(async () => {
  await session.close();
  process.env = { ...saved };
});

describe('the simulator with notifications', () => {
  it('shows the notification when a release the session started ends', async () => {
    // Prepare
    clock = new ManualClock(FIXED_NOW);
    session = await startDialog({ clock, seed: 7, logger: silentLogger, notifications: true });
    await session.say('push to prod');
    await session.say('yes');
    const started = session.localAws?.store.pipeline('checkout-prod').executions.at(-1);
    // The skill itself recorded who started it, for the notifier.
    const { journal, close } = await journalOf(session);
    expect(await journal.findStarted({ executionId: String(started?.id) })).toMatchObject({ startedBy: { userId: LOCAL_USER_ID } });
    close();

    // Act
    const before = await session.notifications?.poll();
    // The demo's production pipeline waits for a manual approval: someone approves it in the console.
    clock.advance(60_000);
    session.localAws?.store.answerWaitingApprovals('checkout-prod', { status: 'Approved', summary: 'Dashboards are green' });
    clock.advance(60_000);
    const after = await session.notifications?.poll();

    // Assess
    expect(before).toEqual({ runs: [], notifications: [] });
    expect(after?.notifications).toEqual(['Release captain: your release of checkout to production succeeded']);
    expect(after?.runs.map((run) => run.outcome)).toEqual(['not-ours', 'sent']);
    expect(after?.runs[1]?.release).toBe(`checkout-prod execution ${started?.id.slice(0, 8)} succeeded`);
    expect(session.notifications?.running()).toBe(0);
    expect(session.localAws?.calls().filter((c) => c.service === 'ssm').map((c) => c.input)).toEqual([{ Name: '/push-to-prod/alexa-client', WithDecryption: true }]);
  });

  it('says nothing of a release nobody started through the skill', async () => {
    // Prepare
    clock = new ManualClock(FIXED_NOW);
    session = await startDialog({ clock, seed: 7, logger: silentLogger, notifications: true });
    session.localAws?.store.startExecution('billing-prod');

    // Act
    clock.advance(60_000);
    const polled = await session.notifications?.poll();

    // Assess
    expect(polled?.notifications).toEqual([]);
    expect(polled?.runs.every((run) => run.outcome === 'not-ours')).toBe(true);
  });

  it('runs no notifier unless asked to', async () => {
    // Act
    clock = new ManualClock(FIXED_NOW);
    session = await startDialog({ clock, seed: 7, logger: silentLogger });

    // Assess
    expect(session.notifications).toBeUndefined();
    expect(session.localAws?.store.parameter('/push-to-prod/alexa-client')).toBeUndefined();
  });
});
