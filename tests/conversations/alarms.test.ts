import { Conversation, directive } from '../support/conversation';
import { ALLOWED_USER } from '../support/envelopes';
import { deployment, execution } from '../support/fake-release-ports';
import { TEST_CONFIG, testSkill } from '../support/test-skill';

const ADMIN = 'amzn1.ask.account.ADMIN';
const CHECKOUT_PROD = { service: ['checkout', 'checkout'] as [string, string], environment: ['prod', 'production'] as [string, string] };
const ALARMS = ['checkout-5xx', 'checkout-latency'];

/** TEST_CONFIG with alarms on checkout in production, and an admin. */
const alarmed = {
  allowedUsers: [ALLOWED_USER, ADMIN],
  admins: [ADMIN],
  services: TEST_CONFIG.services.map((service) => (service.name !== 'checkout' ? service : {
    ...service,
    environments: { ...service.environments, production: { ...service.environments.production, alarms: ALARMS } },
  })),
};

/** The skill with both alarms in OK, and a last release of checkout in production. */
function alarmedSkill() {
  const parts = testSkill(alarmed);
  for (const name of ALARMS) parts.alarms.set(name, 'OK');
  parts.pipelines.executions.set('checkout-prod', [execution('e-last-1', 'Succeeded', 90, 'Add gift cards', 'alice')]);
  return parts;
}

describe('the alarm gate', () => {
  it('refuses a deploy while an alarm fires, naming it and since when, and starts nothing', async () => {
    // Prepare
    const { skill, alarms, mutations, logs } = alarmedSkill();
    alarms.set('checkout-5xx', 'ALARM', 12);

    // Act
    const answer = await new Conversation(skill).ask('DeployIntent', CHECKOUT_PROD);

    // Assess
    expect(answer).toBe("I won't push to production while the alarm checkout-5xx is firing. It went into alarm 12 minutes ago. Nothing was changed. If this release is the fix, an admin can override the alarm.");
    expect(alarms.calls.map((c) => c.args[0])).toEqual([{ names: ALARMS, region: 'eu-west-1' }]);
    expect(mutations()).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.deploy', fields: expect.objectContaining({ outcome: 'refused-alarm', alarms: ['checkout-5xx'] }) }));
  });

  it('lets a deploy through while the alarms are OK or lack data', async () => {
    const { skill, alarms } = alarmedSkill();
    alarms.set('checkout-latency', 'INSUFFICIENT_DATA');
    const talk = new Conversation(skill);

    expect(await talk.ask('DeployIntent', CHECKOUT_PROD)).toMatch(/^This starts the checkout-prod pipeline/);
    expect(await talk.yes()).toMatch(/^Done: the checkout-prod pipeline has started/);
  });

  it('refuses at the yes when an alarm started firing after the read-back', async () => {
    const { skill, alarms, mutations } = alarmedSkill();
    const talk = new Conversation(skill);
    await talk.ask('DeployIntent', CHECKOUT_PROD);
    alarms.set('checkout-latency', 'ALARM', 0);

    expect(await talk.yes()).toMatch(/^I won't push to production while the alarm checkout-latency is firing\. It went into alarm just now\./);
    expect(mutations()).toEqual([]);
  });

  it('lets an admin override, with a yes to the override and another to the read-back', async () => {
    // Prepare
    const { skill, alarms, pipelines, logs } = alarmedSkill();
    alarms.set('checkout-5xx', 'ALARM', 12);
    alarms.set('checkout-latency', 'ALARM', 3);
    const admin = new Conversation(skill, { userId: ADMIN });

    // Act, Assess
    expect(await admin.ask('DeployIntent', CHECKOUT_PROD)).toBe("In production, the alarms checkout-5xx and checkout-latency are firing; checkout-5xx went into alarm first, 12 minutes ago. You're an admin: do you want to push anyway?");
    expect(directive(admin.last, 'Dialog.ConfirmIntent')).toBeDefined();
    expect(await admin.yes()).toMatch(/^This starts the checkout-prod pipeline.*Shall I push checkout to production\?$/);
    expect(pipelines.calls.filter((c) => c.op === 'start')).toEqual([]);
    expect(await admin.yes()).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(pipelines.calls.filter((c) => c.op === 'start')).toHaveLength(1);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.deploy', fields: expect.objectContaining({ outcome: 'alarm-overridden', userId: ADMIN, alarms: ['checkout-5xx', 'checkout-latency'] }) }));
  });

  it('starts nothing when the admin declines the override', async () => {
    const { skill, alarms, mutations } = alarmedSkill();
    alarms.set('checkout-5xx', 'ALARM', 12);
    const admin = new Conversation(skill, { userId: ADMIN });
    await admin.ask('DeployIntent', CHECKOUT_PROD);

    expect(await admin.no()).toBe("Okay, I won't push checkout in production. Nothing was changed.");
    expect(mutations()).toEqual([]);
  });

  it('asks again when another alarm fires between the override and the read-back', async () => {
    const { skill, alarms, mutations } = alarmedSkill();
    alarms.set('checkout-5xx', 'ALARM', 12);
    const admin = new Conversation(skill, { userId: ADMIN });
    await admin.ask('DeployIntent', CHECKOUT_PROD);
    await admin.yes();
    alarms.set('checkout-latency', 'ALARM', 0);

    expect(await admin.yes()).toBe("In production, the alarms checkout-5xx and checkout-latency are firing; checkout-5xx went into alarm first, 12 minutes ago. You're an admin: do you want to push anyway?");
    expect(mutations()).toEqual([]);
  });

  it('refuses everyone, admins too, when a configured alarm does not exist', async () => {
    const { skill, alarms, mutations } = alarmedSkill();
    alarms.alarms.delete('checkout-latency');

    const answer = await new Conversation(skill, { userId: ADMIN }).ask('DeployIntent', CHECKOUT_PROD);

    expect(answer).toBe("I can't find the alarm checkout-latency in CloudWatch, so I can't tell whether production is healthy, and I won't push it. Nothing was changed. Check the alarm names in the skill's configuration.");
    expect(mutations()).toEqual([]);
  });

  it('never reads alarms for an environment without any', async () => {
    const { skill, alarms } = alarmedSkill();

    await new Conversation(skill).ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['staging', 'staging'] });
    await new Conversation(skill).ask('StatusIntent', { service: ['checkout', 'checkout'], environment: ['staging', 'staging'] });

    expect(alarms.calls).toEqual([]);
  });

  it('never stands in the way of a rollback, and does not even read the alarms for one', async () => {
    // Prepare
    const { skill, alarms, deployments, mutations } = alarmedSkill();
    alarms.set('checkout-5xx', 'ALARM', 12);
    deployments.deployments.set('checkout-prod', [deployment('d-BAD', 'Succeeded', 15, 'bad0bad0'), deployment('d-GOOD', 'Succeeded', 600, 'good1234')]);
    const talk = new Conversation(skill);

    // Act
    const question = await talk.ask('RollbackIntent', CHECKOUT_PROD);
    const done = await talk.yes();

    // Assess
    expect(question).toMatch(/Shall I roll back checkout in production\?$/);
    expect(done).toMatch(/^Done: a rollback deployment has started/);
    expect(mutations().map((c) => c.op)).toEqual(['redeploy']);
    expect(alarms.calls).toEqual([]);
  });
});

describe('the status answer with alarms', () => {
  it('says which alarm fires and suggests rolling back when it began after the latest release', async () => {
    const { skill, alarms, mutations } = alarmedSkill();
    alarms.set('checkout-5xx', 'ALARM', 30);

    const answer = await new Conversation(skill).ask('StatusIntent', CHECKOUT_PROD);

    expect(answer).toBe('The latest release of checkout in production, Add gift cards, succeeded. It was started 2 hours ago by alice. '
      + 'CodeDeploy has no deployments for checkout in production yet. '
      + 'Watch out: in production, the alarm checkout-5xx is firing. It went into alarm 30 minutes ago. It started after the latest release. To put the previous version back, say roll back checkout.');
    expect(mutations()).toEqual([]);
  });

  it('still suggests a rollback, less surely, when the alarm was firing before the latest release', async () => {
    const { skill, alarms } = alarmedSkill();
    alarms.set('checkout-5xx', 'ALARM', 180);

    const answer = await new Conversation(skill).ask('StatusIntent', CHECKOUT_PROD);

    expect(answer).toMatch(/the alarm checkout-5xx is firing\. It went into alarm 3 hours ago\. If the latest release caused it, say roll back checkout\.$/);
  });

  it('says nothing about alarms that are quiet, and names one it cannot find', async () => {
    const { skill, alarms } = alarmedSkill();

    expect(await new Conversation(skill).ask('StatusIntent', CHECKOUT_PROD)).not.toMatch(/alarm/);
    alarms.alarms.delete('checkout-5xx');
    expect(await new Conversation(skill).ask('StatusIntent', CHECKOUT_PROD)).toMatch(/I can't find the alarm checkout-5xx in CloudWatch\.$/);
  });
});
