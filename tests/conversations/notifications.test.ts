import { MemoryStateStore } from '../../lambda/src/adapters/state/memory-state-store.adapter';
import { ReleaseJournal } from '../../lambda/src/domain/release-journal';
import { Conversation } from '../support/conversation';
import { ALLOWED_USER, envelope } from '../support/envelopes';
import { deployment, execution } from '../support/fake-release-ports';
import { testSkill } from '../support/test-skill';

/** What the skill records for the notifier, and the news it leads with when the person comes back. */

const NOTIFICATIONS = { notifications: { clientCredentialsParameter: '/push-to-prod/alexa-client' } };
const NOW = new Date('2026-12-01T12:00:00Z');
const now = () => NOW;

describe('what the skill records for the notifier', () => {
  it('records who started a release once the pipeline has started, keyed by the execution', async () => {
    const { skill, store } = testSkill(NOTIFICATIONS, { now });
    const talk = new Conversation(skill);

    await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] });
    expect(await talk.yes()).toMatch(/^Done/);

    // The fake pipeline's first started execution.
    expect(await new ReleaseJournal(store, now).findStarted({ executionId: 'exec-1-0000-aaaa-bbbb-cccc' })).toMatchObject({
      kind: 'deploy', service: 'checkout', environment: 'production', pipeline: 'checkout-prod', startedBy: { userId: ALLOWED_USER }, locale: 'en-US',
    });
  });

  it('records a rollback by redeployment under the new deployment', async () => {
    const { skill, deployments, store } = testSkill(NOTIFICATIONS, { now });
    deployments.deployments.set('checkout-prod', [deployment('d-A', 'Succeeded', 60, 'aaaa'), deployment('d-B', 'Succeeded', 600, 'bbbb')]);
    const talk = new Conversation(skill);

    await talk.ask('RollbackIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] });
    expect(await talk.yes()).toMatch(/^Done: a rollback deployment has started/);

    expect(await new ReleaseJournal(store, now).findStarted({ deploymentId: 'd-ROLLBACK01' })).toMatchObject({ kind: 'rollback', service: 'checkout' });
  });

  it('still says the release started when the record cannot be written, and logs it', async () => {
    const store = new class extends MemoryStateStore {
      override put(): Promise<boolean> { return Promise.reject(new Error('table unavailable')); }
    }(now);
    const { skill, pipelines, logs } = testSkill(NOTIFICATIONS, { now, store });
    pipelines.executions.set('checkout-prod', [execution('ex-1', 'Succeeded', 600)]);
    const talk = new Conversation(skill);

    await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] });

    expect(await talk.yes()).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'journal.start-not-recorded', level: 'warn' }));
  });

  it('records nothing where notifications are not configured: nothing would read it', async () => {
    const { skill, store } = testSkill({}, { now });
    const talk = new Conversation(skill);

    await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] });
    expect(await talk.yes()).toMatch(/^Done/);

    expect(await new ReleaseJournal(store, now).findStarted({ executionId: 'exec-1-0000-aaaa-bbbb-cccc' })).toBeUndefined();
  });
});

describe('the news at the next launch', () => {
  async function finishedRelease(store: MemoryStateStore) {
    const journal = new ReleaseJournal(store, now);
    await journal.recordStarted({ kind: 'deploy', service: 'checkout', environment: 'production', pipeline: 'checkout-prod', executionId: 'ex-42', startedBy: { userId: ALLOWED_USER }, startedAt: new Date(NOW.getTime() - 30 * 60_000) });
    await journal.recordFinished({ executionId: 'ex-42' }, 'succeeded', new Date(NOW.getTime() - 12 * 60_000));
  }

  it('leads with how the person\'s release ended, once', async () => {
    const store = new MemoryStateStore(now);
    await finishedRelease(store);
    const { skill } = testSkill(NOTIFICATIONS, { now, store });

    const first = await new Conversation(skill).launch();
    const second = await new Conversation(skill).launch();

    expect(first).toMatch(/^Your release of checkout to production succeeded .*\. Release captain here/);
    expect(second).toMatch(/^Release captain here/);
  });

  it('tells nobody else', async () => {
    const store = new MemoryStateStore(now);
    await finishedRelease(store);
    const { skill } = testSkill({ ...NOTIFICATIONS, allowedUsers: [ALLOWED_USER, 'amzn1.ask.account.SOMEONE_ELSE'] }, { now, store });

    expect(await new Conversation(skill, { userId: 'amzn1.ask.account.SOMEONE_ELSE' }).launch()).toMatch(/^Release captain here/);
  });

  it('reads nothing at launch where notifications are not configured', async () => {
    const store = new class extends MemoryStateStore {
      reads = 0;
      override get<T>(key: string) { this.reads += 1; return super.get<T>(key); }
    }(now);
    const { skill } = testSkill({}, { now, store });

    expect(await new Conversation(skill).launch()).toMatch(/^Release captain here/);
    expect(store.reads).toBe(0);
  });
});

describe('a subscription change', () => {
  it('is recorded for the notifier and answered without speech', async () => {
    const store = new MemoryStateStore(now);
    const { skill } = testSkill(NOTIFICATIONS, { now, store });
    const request = envelope({ type: 'AlexaSkillEvent.ProactiveSubscriptionChanged', body: { subscriptions: [] } });
    delete (request as { session?: unknown }).session;

    const response = await skill.invoke(request);

    expect(response.response.outputSpeech).toBeUndefined();
    expect(await new ReleaseJournal(store, now).subscription(ALLOWED_USER)).toMatchObject({ subscribed: false });
  });
});
