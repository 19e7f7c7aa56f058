import type { PipelineExecution } from '../../lambda/src/domain/release';
import { Conversation } from '../support/conversation';
import { ALLOWED_USER } from '../support/envelopes';
import { execution } from '../support/fake-release-ports';
import { TEST_CONFIG, testSkill } from '../support/test-skill';

const ADMIN = 'amzn1.ask.account.ADMIN';
const CHECKOUT_PROD = { service: ['checkout', 'checkout'] as [string, string], environment: ['prod', 'production'] as [string, string] };

/** TEST_CONFIG where checkout in production ships what succeeded in staging, after 30 minutes there. */
const promoted = (extra: Record<string, unknown> = {}) => ({
  allowedUsers: [ALLOWED_USER, ADMIN],
  admins: [ADMIN],
  services: TEST_CONFIG.services.map((service) => (service.name !== 'checkout' ? service : {
    ...service,
    environments: {
      ...service.environments,
      production: { ...service.environments.production, promoteFrom: { environment: 'staging', bakeMinutes: 30 }, ...extra },
    },
  })),
});

/** A succeeded release of one commit. */
function release(id: string, minutesAgo: number, summary: string, commit: string): PipelineExecution {
  return { ...execution(id, 'Succeeded', minutesAgo, summary, 'alice'), revisions: [{ actionName: 'Source', revisionId: commit, summary }] };
}

const STAGED = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const RUNNING = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';

function promotedSkill(stagingMinutesAgo = 120, extra: Record<string, unknown> = {}) {
  const parts = testSkill(promoted(extra));
  parts.pipelines.executions.set('checkout-staging', [
    execution('stg-fail', 'Failed', 10, 'Try the new cart'),
    release('stg-ok', stagingMinutesAgo, 'Fix tax rounding\n\nRound per line, not per order.', STAGED),
  ]);
  parts.pipelines.executions.set('checkout-prod', [release('prod-ok', 24 * 60, 'Add gift cards', RUNNING)]);
  return parts;
}

describe('staging first', () => {
  it('reads back what staging ran and ships exactly those revisions on a yes', async () => {
    // Prepare
    const { skill, pipelines, logs } = promotedSkill();
    const talk = new Conversation(skill);

    // Act
    const question = await talk.ask('DeployIntent', CHECKOUT_PROD);
    const done = await talk.yes();

    // Assess
    // The fake executions are placed relative to the real clock, so the time of day is matched by shape: computing it
    // here again could fall on the other side of a minute than the skill's.
    expect(question).toMatch(new RegExp('^This ships Fix tax rounding, which succeeded in staging 2 hours ago; '
      + 'production runs Add gift cards, released yesterday at (1[0-2]|[1-9])(:[0-5][0-9])? (AM|PM)\\. '
      + 'Shall I push checkout to production\\?$'));
    expect(done).toMatch(/^Done: the checkout-prod pipeline has started/);
    const [start] = pipelines.calls.filter((c) => c.op === 'start');
    expect(start?.args[2]).toEqual([{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: STAGED }]);
    expect(pipelines.calls.filter((c) => c.op === 'sourceActions').map((c) => c.args[0])).toEqual([
      { name: 'checkout-prod', region: 'eu-west-1' }, { name: 'checkout-prod', region: 'eu-west-1' },
    ]);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.deploy', fields: expect.objectContaining({
      outcome: 'started', promotedFrom: 'stg-ok', sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: STAGED }],
    }) }));
  });

  it('refuses while staging\'s release has not baked, saying how many minutes are left', async () => {
    const { skill, mutations, logs } = promotedSkill(12);

    const answer = await new Conversation(skill).ask('DeployIntent', CHECKOUT_PROD);

    expect(answer).toBe('production gets only what has run in staging for 30 minutes. What would ship, Fix tax rounding, which succeeded in staging 12 minutes ago, has 18 minutes to go. Nothing was changed. An admin can override the bake time.');
    expect(mutations()).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.deploy', fields: expect.objectContaining({ outcome: 'refused-baking', minutesLeft: 18, sourceExecutionId: 'stg-ok' }) }));
  });

  it('lets an admin ship before the bake time is up, with a yes of its own before the read-back', async () => {
    const { skill, pipelines, logs } = promotedSkill(12);
    const admin = new Conversation(skill, { userId: ADMIN });

    expect(await admin.ask('DeployIntent', CHECKOUT_PROD)).toMatch(/, and Fix tax rounding has 18 minutes to go\. You're an admin: do you want to ship it before it has baked\?$/);
    expect(await admin.yes()).toMatch(/^This ships Fix tax rounding, which succeeded in staging/);
    expect(pipelines.calls.filter((c) => c.op === 'start')).toEqual([]);
    expect(await admin.yes()).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.deploy', fields: expect.objectContaining({ outcome: 'bake-overridden', userId: ADMIN }) }));
  });

  it('ships nothing when staging\'s latest success changed between the read-back and the yes, and reads back the new one', async () => {
    // Prepare
    const { skill, pipelines, mutations } = promotedSkill();
    const talk = new Conversation(skill);
    await talk.ask('DeployIntent', CHECKOUT_PROD);
    pipelines.executions.set('checkout-staging', [release('stg-new', 45, 'Cache exchange rates', 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00'), release('stg-ok', 120, 'Fix tax rounding', STAGED)]);

    // Act
    const answer = await talk.yes();

    // Assess
    expect(answer).toMatch(/^This ships Cache exchange rates, which succeeded in staging 45 minutes ago; .* That changed, so I did nothing yet: shall I push/);
    expect(mutations()).toEqual([]);
    expect(await talk.yes()).toMatch(/^Done/);
    expect(pipelines.calls.filter((c) => c.op === 'start')[0]?.args[2]).toEqual([{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00' }]);
  });

  it('says so when production already runs what staging ran', async () => {
    const { skill, pipelines } = promotedSkill();
    pipelines.executions.set('checkout-prod', [release('prod-same', 60, 'Fix tax rounding', STAGED)]);

    expect(await new Conversation(skill).ask('DeployIntent', CHECKOUT_PROD)).toMatch(/; production already runs it, so this releases it again\. Shall I/);
  });

  it('refuses when staging has no successful release', async () => {
    const { skill, pipelines, mutations } = promotedSkill();
    pipelines.executions.set('checkout-staging', [execution('stg-fail', 'Failed', 10)]);

    expect(await new Conversation(skill).ask('DeployIntent', CHECKOUT_PROD))
      .toBe('checkout in production ships only what succeeded in staging, and staging has no successful release to ship. Nothing was changed.');
    expect(mutations()).toEqual([]);
  });

  it('refuses, naming the action, when the two pipelines name their source actions differently', async () => {
    const { skill, pipelines, mutations } = promotedSkill();
    pipelines.sources.set('checkout-prod', [{ name: 'App', provider: 'CodeStarSourceConnection', revisionType: 'COMMIT_ID' }]);

    expect(await new Conversation(skill).ask('DeployIntent', CHECKOUT_PROD))
      .toBe("I can't match the release in staging to the checkout-prod pipeline: the source actions App and Source aren't in both. Both pipelines must name their source actions alike. Nothing was changed.");
    expect(mutations()).toEqual([]);
  });

  it('refuses a source whose provider cannot be told which revision to fetch', async () => {
    const { skill, pipelines, mutations } = promotedSkill();
    pipelines.sources.set('checkout-prod', [{ name: 'Source', provider: 'Bitbucket' }]);

    expect(await new Conversation(skill).ask('DeployIntent', CHECKOUT_PROD))
      .toBe("The source action Source of the checkout-prod pipeline uses Bitbucket, which can't be told which revision to fetch, so I can't ship what ran in staging. Nothing was changed.");
    expect(mutations()).toEqual([]);
  });

  it('asks an admin about a freeze, the alarms and the bake time one after another, then reads back', async () => {
    // 2026-11-27 is a Friday; the freeze covers all of it.
    const friday = new Date('2026-11-27T15:00:00Z');
    const parts = testSkill({
      ...promoted({ alarms: ['checkout-5xx'] }),
      policies: { production: { freezes: [{ days: ['fri'], from: '00:00', to: '24:00', reason: 'release Friday is off' }] } },
    }, { now: () => friday });
    parts.alarms.alarms.set('checkout-5xx', { name: 'checkout-5xx', kind: 'metric', state: 'ALARM', since: new Date(friday.getTime() - 5 * 60_000) });
    parts.pipelines.executions.set('checkout-staging', [{ ...release('stg-ok', 0, 'Fix tax rounding', STAGED), startedAt: new Date(friday.getTime() - 10 * 60_000) }]);
    const admin = new Conversation(parts.skill, { userId: ADMIN });

    expect(await admin.ask('DeployIntent', CHECKOUT_PROD)).toMatch(/^production is frozen right now: release Friday is off\./);
    expect(await admin.yes()).toMatch(/^In production, the alarm checkout-5xx is firing; /);
    expect(await admin.yes()).toMatch(/has 20 minutes to go\. You're an admin: do you want to ship it before it has baked\?$/);
    expect(await admin.yes()).toMatch(/^This ships Fix tax rounding, which succeeded in staging/);
    expect(parts.mutations()).toEqual([]);
    expect(await admin.yes()).toMatch(/^Done/);
    expect(parts.mutations()).toHaveLength(1);
  });
});
