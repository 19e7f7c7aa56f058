import type { PipelineExecution } from '../../lambda/src/domain/release';
import { Conversation } from '../support/conversation';
import { ALLOWED_USER } from '../support/envelopes';
import { execution, MUTATING } from '../support/fake-release-ports';
import { TEST_CONFIG, testSkill } from '../support/test-skill';

const ADMIN = 'amzn1.ask.account.ADMIN';
const BOB = 'amzn1.ask.account.BOB';
const CHECKOUT_PROD = { service: ['checkout', 'checkout'] as [string, string], environment: ['prod', 'production'] as [string, string] };
const STAGED = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

function release(id: string, minutesAgo: number, summary: string, commit: string): PipelineExecution {
  return { ...execution(id, 'Succeeded', minutesAgo, summary, 'alice'), revisions: [{ actionName: 'Source', revisionId: commit, summary }] };
}

/** checkout in production promotes from staging after 30 minutes and has an alarm; staging's release is 12 minutes old. */
function gatedSkill(extra: Record<string, unknown> = {}, stagingMinutesAgo = 12) {
  const parts = testSkill({
    allowedUsers: [ALLOWED_USER, ADMIN, BOB],
    admins: [ADMIN],
    people: { [BOB]: 'Bob' },
    services: TEST_CONFIG.services.map((service) => (service.name !== 'checkout' ? service : {
      ...service,
      environments: {
        ...service.environments,
        production: { ...service.environments.production, alarms: ['checkout-5xx'], promoteFrom: { environment: 'staging', bakeMinutes: 30 } },
      },
    })),
    ...extra,
  });
  parts.alarms.set('checkout-5xx', 'OK');
  parts.pipelines.executions.set('checkout-staging', [release('stg-ok', stagingMinutesAgo, 'Fix tax rounding', STAGED)]);
  parts.pipelines.executions.set('checkout-prod', [release('prod-ok', 180, 'Add gift cards', '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432')]);
  return parts;
}

/** Every call the fakes saw that could change something: none may happen for a preview. */
const changes = (parts: ReturnType<typeof gatedSkill>) => [...parts.pipelines.calls, ...parts.deployments.calls].filter((c) => MUTATING.has(c.op));

describe('what would ship', () => {
  it('says what runs, what a promotion would ship, and that its bake time would stop it, changing nothing', async () => {
    // Prepare
    const parts = gatedSkill();
    const talk = new Conversation(parts.skill);

    // Act
    const answer = await talk.ask('PreviewIntent', CHECKOUT_PROD);

    // Assess
    expect(answer).toBe('checkout in production runs Add gift cards, released 3 hours ago. '
      + 'A deploy would ship what ran in staging: Fix tax rounding, which succeeded in staging 12 minutes ago. '
      + 'A deploy would be held up right now. What would ship has 18 minutes of bake time to go in staging. An admin can override that.');
    expect(talk.ended).toBe(true);
    expect(changes(parts)).toEqual([]);
    expect(parts.pipelines.calls.map((c) => c.op).sort()).toEqual(['recentExecutions', 'recentExecutions', 'sourceActions', 'state']);
    expect(talk.last?.sessionAttributes ?? {}).toEqual({});
  });

  it('says nothing would stop a deploy when nothing would', async () => {
    const parts = gatedSkill({}, 120);

    expect(await new Conversation(parts.skill).ask('PreviewIntent', CHECKOUT_PROD)).toMatch(/which succeeded in staging 2 hours ago\. Nothing would stop it right now\.$/);
  });

  it('names every gate in the way: the lock, a freeze, a firing alarm, a running release and a waiting approval', async () => {
    // Prepare: always frozen
    const parts = gatedSkill({ policies: { production: { freezes: [{ from: '00:00', to: '24:00', reason: 'the holidays' }] } } }, 120);
    await new Conversation(parts.skill, { userId: BOB }).ask('LockIntent', { environment: ['production', 'production'] });
    parts.alarms.set('checkout-5xx', 'ALARM', 7);
    parts.pipelines.executions.set('checkout-prod', [execution('prod-run', 'InProgress', 2, 'Rewrite the cart', 'bob'), release('prod-ok', 180, 'Add gift cards', 'ffff')]);
    parts.pipelines.states.set('checkout-prod', { pipeline: 'checkout-prod', stages: [
      { name: 'Approve', status: 'InProgress', waitingApproval: { action: 'ReleaseManager', since: new Date(Date.now() - 40 * 60_000) } },
    ] });

    // Act
    const answer = await new Conversation(parts.skill).ask('PreviewIntent', CHECKOUT_PROD);

    // Assess
    expect(answer).toMatch(/A deploy would ship what ran in staging: Fix tax rounding, which succeeded in staging 2 hours ago\. A deploy would be held up right now\. /);
    expect(answer).toMatch(/held up right now\. production is locked by Bob since just now\. production is frozen right now: the holidays\. An admin can override that\. /);
    expect(answer).toMatch(/ In production, the alarm checkout-5xx is firing\. It went into alarm 7 minutes ago\. An admin can override that\. /);
    expect(answer).toMatch(/ A release is already running, started 2 minutes ago by bob\. The Approve stage waits for a manual approval, asked for 40 minutes ago\.$/);
    expect(changes(parts)).toEqual([]);
  });

  it('without promoteFrom, says a deploy ships whatever is newest in the source', async () => {
    const parts = testSkill();
    parts.pipelines.executions.set('billing-prod', [execution('b-fail', 'Failed', 30, 'Try invoices v2'), release('b-ok', 300, 'Add invoices', 'abcabcabc')]);

    const answer = await new Conversation(parts.skill).ask('PreviewIntent', { service: ['billing', 'billing'], environment: ['prod', 'production'] });

    expect(answer).toBe('billing in production runs Add invoices, released 5 hours ago. '
      + 'A deploy starts the billing-prod pipeline, which ships whatever is newest in its source when it starts; its last release shipped Try invoices v2. '
      + 'Nothing would stop it right now.');
    expect(parts.mutations()).toEqual([]);
  });

  it('tells a person who may not change production that they may not', async () => {
    const parts = gatedSkill({ policies: { production: { allowedUsers: [BOB] } } }, 120);

    expect(await new Conversation(parts.skill).ask('PreviewIntent', CHECKOUT_PROD))
      .toMatch(/A deploy would be held up right now\. You're not on the list of people who may change production\.$/);
  });

  it('asks which environment when none is said, and answers a stranger with the allowlist refusal', async () => {
    const parts = gatedSkill();

    expect(await new Conversation(parts.skill).ask('PreviewIntent', { service: ['checkout', 'checkout'] })).toBe('Where would checkout ship to: production or staging?');
    expect(await new Conversation(parts.skill, { userId: 'amzn1.ask.account.STRANGER' }).ask('PreviewIntent', CHECKOUT_PROD)).toMatch(/not on this skill's list/);
    expect(changes(parts)).toEqual([]);
  });
});
