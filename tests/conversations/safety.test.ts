import { testPinHash } from '../support/release-code';
import { MemoryStateStore } from '../../lambda/src/adapters/state/memory-state-store.adapter';
import { Conversation, directive, spoken } from '../support/conversation';
import { ALLOWED_USER, intent, intentRequest, slot } from '../support/envelopes';
import { deployment } from '../support/fake-release-ports';
import { testSkill } from '../support/test-skill';

const ALICE = 'amzn1.ask.person.ALICE';
const BOB = 'amzn1.ask.account.BOB';
const ADMIN = 'amzn1.ask.account.ADMIN';
const CHECKOUT_PROD = { service: ['checkout', 'checkout'] as [string, string], environment: ['prod', 'production'] as [string, string] };
const CHECKOUT_STAGING = { service: ['checkout', 'checkout'] as [string, string], environment: ['staging', 'staging'] as [string, string] };
const PIN_HASH = testPinHash('4711');

const teamConfig = {
  allowedUsers: [ALLOWED_USER, BOB],
  admins: [ADMIN],
  people: { [ALICE]: 'Alice', [BOB]: 'Bob' },
  policies: { production: { allowedUsers: [ALICE, ALLOWED_USER] } },
};

describe('who may change which environment', () => {
  it('lets every allowed user push staging but only named people push production', async () => {
    const { skill, mutations } = testSkill(teamConfig);

    const bobProd = new Conversation(skill, { userId: BOB });
    expect(await bobProd.ask('DeployIntent', CHECKOUT_PROD)).toBe("Sorry, you're not on the list of people who may change production. Nothing was changed.");

    const bobStaging = new Conversation(skill, { userId: BOB });
    expect(await bobStaging.ask('DeployIntent', CHECKOUT_STAGING)).toMatch(/^This starts the checkout-staging pipeline/);
    expect(mutations()).toEqual([]);
  });

  it('lets an admin push anywhere', async () => {
    const talk = new Conversation(testSkill(teamConfig).skill, { userId: ADMIN });
    expect(await talk.ask('DeployIntent', CHECKOUT_PROD)).toMatch(/^This starts the checkout-prod pipeline/);
  });
});

describe('locks', () => {
  it('says who holds a lock and since when, and keeps everyone else from releasing', async () => {
    const { skill, mutations, logs } = testSkill(teamConfig);
    const alice = new Conversation(skill, { userId: 'amzn1.ask.account.HOUSEHOLD', personId: ALICE });
    expect(await alice.ask('LockIntent', { environment: ['prod', 'production'] })).toBe('Done: production is locked. Nobody else can push or roll it back until you unlock it.');

    const other = new Conversation(skill);
    expect(await other.ask('DeployIntent', CHECKOUT_PROD)).toBe('production is locked by Alice since just now. I won\'t change it until they unlock it. Nothing was changed.');
    const otherRollback = new Conversation(skill);
    expect(await otherRollback.ask('RollbackIntent', CHECKOUT_PROD)).toMatch(/^production is locked by Alice/);
    expect(await new Conversation(skill).ask('UnlockIntent', { environment: ['production', 'production'] }))
      .toBe('production is locked by Alice since just now. Only they or an admin can unlock it.');

    const aliceAgain = new Conversation(skill, { userId: 'amzn1.ask.account.HOUSEHOLD', personId: ALICE });
    expect(await aliceAgain.ask('DeployIntent', CHECKOUT_PROD)).toMatch(/^This starts the checkout-prod pipeline/);
    expect(mutations()).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.deploy', fields: expect.objectContaining({ outcome: 'refused-locked', lockHolder: ALICE }) }));
  });

  it('lets the holder or an admin unlock, and then others release again', async () => {
    const { skill } = testSkill(teamConfig);
    await new Conversation(skill).ask('LockIntent', { environment: ['production', 'production'] });

    expect(await new Conversation(skill, { userId: ADMIN }).ask('UnlockIntent', { environment: ['prod', 'production'] })).toBe('Done: production is unlocked.');
    expect(await new Conversation(skill, { userId: ADMIN }).ask('UnlockIntent', { environment: ['prod', 'production'] })).toBe("production isn't locked.");
    expect(await new Conversation(skill, { personId: ALICE, userId: 'amzn1.ask.account.HOUSEHOLD' }).ask('DeployIntent', CHECKOUT_PROD)).toMatch(/^This starts/);
  });

  it.each([
    ['LockIntent', 'lock', 'Done: production is locked. Nobody else can push or roll it back until you unlock it.'],
    ['UnlockIntent', 'unlock', "production isn't locked."],
  ])('asks which environment when %s comes without one, with a directive Alexa accepts, and acts on the answer', async (name, verb, done) => {
    const { skill } = testSkill(teamConfig);
    const talk = new Conversation(skill);

    // As Alexa sends a bare "lock": the intent with its one slot, empty. Conversation.send refuses what Alexa would.
    const asked = await talk.send({ type: 'IntentRequest', dialogState: 'STARTED', intent: intent(name, { environment: slot('environment', undefined) }) });

    expect(asked).toBe(`Which environment should I ${verb}: production or staging?`);
    const elicit = directive(talk.last, 'Dialog.ElicitSlot');
    expect({ slotToElicit: elicit?.slotToElicit, name: elicit?.updatedIntent?.name, slots: Object.keys(elicit?.updatedIntent?.slots ?? {}) })
      .toEqual({ slotToElicit: 'environment', name, slots: ['environment'] });
    expect(await talk.fill('production', 'production')).toBe(done);
  });

  it('gives a lock to exactly one of two people locking at once', async () => {
    const store = new MemoryStateStore();
    const { skill } = testSkill(teamConfig, { store });

    const answers = await Promise.all([
      new Conversation(skill).ask('LockIntent', { environment: ['production', 'production'] }),
      new Conversation(skill, { userId: 'amzn1.ask.account.HOUSEHOLD', personId: ALICE }).ask('LockIntent', { environment: ['production', 'production'] }),
    ]);

    expect(answers.filter((a) => a.startsWith('Done: production is locked'))).toHaveLength(1);
    expect(answers.filter((a) => a.startsWith('production is already locked by'))).toHaveLength(1);
  });
});

describe('deploy freezes', () => {
  // 2026-11-27 is a Friday; 16:00 in Berlin.
  const fridayAfternoon = () => new Date('2026-11-27T15:00:00Z');
  const frozen = {
    ...teamConfig,
    timeZone: 'Europe/Berlin',
    policies: { production: { freezes: [{ days: ['fri'], from: '15:00', to: '24:00', reason: 'no production deploys on Friday afternoon' }] } },
  };

  it('refuses a deploy during a freeze, with the reason', async () => {
    const { skill, mutations } = testSkill(frozen, { now: fridayAfternoon });

    const answer = await new Conversation(skill).ask('DeployIntent', CHECKOUT_PROD);

    expect(answer).toBe('production is frozen right now: no production deploys on Friday afternoon. Nothing was changed. An admin can override the freeze.');
    expect(mutations()).toEqual([]);
  });

  it('lets an admin override, with a second confirmation after the read-back', async () => {
    const { skill, pipelines, logs } = testSkill(frozen, { now: fridayAfternoon });
    const admin = new Conversation(skill, { userId: ADMIN });

    expect(await admin.ask('DeployIntent', CHECKOUT_PROD)).toBe("production is frozen right now: no production deploys on Friday afternoon. You're an admin: do you want to override the freeze for this release?");
    expect(await admin.yes()).toMatch(/^This starts the checkout-prod pipeline.*Shall I push checkout to production\?$/);
    expect(pipelines.calls.filter((c) => c.op === 'start')).toEqual([]);
    expect(await admin.yes()).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.deploy', fields: expect.objectContaining({ outcome: 'freeze-overridden', userId: ADMIN }) }));
  });

  it('starts nothing when the admin declines the override', async () => {
    const { skill, mutations } = testSkill(frozen, { now: fridayAfternoon });
    const admin = new Conversation(skill, { userId: ADMIN });
    await admin.ask('DeployIntent', CHECKOUT_PROD);

    expect(await admin.no()).toBe("Okay, I won't push checkout in production. Nothing was changed.");
    expect(mutations()).toEqual([]);
  });

  it('still lets people roll back during a freeze', async () => {
    const { skill, deployments } = testSkill(frozen, { now: fridayAfternoon });
    deployments.deployments.set('checkout-prod', [deployment('d-A', 'Succeeded', 60, 'aaaa'), deployment('d-B', 'Succeeded', 600, 'bbbb')]);

    expect(await new Conversation(skill).ask('RollbackIntent', CHECKOUT_PROD)).toMatch(/Shall I roll back checkout in production\?$/);
  });
});

describe('rolling back a rollback', () => {
  it('needs a second yes', async () => {
    const { skill, deployments, mutations } = testSkill();
    deployments.deployments.set('checkout-prod', [deployment('d-RB', 'Succeeded', 10, 'v1v1v1v1', true), deployment('d-BAD', 'Succeeded', 20, 'v2v2v2v2'), deployment('d-V1', 'Succeeded', 90, 'v1v1v1v1')]);
    const talk = new Conversation(skill);
    await talk.ask('RollbackIntent', CHECKOUT_PROD);

    expect(await talk.yes()).toBe('Just to be sure: this undoes a rollback of checkout in production and puts back a version that was rolled back before. Roll back anyway?');
    expect(mutations()).toEqual([]);
    expect(await talk.yes()).toMatch(/^Done: a rollback deployment has started/);
    expect(mutations().map((m) => m.op)).toEqual(['redeploy']);
  });
});

describe('the spoken release code', () => {
  const withPin = { policies: { production: { requirePin: true } }, pin: { hash: PIN_HASH, maxAttempts: 3, lockoutMinutes: 15 } };

  it('asks for the code after the yes and acts only on the right one', async () => {
    const { skill, mutations, logs } = testSkill(withPin);
    const talk = new Conversation(skill);
    await talk.ask('DeployIntent', CHECKOUT_PROD);

    expect(await talk.yes()).toBe('Please say your four-digit release code.');
    expect(directive(talk.last, 'Dialog.ElicitSlot')?.slotToElicit).toBe('pin');
    expect(await talk.fill('1234')).toBe("That code isn't right. 2 tries left. Please say your four-digit release code.");
    expect(mutations()).toEqual([]);
    expect(await talk.fill('4711')).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(mutations().map((m) => m.op)).toEqual(['start']);
    expect(JSON.stringify(logs)).not.toMatch(/4711|1234/);
  });

  it('locks a person out after three wrong codes, across sessions, until the lockout ends', async () => {
    let now = new Date('2026-11-26T10:00:00Z');
    const store = new MemoryStateStore(() => now);
    const { skill, mutations } = testSkill(withPin, { store, now: () => now });
    const talk = new Conversation(skill);
    await talk.ask('DeployIntent', CHECKOUT_PROD);
    await talk.yes();
    await talk.fill('0000');
    await talk.fill('1111');
    expect(await talk.fill('2222')).toBe("Too many wrong codes. I won't take a code from you until 10:15 AM. Nothing was changed.");

    const again = new Conversation(testSkill(withPin, { store, now: () => now }).skill);
    await again.ask('DeployIntent', CHECKOUT_PROD);
    await again.yes();
    expect(await again.fill('4711')).toMatch(/^Too many wrong codes/);
    expect(mutations()).toEqual([]);

    now = new Date('2026-11-26T10:16:00Z');
    const later = new Conversation(skill);
    await later.ask('DeployIntent', CHECKOUT_PROD);
    await later.yes();
    expect(await later.fill('4711')).toMatch(/^Done/);
  });

  it('is not asked for environments whose policy does not require it', async () => {
    const talk = new Conversation(testSkill(withPin).skill);
    await talk.ask('DeployIntent', CHECKOUT_STAGING);
    expect(await talk.yes()).toMatch(/^Done/);
  });
});

describe('status and locks', () => {
  it('mentions who holds the lock on the environment', async () => {
    const { skill } = testSkill(teamConfig);
    await new Conversation(skill, { userId: 'amzn1.ask.account.HOUSEHOLD', personId: ALICE }).ask('LockIntent', { environment: ['production', 'production'] });

    expect(await new Conversation(skill).ask('StatusIntent', CHECKOUT_PROD)).toMatch(/production is locked by Alice since just now\.$/);
  });
});

describe('a yes without the read-back in the session', () => {
  it('still asks before undoing a rollback', async () => {
    const { skill, deployments, mutations } = testSkill();
    deployments.deployments.set('checkout-prod', [deployment('d-RB', 'Succeeded', 10, 'v1v1v1v1', true), deployment('d-BAD', 'Succeeded', 20, 'v2v2v2v2'), deployment('d-V1', 'Succeeded', 90, 'v1v1v1v1')]);
    const oneShot = intentRequest(intent('RollbackIntent', { service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'prod', 'production') }, 'CONFIRMED'), {}, 'IN_PROGRESS');

    const response = await skill.invoke(oneShot);

    expect(spoken(response)).toContain('itself a rollback; rolling back puts back');
    expect(directive(response, 'Dialog.ConfirmIntent')).toBeDefined();
    expect(mutations()).toEqual([]);
  });

  it('reads an ordinary rollback back and asks, rather than acting', async () => {
    const { skill, deployments, mutations } = testSkill();
    deployments.deployments.set('checkout-prod', [deployment('d-A', 'Succeeded', 60, 'aaaa'), deployment('d-B', 'Succeeded', 600, 'bbbb')]);
    const oneShot = intentRequest(intent('RollbackIntent', { service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'prod', 'production') }, 'CONFIRMED'), {}, 'IN_PROGRESS');

    const response = await skill.invoke(oneShot);

    expect(directive(response, 'Dialog.ConfirmIntent')).toBeDefined();
    expect(mutations()).toEqual([]);
  });
});

describe('reading the lock and what would ship at once', () => {
  const lockedAlone = () => new Error('the lock was read on its own, before the pipeline');

  /** A store whose reads wait (up to a second) for the pipeline's history to be asked for: a sequential deploy fails. */
  function storeWaitingForThePipeline(pipelineAsked: Promise<void>): MemoryStateStore {
    return new class extends MemoryStateStore {
      override async get<T>(key: string) {
        await Promise.race([pipelineAsked, new Promise((_, fail) => setTimeout(() => fail(lockedAlone()), 1000))]);
        return super.get<T>(key);
      }
    }();
  }

  it('asks for the pipeline\'s history while it reads the lock, and starts only after both', async () => {
    // Prepare
    let asked!: () => void;
    const pipelineAsked = new Promise<void>((resolve) => { asked = resolve; });
    const { skill, pipelines, mutations } = testSkill(teamConfig, { store: storeWaitingForThePipeline(pipelineAsked) });
    const recentExecutions = pipelines.recentExecutions.bind(pipelines);
    pipelines.recentExecutions = (...args) => {
      asked();
      return recentExecutions(...args);
    };
    const talk = new Conversation(skill);

    // Act
    const readBack = await talk.ask('DeployIntent', CHECKOUT_PROD);
    const done = await talk.yes();

    // Assess
    expect(readBack).toMatch(/^This starts the checkout-prod pipeline/);
    expect(done).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(mutations().map((call) => call.op)).toEqual(['start']);
  });

  it('reads nothing of the pipeline for someone who may not change the environment', async () => {
    // Prepare
    const { skill, pipelines } = testSkill(teamConfig);

    // Act
    await new Conversation(skill, { userId: BOB }).ask('DeployIntent', CHECKOUT_PROD);

    // Assess
    expect(pipelines.calls).toEqual([]);
  });

  it('drops the pipeline\'s answer, failure included, when the lock refuses', async () => {
    // Prepare
    const { skill, pipelines, mutations } = testSkill(teamConfig);
    await new Conversation(skill, { userId: 'amzn1.ask.account.HOUSEHOLD', personId: ALICE }).ask('LockIntent', { environment: ['prod', 'production'] });
    pipelines.failure.recentExecutions = Object.assign(new Error('pipeline not found'), { name: 'PipelineNotFoundException' });
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);

    try {
      // Act
      const answer = await new Conversation(skill).ask('DeployIntent', CHECKOUT_PROD);
      await new Promise((resolve) => setImmediate(resolve));

      // Assess
      expect(answer).toBe('production is locked by Alice since just now. I won\'t change it until they unlock it. Nothing was changed.');
      expect(unhandled).not.toHaveBeenCalled();
      expect(mutations()).toEqual([]);
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
