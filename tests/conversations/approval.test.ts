import { testPinHash } from '../support/release-code';
import { ApprovalNotPendingError, AwsTimeoutError } from '../../lambda/src/domain/errors';
import type { PendingApproval } from '../../lambda/src/domain/release';
import { ReleaseJournal } from '../../lambda/src/domain/release-journal';
import { Conversation, directive } from '../support/conversation';
import { ALLOWED_USER, ECHO_SHOW, intent, slot, STRANGER } from '../support/envelopes';
import { execution } from '../support/fake-release-ports';
import { testSkill, TEST_CONFIG } from '../support/test-skill';

const ADMIN = 'amzn1.ask.account.ADMIN';
const BOB = 'amzn1.ask.account.BOB';
const CHECKOUT_PROD = { service: ['checkout', 'checkout'] as [string, string], environment: ['prod', 'production'] as [string, string] };
const TOKEN = '1c7a9e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d';
const NEWER_TOKEN = '2d8b0f3c-4e5a-4b6c-9d7e-8f9a0b1c2d3e';

/** The test config, with checkout production's approvals answerable by voice. */
function withApprovals(approvals: unknown = true, extra: Record<string, unknown> = {}) {
  const [checkout, ...rest] = TEST_CONFIG.services;
  return {
    ...extra,
    services: [
      { ...checkout, environments: { ...checkout?.environments, production: { ...checkout?.environments.production, approvals } } },
      ...rest,
    ],
  };
}

function waiting(token = TOKEN, minutesAgo = 120, overrides: Partial<PendingApproval> = {}): PendingApproval {
  return {
    stage: 'Approve', action: 'ManualApproval', token,
    since: new Date(Date.now() - minutesAgo * 60_000),
    message: 'Check the canary dashboard before approving.',
    executionId: 'e-wait-1',
    ...overrides,
  };
}

/** A skill whose checkout-prod pipeline waits for approval of bob's release. */
function waitingSkill(config: Record<string, unknown> = withApprovals(), options: Parameters<typeof testSkill>[1] = {}) {
  const test = testSkill(config, options);
  test.pipelines.approvals.set('checkout-prod', [waiting()]);
  test.pipelines.executions.set('checkout-prod', [execution('e-wait-1', 'InProgress', 125, 'Speed up the order history query', 'bob')]);
  const answers = () => test.pipelines.calls.filter((c) => c.op === 'putApprovalResult');
  return { ...test, answers };
}

describe('approving a release by voice', () => {
  it('shows the approval on an Echo Show, asks as a plain question, and approves it on the yes', async () => {
    // Prepare
    const { skill, answers } = waitingSkill();
    const talk = new Conversation(skill, ECHO_SHOW);

    // Act
    await talk.ask('ApproveIntent', CHECKOUT_PROD);

    // Assess
    expect(talk.last?.response.directives?.map((d) => d.type)).toEqual(['Alexa.Presentation.APL.RenderDocument']);
    const screen = (directive(talk.last, 'Alexa.Presentation.APL.RenderDocument') as { datasources?: { screen?: { heading: string; lines: { label: string; value: string }[] } } }).datasources?.screen;
    expect(screen?.heading).toBe('Ready to approve');
    expect(screen?.lines.slice(0, 4)).toEqual([
      { label: 'Stage', value: 'Approve' },
      { label: 'Asks', value: 'Check the canary dashboard before approving.' },
      { label: 'Waiting since', value: '2 hours ago' },
      { label: 'Holds', value: 'Speed up the order history query' },
    ]);
    expect(answers()).toEqual([]);
    expect(await talk.yes()).toMatch(/^Done: I approved it\./);
    expect(answers()).toHaveLength(1);
  });

  it('reads back where the approval waits, since when, what it asks and what it lets through, and approves it only after a yes', async () => {
    // Prepare
    const { skill, answers, logs } = waitingSkill();
    const talk = new Conversation(skill);

    // Act
    const question = await talk.ask('ApproveIntent', CHECKOUT_PROD);

    // Assess
    expect(question).toBe('The Approve stage of checkout-prod asked 2 hours ago to approve Speed up the order history query, '
      + 'saying: Check the canary dashboard before approving. Shall I approve it, sending checkout on to production?');
    expect(directive(talk.last, 'Dialog.ConfirmIntent')?.updatedIntent?.name).toBe('ApproveIntent');
    expect(answers()).toEqual([]);

    expect(await talk.yes()).toBe('Done: I approved it. The Approve stage of checkout-prod goes on, and checkout is on its way to production. Ask me for the status to follow it.');
    expect(answers()).toHaveLength(1);
    expect(answers()[0]?.args).toEqual([
      { name: 'checkout-prod', region: 'eu-west-1' },
      expect.objectContaining({ stage: 'Approve', action: 'ManualApproval', token: TOKEN }),
      'Approved',
      "Approved by voice through push-to-prod, for a person on the skill's allowlist",
    ]);
    expect(talk.ended).toBe(true);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.approve', fields: expect.objectContaining({
      outcome: 'answered', userId: ALLOWED_USER, stage: 'Approve', executionId: 'e-wait-1', awsRequestId: 'fake-approval-request',
    }) }));
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });

  it('keeps the approval token out of the session that travels through Alexa', async () => {
    const { skill } = waitingSkill();
    const talk = new Conversation(skill);

    await talk.ask('ApproveIntent', CHECKOUT_PROD);

    expect(JSON.stringify(talk.last?.sessionAttributes)).toMatch(/approval:[0-9a-f]{32}/);
    expect(JSON.stringify(talk.last?.sessionAttributes)).not.toContain(TOKEN);
  });

  it('rejects a release with Rejected after a yes, and says the release stops', async () => {
    const { skill, answers, logs } = waitingSkill(withApprovals(true, { people: { [ALLOWED_USER]: 'Dana' } }));
    const talk = new Conversation(skill);

    expect(await talk.ask('RejectIntent', CHECKOUT_PROD)).toMatch(/Shall I reject it, stopping this release of checkout to production\?$/);
    expect(await talk.yes()).toBe("Done: I rejected it. The Approve stage of checkout-prod fails, so this release of checkout won't reach production.");

    expect(answers().map((c) => c.args.slice(2))).toEqual([['Rejected', 'Rejected by voice through push-to-prod, for Dana']]);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.reject', fields: expect.objectContaining({ outcome: 'answered' }) }));
  });

  it('sends nothing when the user says no', async () => {
    const { skill, mutations } = waitingSkill();
    const talk = new Conversation(skill);
    await talk.ask('ApproveIntent', CHECKOUT_PROD);

    expect(await talk.no()).toBe("Okay, I won't approve the release of checkout to production. Nothing was changed.");
    expect(mutations()).toEqual([]);
  });

  it('says so when nothing waits for approval, and asks nothing', async () => {
    const { skill, mutations } = testSkill(withApprovals());
    const talk = new Conversation(skill);

    expect(await talk.ask('RejectIntent', CHECKOUT_PROD)).toBe("Nothing in the checkout-prod pipeline is waiting for approval right now, so there's nothing to reject. Nothing was changed.");
    expect(directive(talk.last, 'Dialog.ConfirmIntent')).toBeUndefined();
    expect(mutations()).toEqual([]);
  });

  it('answers no approval of a pipeline whose config does not opt in', async () => {
    const { skill, pipelines } = testSkill();
    pipelines.approvals.set('checkout-prod', [waiting()]);

    const answer = await new Conversation(skill).ask('ApproveIntent', CHECKOUT_PROD);

    expect(answer).toBe("checkout in production has no pipeline whose approvals I may answer in my configuration, so I can't approve its releases. Nothing was changed.");
    expect(pipelines.calls).toEqual([]);
  });

  it('answers only the approval action the config names', async () => {
    const { skill, pipelines, answers } = waitingSkill(withApprovals({ stage: 'ProdGate', action: 'ReleaseManager' }));
    pipelines.approvals.set('checkout-prod', [
      waiting(TOKEN, 300, { stage: 'QA', action: 'Testers' }),
      waiting(NEWER_TOKEN, 20, { stage: 'ProdGate', action: 'ReleaseManager', message: undefined }),
    ]);
    const talk = new Conversation(skill);

    expect(await talk.ask('ApproveIntent', CHECKOUT_PROD)).toMatch(/^The ProdGate stage of checkout-prod asked 20 minutes ago to approve /);
    await talk.yes();

    expect(answers().map((c) => c.args[1])).toEqual([expect.objectContaining({ stage: 'ProdGate', action: 'ReleaseManager', token: NEWER_TOKEN })]);
  });

  it('says the outcome is unknown when the answer times out, and claims nothing', async () => {
    const { skill, pipelines } = waitingSkill();
    const talk = new Conversation(skill);
    await talk.ask('ApproveIntent', CHECKOUT_PROD);
    pipelines.failure.putApprovalResult = new AwsTimeoutError('PutApprovalResult', 'no answer', true);

    const answer = await talk.yes();

    expect(answer).toBe("I asked CodePipeline to approve the approval in checkout-prod, but got no answer in time, so I can't tell whether it was recorded. Look at the pipeline in the console, or ask me for the status of checkout in production in a minute, before you try again.");
  });
});

describe('an approval that changes between the read-back and the yes', () => {
  it('sends nothing when it was answered in the meantime', async () => {
    const { skill, pipelines, answers, logs } = waitingSkill();
    const talk = new Conversation(skill);
    await talk.ask('ApproveIntent', CHECKOUT_PROD);
    pipelines.approvals.set('checkout-prod', []);

    const answer = await talk.yes();

    expect(answer).toBe('That approval was already answered, or it expired, before your yes, so I sent nothing.');
    expect(answers()).toEqual([]);
    expect(talk.ended).toBe(true);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.approve', fields: expect.objectContaining({ outcome: 'refused-not-pending' }) }));
  });

  it('reads back a newer approval instead of answering it with the yes to the old one', async () => {
    const { skill, pipelines, answers } = waitingSkill();
    const talk = new Conversation(skill);
    await talk.ask('ApproveIntent', CHECKOUT_PROD);
    pipelines.approvals.set('checkout-prod', [waiting(NEWER_TOKEN, 1, { message: 'Second try' })]);

    const answer = await talk.yes();

    expect(answer).toBe('The Approve stage of checkout-prod asked a minute ago to approve Speed up the order history query, saying: Second try. '
      + 'That one ended before your yes, so I sent nothing: shall I approve it, sending checkout on to production?');
    expect(answers()).toEqual([]);
    expect(await talk.yes()).toMatch(/^Done: I approved it\./);
    expect(answers().map((c) => (c.args[1] as PendingApproval).token)).toEqual([NEWER_TOKEN]);
  });

  it('claims nothing when CodePipeline says the approval was completed just before the answer arrived', async () => {
    const { skill, pipelines, answers } = waitingSkill();
    const talk = new Conversation(skill);
    await talk.ask('RejectIntent', CHECKOUT_PROD);
    pipelines.failure.putApprovalResult = new ApprovalNotPendingError('PutApprovalResult', 'ApprovalAlreadyCompletedException');

    const answer = await talk.yes();

    expect(answer).toBe('That approval was already answered, or it expired, before your yes, so I sent nothing.');
    expect(answer).not.toMatch(/Done/);
    expect(answers()).toHaveLength(1);
  });

  it('never answers an approval with a yes given to a deploy read-back', async () => {
    const { skill, answers } = waitingSkill();
    const talk = new Conversation(skill);
    await talk.ask('DeployIntent', CHECKOUT_PROD);

    // A confirmed ApproveIntent arriving in the session that read back a deploy.
    const built = intent('ApproveIntent', { service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'prod', 'production'), pin: slot('pin', undefined) }, 'CONFIRMED');
    const answer = await talk.send({ type: 'IntentRequest', dialogState: 'IN_PROGRESS', intent: built });

    expect(answer).toMatch(/^The Approve stage of checkout-prod asked 2 hours ago to approve/);
    expect(answers()).toEqual([]);
  });
});

describe('the rules of a deploy, for approvals', () => {
  it('refuses a stranger before reading anything', async () => {
    const { skill, pipelines } = waitingSkill();

    expect(await new Conversation(skill, { userId: STRANGER }).ask('ApproveIntent', CHECKOUT_PROD)).toMatch(/not on this skill's list/);
    expect(pipelines.calls).toEqual([]);
  });

  it('refuses someone who may not change production', async () => {
    const { skill, mutations } = waitingSkill(withApprovals(true, { allowedUsers: [ALLOWED_USER, BOB], policies: { production: { allowedUsers: [ALLOWED_USER] } } }));

    expect(await new Conversation(skill, { userId: BOB }).ask('RejectIntent', CHECKOUT_PROD)).toBe("Sorry, you're not on the list of people who may change production. Nothing was changed.");
    expect(mutations()).toEqual([]);
  });

  it.each(['ApproveIntent', 'RejectIntent'])('refuses %s while someone else holds the lock, naming them', async (name) => {
    const { skill, mutations, logs } = waitingSkill(withApprovals(true, { allowedUsers: [ALLOWED_USER, BOB], people: { [BOB]: 'Bob' } }));
    await new Conversation(skill, { userId: BOB }).ask('LockIntent', { environment: ['production', 'production'] });

    expect(await new Conversation(skill).ask(name, CHECKOUT_PROD)).toBe("production is locked by Bob since just now. I won't change it until they unlock it. Nothing was changed.");
    expect(mutations()).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ fields: expect.objectContaining({ outcome: 'refused-locked', lockHolder: BOB }) }));
  });

  it('asks for the release code after the yes, and answers only on the right one', async () => {
    const withPin = withApprovals(true, { policies: { production: { requirePin: true } }, pin: { hash: testPinHash('4711'), maxAttempts: 3, lockoutMinutes: 15 } });
    const { skill, answers, logs } = waitingSkill(withPin);
    const talk = new Conversation(skill);
    await talk.ask('ApproveIntent', CHECKOUT_PROD);

    expect(await talk.yes()).toBe('Please say your four-digit release code.');
    expect(directive(talk.last, 'Dialog.ElicitSlot')?.slotToElicit).toBe('pin');
    expect(await talk.fill('1234')).toBe("That code isn't right. 2 tries left. Please say your four-digit release code.");
    expect(answers()).toEqual([]);
    expect(await talk.fill('4711')).toMatch(/^Done: I approved it\./);
    expect(answers()).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toMatch(/4711|1234/);
  });

  describe('during a freeze', () => {
    // 2026-11-27 is a Friday; 16:00 in Berlin.
    const fridayAfternoon = () => new Date('2026-11-27T15:00:00Z');
    const frozen = withApprovals(true, {
      admins: [ADMIN],
      timeZone: 'Europe/Berlin',
      policies: { production: { freezes: [{ days: ['fri'], from: '15:00', to: '24:00', reason: 'no production deploys on Friday afternoon' }] } },
    });

    it('refuses an approval, which would let the release ship', async () => {
      const { skill, mutations } = waitingSkill(frozen, { now: fridayAfternoon });

      expect(await new Conversation(skill).ask('ApproveIntent', CHECKOUT_PROD))
        .toBe('production is frozen right now: no production deploys on Friday afternoon. Nothing was changed. An admin can override the freeze.');
      expect(mutations()).toEqual([]);
    });

    it('lets an admin override it for an approval, with a second yes after the read-back', async () => {
      const { skill, answers } = waitingSkill(frozen, { now: fridayAfternoon });
      const admin = new Conversation(skill, { userId: ADMIN });

      expect(await admin.ask('ApproveIntent', CHECKOUT_PROD)).toMatch(/^production is frozen right now.*override the freeze for this release\?$/);
      expect(await admin.yes()).toMatch(/Shall I approve it, sending checkout on to production\?$/);
      expect(answers()).toEqual([]);
      expect(await admin.yes()).toMatch(/^Done: I approved it\./);
    });

    it('still lets people reject a release, which stops it', async () => {
      const { skill, answers } = waitingSkill(frozen, { now: fridayAfternoon });
      const talk = new Conversation(skill);

      expect(await talk.ask('RejectIntent', CHECKOUT_PROD)).toMatch(/Shall I reject it/);
      expect(await talk.yes()).toMatch(/^Done: I rejected it\./);
      expect(answers()).toHaveLength(1);
    });
  });

  it('takes the only environment whose approvals it answers when none was said', async () => {
    const { skill, answers } = waitingSkill();
    const talk = new Conversation(skill);

    expect(await talk.ask('RejectIntent', { service: ['checkout', 'checkout'] })).toMatch(/^The Approve stage of checkout-prod asked 2 hours ago to approve/);
    expect(directive(talk.last, 'Dialog.ConfirmIntent')?.updatedIntent?.slots?.environment?.value).toBe('production');
    expect(await talk.yes()).toMatch(/^Done: I rejected it\./);
    expect(answers()).toHaveLength(1);
  });

  it('asks which environment, naming the choices, when several answer approvals and none was said', async () => {
    const [checkout, ...rest] = TEST_CONFIG.services;
    const both = { services: [{ ...checkout, environments: {
      production: { ...checkout?.environments.production, approvals: true },
      staging: { ...checkout?.environments.staging, approvals: true },
    } }, ...rest] };
    const { skill } = waitingSkill(both);
    const talk = new Conversation(skill);

    expect(await talk.ask('ApproveIntent', { service: ['checkout', 'checkout'] })).toBe("Which environment's release of checkout should I approve: production or staging?");
    expect(directive(talk.last, 'Dialog.ElicitSlot')?.slotToElicit).toBe('environment');
    expect(await talk.fill('prod', 'production')).toMatch(/^The Approve stage of checkout-prod/);
  });
});

describe('who hears how an approved release ends', () => {
  const NOTIFICATIONS = { notifications: { clientCredentialsParameter: '/push-to-prod/alexa-client' } };

  it('records the person who approved it, under the execution that goes on', async () => {
    const { skill, store } = waitingSkill(withApprovals(true, NOTIFICATIONS));
    const talk = new Conversation(skill);

    await talk.ask('ApproveIntent', CHECKOUT_PROD);
    await talk.yes();

    expect(await new ReleaseJournal(store, () => new Date()).findStarted({ executionId: 'e-wait-1' }))
      .toMatchObject({ kind: 'approval', service: 'checkout', environment: 'production', startedBy: { userId: ALLOWED_USER } });
  });

  it('records nothing for a rejection, which ends the release there', async () => {
    const { skill, store } = waitingSkill(withApprovals(true, NOTIFICATIONS));
    const talk = new Conversation(skill);

    await talk.ask('RejectIntent', CHECKOUT_PROD);
    await talk.yes();

    expect(await new ReleaseJournal(store, () => new Date()).findStarted({ executionId: 'e-wait-1' })).toBeUndefined();
  });
});
