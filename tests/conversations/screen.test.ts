import type { Intent, ResponseEnvelope } from 'ask-sdk-model';
import { hashPin } from '../../lambda/src/domain/pin-guard';
import type { PipelineExecution } from '../../lambda/src/domain/release';
import type { ScreenData } from '../../lambda/src/screens/render-document';
import { Conversation, directive, spoken } from '../support/conversation';
import { expectAlexaAccepts } from '../support/alexa-response-rules';
import { ECHO_SHOW, envelope, intent, STRANGER } from '../support/envelopes';
import { deployment, execution } from '../support/fake-release-ports';
import { TEST_CONFIG, testSkill } from '../support/test-skill';

/*
 * The Echo Show's screen, through the real handler chain. Every response here is also held to Alexa's rules and its
 * APL documents to apl-suggester (support/conversation.ts): a screen to a device without APL, or beside a Dialog
 * directive, or a document apl-suggester refuses, fails the test that produced it.
 */

const CHECKOUT_PROD = { service: ['checkout', 'checkout'] as [string, string], environment: ['prod', 'production'] as [string, string] };
const RENDER = 'Alexa.Presentation.APL.RenderDocument';

/** The data source of the response's RenderDocument, which the document binds as payload.screen. */
function screenOf(response: ResponseEnvelope | undefined): ScreenData {
  const render = directive(response, RENDER) as { datasources?: { screen?: ScreenData } } | undefined;
  if (!render?.datasources?.screen) throw new Error(`no screen in ${JSON.stringify(response?.response)}`);
  return render.datasources.screen;
}

/** A release running in production's Deploy stage, with Approve still showing the previous release. */
function runningRelease() {
  const parts = testSkill();
  parts.pipelines.executions.set('checkout-prod', [execution('e-now', 'InProgress', 4, 'Add gift cards\n\nLong description', 'alice')]);
  parts.pipelines.states.set('checkout-prod', { pipeline: 'checkout-prod', stages: [
    { name: 'Source', status: 'Succeeded', executionId: 'e-now' },
    { name: 'Build', status: 'Failed', executionId: 'e-old', currentAction: 'UnitTests' },
    { name: 'Test', status: 'InProgress', executionId: 'e-now', currentAction: 'Integration' },
    { name: 'Approve', status: 'InProgress', executionId: 'e-now', waitingApproval: { action: 'ManualApproval' } },
    { name: 'Deploy', status: 'Succeeded', executionId: 'e-old' },
    { name: 'Verify' },
  ] });
  parts.deployments.deployments.set('checkout-prod', [deployment('d-1', 'Succeeded', 30, 'abcdef123')]);
  return parts;
}

describe('the Echo Show screen', () => {
  it('shows status with every stage of the pipeline in a row, each with its state, and what the release ships', async () => {
    // Prepare
    const talk = new Conversation(runningRelease().skill, ECHO_SHOW);

    // Act
    await talk.ask('StatusIntent', CHECKOUT_PROD);

    // Assess
    const render = directive(talk.last, RENDER) as { token?: string; document?: { type?: string; version?: string } } | undefined;
    expect(render?.token).toBe('push-to-prod.status');
    expect(render?.document?.type).toBe('APL');
    const screen = screenOf(talk.last);
    expect(screen.heading).toBe('Release status');
    expect(screen.where).toBe('checkout in production');
    expect(screen.stages.map((s) => [s.name, s.tone, s.state])).toEqual([
      ['Source', 'done', 'succeeded'],
      // An earlier release failed here; the running one has not got this far, so that failure is not its state.
      ['Build', 'idle', 'not reached yet'],
      ['Test', 'running', 'running Integration'],
      ['Approve', 'waiting', 'waiting for approval'],
      ['Deploy', 'idle', 'not reached yet'],
      ['Verify', 'idle', 'not run yet'],
    ]);
    expect(screen.lines).toEqual([
      { label: 'Latest release', value: 'Add gift cards' },
      { label: 'Commit', value: 'e-nowabc' },
      { label: 'State', value: 'in progress' },
      { label: 'Started by', value: 'alice' },
      { label: 'Started', value: '4 minutes ago' },
      { label: 'Latest deployment', value: 'commit abcdef1, succeeded, 30 minutes ago' },
    ]);
    expect(screen.hint).toBe('');
  });

  it('shows a failed stage of the latest release as failed, where it failed', async () => {
    // Prepare
    const parts = testSkill();
    parts.pipelines.executions.set('checkout-prod', [execution('e-bad', 'Failed', 9)]);
    parts.pipelines.states.set('checkout-prod', { pipeline: 'checkout-prod', stages: [
      { name: 'Source', status: 'Succeeded', executionId: 'e-bad' },
      { name: 'Build', status: 'Failed', executionId: 'e-bad', currentAction: 'UnitTests' },
    ] });
    const talk = new Conversation(parts.skill, ECHO_SHOW);

    // Act
    await talk.ask('StatusIntent', CHECKOUT_PROD);

    // Assess
    expect(screenOf(talk.last).stages.map((s) => [s.name, s.tone, s.mark, s.state])).toEqual([
      ['Source', 'done', '✓', 'succeeded'],
      ['Build', 'failed', '✗', 'failed in UnitTests'],
    ]);
  });

  it('gives a device without a screen exactly the voice answer it gets today, byte for byte', async () => {
    // Prepare: the same release, asked about from a speaker and from an Echo Show
    const speaker = new Conversation(runningRelease().skill);
    const show = new Conversation(runningRelease().skill, ECHO_SHOW);

    // Act
    await speaker.ask('StatusIntent', CHECKOUT_PROD);
    await show.ask('StatusIntent', CHECKOUT_PROD);

    // Assess: the speaker's response has no directive at all, and is the Echo Show's without its screen
    expect(speaker.last?.response.directives).toBeUndefined();
    const { directives, ...showWithoutScreen } = show.last?.response ?? {};
    expect(directives?.map((d) => d.type)).toEqual([RENDER]);
    expect(JSON.stringify({ ...speaker.last, response: speaker.last?.response })).toBe(JSON.stringify({ ...show.last, response: showWithoutScreen }));
  });

  it('gives a screen whose APL runtime is older than the document the voice answer alone', async () => {
    // Prepare
    const talk = new Conversation(runningRelease().skill, { supportedInterfaces: { 'Alexa.Presentation.APL': { runtime: { maxVersion: '1.9' } } } });

    // Act
    const answer = await talk.ask('StatusIntent', CHECKOUT_PROD);

    // Assess
    expect(answer).toMatch(/^The latest release of checkout in production/);
    expect(talk.last?.response.directives).toBeUndefined();
  });

  it('shows what a promotion would ship, from where, who started it, and how to ship it', async () => {
    // Prepare: production promotes from staging, whose release has baked long enough
    const parts = testSkill({
      services: TEST_CONFIG.services.map((service) => (service.name !== 'checkout' ? service : {
        ...service,
        environments: { ...service.environments, production: { ...service.environments.production, promoteFrom: { environment: 'staging', bakeMinutes: 30 } } },
      })),
    });
    const staged: PipelineExecution = { ...execution('stg-ok', 'Succeeded', 120, 'Fix tax rounding', 'bob'), revisions: [{ actionName: 'Source', revisionId: 'a1b2c3d4e5f6', summary: 'Fix tax rounding' }] };
    parts.pipelines.executions.set('checkout-staging', [staged]);
    parts.pipelines.executions.set('checkout-prod', [execution('prod-ok', 'Succeeded', 180, 'Add gift cards')]);
    const talk = new Conversation(parts.skill, ECHO_SHOW);

    // Act
    await talk.ask('PreviewIntent', CHECKOUT_PROD);

    // Assess
    const screen = screenOf(talk.last);
    expect((directive(talk.last, RENDER) as { token?: string }).token).toBe('push-to-prod.ships');
    expect(screen.heading).toBe('What would ship');
    expect(screen.stages).toEqual([]);
    expect(screen.lines).toEqual([
      { label: 'Ships', value: 'Fix tax rounding' },
      { label: 'Commit', value: 'a1b2c3d4' },
      { label: 'Started by', value: 'bob' },
      { label: 'Started', value: '2 hours ago' },
      { label: 'From', value: 'staging' },
      { label: 'Running now', value: 'Add gift cards' },
      { label: 'Commit', value: 'prod-oka' },
    ]);
    expect(screen.hint).toBe('Say “push checkout to production” to ship it.');
  });

  it('does not tell anyone to ship what a gate would stop', async () => {
    // Prepare: a release runs in production, so a deploy would be refused
    const talk = new Conversation(runningRelease().skill, ECHO_SHOW);

    // Act
    await talk.ask('PreviewIntent', CHECKOUT_PROD);

    // Assess
    expect(screenOf(talk.last).lines[0]).toEqual({ label: 'Ships', value: "the newest commit of checkout's source" });
    expect(screenOf(talk.last).hint).toBe('');
  });

  it('answers a launch on an Echo Show with the voice answer alone', async () => {
    // Prepare
    const talk = new Conversation(testSkill().skill, ECHO_SHOW);

    // Act
    await talk.launch();

    // Assess
    expect(talk.last?.response.directives).toBeUndefined();
  });
});

/** A skill whose checkout production pipeline last shipped "Add gift cards", three hours ago, started by alice. */
function shippedSkill(overrides: Parameters<typeof testSkill>[0] = {}) {
  const parts = testSkill(overrides);
  parts.pipelines.executions.set('checkout-prod', [execution('prod-ok', 'Succeeded', 180, 'Add gift cards')]);
  return parts;
}

const starts = (parts: ReturnType<typeof testSkill>) => parts.pipelines.calls.filter((c) => c.op === 'start');
const types = (response: ResponseEnvelope | undefined) => response?.response.directives?.map((d) => d.type);

describe('the read-back on an Echo Show', () => {
  it('asks on a speaker with Dialog.ConfirmIntent alone, as it always has', async () => {
    // Prepare
    const talk = new Conversation(shippedSkill().skill);

    // Act
    const question = await talk.ask('DeployIntent', CHECKOUT_PROD);

    // Assess
    expect(question).toMatch(/Shall I push checkout to production\?$/);
    expect(types(talk.last)).toEqual(['Dialog.ConfirmIntent']);
    expect(talk.last?.sessionAttributes).not.toHaveProperty('screenQuestion');
  });

  it('shows what ships and asks as a plain question, with no Dialog directive, and ships on the yes', async () => {
    // Prepare
    const parts = shippedSkill();
    const speaker = new Conversation(shippedSkill().skill);
    const talk = new Conversation(parts.skill, ECHO_SHOW);

    // Act
    const question = await talk.ask('DeployIntent', CHECKOUT_PROD);
    await speaker.ask('DeployIntent', CHECKOUT_PROD);

    // Assess: the same words as a speaker hears, a screen instead of the ConfirmIntent, the session open for the answer
    expect(question).toBe(spoken(speaker.last));
    expect(types(talk.last)).toEqual([RENDER]);
    expect(talk.last?.response.shouldEndSession).toBe(false);
    expect(talk.last?.response.reprompt?.outputSpeech).toEqual(speaker.last?.response.reprompt?.outputSpeech);
    expect(talk.last?.response.card).toEqual(speaker.last?.response.card);
    expect((directive(talk.last, RENDER) as { token?: string }).token).toBe('push-to-prod.read-back');
    const screen = screenOf(talk.last);
    expect(screen.heading).toBe('Ready to ship');
    expect(screen.where).toBe('checkout in production');
    expect(screen.lines).toEqual([
      { label: 'Ships', value: "the newest commit of checkout's source" },
      { label: 'Running now', value: 'Add gift cards' },
      { label: 'Commit', value: 'prod-oka' },
      { label: 'Pipeline', value: 'checkout-prod' },
    ]);
    expect(screen.hint).toBe('Say yes to ship it, or no.');
    expect(parts.mutations()).toEqual([]);

    // Act: "yes" is AMAZON.YesIntent here, there being no confirmation step
    const done = await talk.yes();

    // Assess
    expect(talk.requests.at(-1)?.request).toMatchObject({ type: 'IntentRequest', intent: { name: 'AMAZON.YesIntent' } });
    expect(done).toMatch(/^Done: the checkout-prod pipeline has started, and checkout is on its way to production\./);
    expect(starts(parts).map((c) => c.args[0])).toEqual([{ name: 'checkout-prod', region: 'eu-west-1' }]);
  });

  it('starts nothing on a no, and says so as a speaker does', async () => {
    // Prepare
    const parts = shippedSkill();
    const talk = new Conversation(parts.skill, ECHO_SHOW);
    await talk.ask('DeployIntent', CHECKOUT_PROD);

    // Act
    const answer = await talk.no();

    // Assess
    expect(answer).toBe("Okay, I won't push checkout in production. Nothing was changed.");
    expect(talk.ended).toBe(true);
    expect(talk.last?.sessionAttributes).not.toHaveProperty('screenQuestion');
    expect(talk.last?.sessionAttributes).not.toHaveProperty('pending');
    expect(parts.mutations()).toEqual([]);
  });

  it('takes a yes only in the very next turn: after any other question, there is nothing to confirm', async () => {
    // Prepare
    const parts = shippedSkill();
    const talk = new Conversation(parts.skill, ECHO_SHOW);
    await talk.ask('DeployIntent', CHECKOUT_PROD);
    await talk.ask('AMAZON.HelpIntent');

    // Act
    const answer = await talk.yes();

    // Assess
    expect(answer).toBe(spoken(await nothingToConfirm()));
    expect(parts.mutations()).toEqual([]);
  });

  it('takes no yes without a screen question, nor one a new session carries', async () => {
    // Prepare: a read-back's session, its attributes then sent again as a new session's
    const parts = shippedSkill();
    const talk = new Conversation(parts.skill, ECHO_SHOW);
    await talk.ask('DeployIntent', CHECKOUT_PROD);
    const carried = talk.last?.sessionAttributes ?? {};
    expect(carried).toHaveProperty('screenQuestion');

    // Act
    const lone = await new Conversation(parts.skill, ECHO_SHOW).yes();
    const fresh = await parts.skill.invoke(envelope({ type: 'IntentRequest', intent: intent('AMAZON.YesIntent') }, { ...ECHO_SHOW, newSession: true, attributes: carried }));

    // Assess
    expect(lone).toBe(spoken(await nothingToConfirm()));
    expect(spoken(fresh)).toBe(lone);
    expect(parts.mutations()).toEqual([]);
  });

  it('gives no consent to a screen question forged for another service than the read-back: it reads that one back', async () => {
    // Prepare
    const parts = shippedSkill();
    const talk = new Conversation(parts.skill, ECHO_SHOW);
    await talk.ask('DeployIntent', CHECKOUT_PROD);
    talk.editSession((attributes) => ({ ...attributes, screenQuestion: forged(attributes.screenQuestion, { service: 'billing' }) }));

    // Act
    const answer = await talk.yes();

    // Assess
    expect(answer).toMatch(/Shall I push billing to production\?$/);
    expect(screenOf(talk.last).where).toBe('billing in production');
    expect(parts.mutations()).toEqual([]);
  });

  it('gives no consent to a screen question forged for another environment than the read-back', async () => {
    // Prepare
    const parts = shippedSkill();
    const talk = new Conversation(parts.skill, ECHO_SHOW);
    await talk.ask('DeployIntent', CHECKOUT_PROD);
    talk.editSession((attributes) => ({ ...attributes, screenQuestion: forged(attributes.screenQuestion, { environment: 'staging' }) }));

    // Act
    const answer = await talk.yes();

    // Assess
    expect(answer).toMatch(/Shall I push checkout to staging\?$/);
    expect(parts.mutations()).toEqual([]);
  });

  it.each<[string, (question: unknown) => unknown]>([
    ['an intent that asks for no consent', (q) => ({ ...(q as Intent), name: 'StatusIntent', slots: { service: (q as Intent).slots?.service, environment: (q as Intent).slots?.environment } })],
    ['a slot the intent does not have', (q) => ({ ...(q as Intent), slots: { ...(q as Intent).slots, extra: { name: 'extra', value: 'x' } } })],
    ['a confirmation of its own', (q) => ({ ...(q as Intent), confirmationStatus: 'CONFIRMED' })],
    ['a slot of 5000 characters', (q) => forged(q, { service: 'x'.repeat(5000) })],
  ])('takes a screen question with %s as no question at all', async (_, edit) => {
    // Prepare
    const parts = shippedSkill();
    const talk = new Conversation(parts.skill, ECHO_SHOW);
    await talk.ask('DeployIntent', CHECKOUT_PROD);
    talk.editSession((attributes) => ({ ...attributes, screenQuestion: edit(attributes.screenQuestion) }));

    // Act
    const answer = await talk.yes();

    // Assess
    expect(answer).toBe(spoken(await nothingToConfirm()));
    expect(parts.mutations()).toEqual([]);
  });

  it("refuses a stranger's yes with a forged screen question at the access guard, and calls no AWS", async () => {
    // Prepare: an allowed person's read-back, its session attributes replayed by someone not on the allowlist
    const parts = shippedSkill();
    const talk = new Conversation(parts.skill, ECHO_SHOW);
    await talk.ask('DeployIntent', CHECKOUT_PROD);
    const attributes = talk.last?.sessionAttributes ?? {};
    parts.pipelines.calls.length = 0;
    const request = envelope({ type: 'IntentRequest', intent: intent('AMAZON.YesIntent') }, { ...ECHO_SHOW, userId: STRANGER, newSession: false, attributes });

    // Act
    const response = await parts.skill.invoke(request);

    // Assess
    expectAlexaAccepts(request, response);
    expect(spoken(response)).toMatch(/not on this skill's list/);
    expect(parts.pipelines.calls).toEqual([]);
    expect(parts.deployments.calls).toEqual([]);
    expect(parts.logs).toContainEqual(expect.objectContaining({ event: 'audit.access', fields: expect.objectContaining({ outcome: 'refused-not-allowed', intent: 'DeployIntent' }) }));
  });

  it('reads back again, on the screen, when the plan changed between the read-back and the yes', async () => {
    // Prepare
    const parts = shippedSkill();
    const talk = new Conversation(parts.skill, ECHO_SHOW);
    await talk.ask('DeployIntent', CHECKOUT_PROD);
    parts.pipelines.executions.set('checkout-prod', [execution('e-hot', 'Succeeded', 0.2, 'Hotfix', 'carol'), execution('prod-ok', 'Succeeded', 180, 'Add gift cards')]);

    // Act
    const again = await talk.yes();

    // Assess
    expect(again).toMatch(/Hotfix.* That changed, so I did nothing yet: shall I push checkout to production\?$/);
    expect(types(talk.last)).toEqual([RENDER]);
    expect(screenOf(talk.last).lines).toContainEqual({ label: 'Running now', value: 'Hotfix' });
    expect(parts.mutations()).toEqual([]);
    expect(await talk.yes()).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(starts(parts)).toHaveLength(1);
  });

  it('asks for the release code after the yes, chained into DeployIntent, and ships on the right code', async () => {
    // Prepare
    const parts = shippedSkill({ policies: { production: { requirePin: true } }, pin: { hash: hashPin('4711'), maxAttempts: 3, lockoutMinutes: 15 } });
    const talk = new Conversation(parts.skill, ECHO_SHOW);
    await talk.ask('DeployIntent', CHECKOUT_PROD);
    // A code forged into the screen question is never taken: the slot is emptied when the question is read.
    talk.editSession((attributes) => ({ ...attributes, screenQuestion: forged(attributes.screenQuestion, { pin: '4711' }) }));

    // Act
    const asked = await talk.yes();

    // Assess: the ElicitSlot answers the YesIntent, naming DeployIntent, confirmed, the code empty (held to Alexa's rules by Conversation)
    expect(asked).toBe('Please say your four-digit release code.');
    const elicit = directive(talk.last, 'Dialog.ElicitSlot');
    expect(types(talk.last)).toEqual(['Dialog.ElicitSlot']);
    expect(elicit?.slotToElicit).toBe('pin');
    expect(elicit?.updatedIntent).toMatchObject({ name: 'DeployIntent', confirmationStatus: 'CONFIRMED', slots: { pin: { name: 'pin', confirmationStatus: 'NONE' } } });
    expect(elicit?.updatedIntent?.slots?.pin?.value).toBeUndefined();
    expect(elicit?.updatedIntent?.slots?.service?.value).toBe('checkout');
    expect(parts.mutations()).toEqual([]);

    expect(await talk.fill('4711')).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(starts(parts)).toHaveLength(1);
  });

  it('shows a rollback\'s read-back, what runs and what it puts back, and rolls back on the yes', async () => {
    // Prepare
    const parts = testSkill();
    parts.deployments.deployments.set('checkout-prod', [deployment('d-now', 'Succeeded', 30, 'bbbbbbb222'), deployment('d-before', 'Succeeded', 300, 'aaaaaaa111')]);
    const talk = new Conversation(parts.skill, ECHO_SHOW);

    // Act
    await talk.ask('RollbackIntent', CHECKOUT_PROD);

    // Assess
    expect(types(talk.last)).toEqual([RENDER]);
    const screen = screenOf(talk.last);
    expect(screen.heading).toBe('Ready to roll back');
    expect(screen.lines).toEqual([
      { label: 'Running now', value: 'commit bbbbbbb, succeeded, 30 minutes ago' },
      { label: 'Puts back', value: 'commit aaaaaaa, succeeded, 5 hours ago' },
    ]);
    expect(screen.hint).toBe('Say yes to roll back, or no.');
    expect(await talk.yes()).toMatch(/^Done: a rollback deployment has started/);
    expect(parts.mutations().map((m) => m.op)).toEqual(['redeploy']);
  });
  it('asks the second yes for undoing a rollback with Dialog.ConfirmIntent chained from the yes, and rolls back on it', async () => {
    // Prepare: what runs is itself a rollback
    const parts = testSkill();
    parts.deployments.deployments.set('checkout-prod', [deployment('d-RB', 'Succeeded', 10, 'v1v1v1v1', true), deployment('d-BAD', 'Succeeded', 20, 'v2v2v2v2'), deployment('d-V1', 'Succeeded', 90, 'v1v1v1v1')]);
    const talk = new Conversation(parts.skill, ECHO_SHOW);
    await talk.ask('RollbackIntent', CHECKOUT_PROD);

    // Act
    const second = await talk.yes();

    // Assess: the ConfirmIntent answers the YesIntent and names RollbackIntent (held to Alexa's rules by Conversation)
    expect(second).toBe('Just to be sure: this undoes a rollback of checkout in production and puts back a version that was rolled back before. Roll back anyway?');
    expect(types(talk.last)).toEqual(['Dialog.ConfirmIntent']);
    expect(directive(talk.last, 'Dialog.ConfirmIntent')?.updatedIntent).toMatchObject({ name: 'RollbackIntent', confirmationStatus: 'NONE' });
    expect(parts.mutations()).toEqual([]);
    expect(await talk.yes()).toMatch(/^Done: a rollback deployment has started/);
    expect(parts.mutations().map((m) => m.op)).toEqual(['redeploy']);
  });
});

/** What a yes with nothing to confirm hears. */
async function nothingToConfirm(): Promise<ResponseEnvelope | undefined> {
  const talk = new Conversation(testSkill().skill);
  await talk.yes();
  return talk.last;
}

/** The screen question the session holds, with some slots' values changed. */
function forged(question: unknown, values: Record<string, string>): Intent {
  const asked = question as Intent;
  const slots = { ...asked.slots };
  for (const [name, value] of Object.entries(values)) slots[name] = { name, value, confirmationStatus: 'NONE' };
  return { ...asked, slots };
}
