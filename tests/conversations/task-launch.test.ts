import { Conversation, directive } from '../support/conversation';
import { SKILL_ID, STRANGER } from '../support/envelopes';
import { deployment, execution } from '../support/fake-release-ports';
import { testSkill } from '../support/test-skill';
import { testPinHash } from '../support/release-code';

/**
 * A routine ("Alexa, push to prod") or a Quick Link starts the skill's custom task: a LaunchRequest carrying
 * `task: {name: '<skillId>.PushToProd', version: '1', input}`. It leads into the same read-back as the spoken intent
 * (intent chaining: a Dialog.ConfirmIntent for DeployIntent), and only a yes in the next turn acts.
 */
describe('a task launch', () => {
  const CHECKOUT_PROD = { service: 'checkout', environment: 'production' };

  it('reads back the deploy as a DeployIntent to confirm, and starts the pipeline only on the yes that follows', async () => {
    // Prepare
    const { skill, pipelines, mutations } = testSkill();
    pipelines.executions.set('checkout-prod', [execution('e-last-1', 'Succeeded', 90, 'Add gift cards', 'alice')]);
    const talk = new Conversation(skill);

    // Act
    const question = await talk.task('PushToProd', CHECKOUT_PROD);

    // Assess
    expect(question).toMatch(/^This starts the checkout-prod pipeline, .*Shall I push checkout to production\?$/);
    const confirm = directive(talk.last, 'Dialog.ConfirmIntent');
    expect(confirm?.updatedIntent?.name).toBe('DeployIntent');
    expect(Object.keys(confirm?.updatedIntent?.slots ?? {}).sort()).toEqual(['environment', 'pin', 'service']);
    expect(confirm?.updatedIntent?.slots?.service?.value).toBe('checkout');
    expect(talk.ended).toBe(false);
    expect(mutations()).toEqual([]);

    expect(await talk.yes()).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(pipelines.calls.filter((c) => c.op === 'start')).toHaveLength(1);
  });

  it('starts nothing when the person says no to the read-back', async () => {
    const { skill, mutations } = testSkill();
    const talk = new Conversation(skill);
    await talk.task('PushToProd', CHECKOUT_PROD);

    expect(await talk.no()).toBe("Okay, I won't push checkout in production. Nothing was changed.");
    expect(mutations()).toEqual([]);
  });

  it.each([
    ['a confirmation status', { ...CHECKOUT_PROD, confirmationStatus: 'CONFIRMED' }],
    ['a confirmed flag and a release code', { ...CHECKOUT_PROD, confirmed: true, yes: 'yes', pin: '1234' }],
  ])('starts nothing when its input claims %s: a routine phrase is never consent', async (_, input) => {
    // Prepare
    const { skill, mutations } = testSkill();
    const talk = new Conversation(skill);

    // Act
    const answer = await talk.task('PushToProd', input);

    // Assess
    expect(answer).toMatch(/Shall I push checkout to production\?$/);
    expect(directive(talk.last, 'Dialog.ConfirmIntent')?.updatedIntent?.confirmationStatus).toBe('NONE');
    expect(directive(talk.last, 'Dialog.ConfirmIntent')?.updatedIntent?.slots?.pin?.value).toBeUndefined();
    expect(mutations()).toEqual([]);
  });

  it('starts nothing for a task launch that carries a read-back in its session: a new session holds none', async () => {
    // Prepare
    const { skill, mutations } = testSkill();
    const forged = { pending: { action: 'deploy', service: 'checkout', environment: 'production', key: 'anything' } };
    const talk = new Conversation(skill, { attributes: forged });

    // Act
    await talk.task('PushToProd', CHECKOUT_PROD);

    // Assess
    expect(mutations()).toEqual([]);
    expect(directive(talk.last, 'Dialog.ConfirmIntent')).toBeDefined();
  });

  it('asks for what its input leaves out, with the intent the task leads into', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill);

    const question = await talk.task('PushToProd', { environment: 'prod' });

    expect(question).toMatch(/^Which service should I push: checkout or billing\?$/);
    const elicit = directive(talk.last, 'Dialog.ElicitSlot');
    expect(elicit?.slotToElicit).toBe('service');
    expect(elicit?.updatedIntent?.name).toBe('DeployIntent');
    expect(await talk.fill('checkout', 'checkout')).toMatch(/Shall I push checkout to production\?$/);
  });

  it('reads back a rollback for the Rollback task, and acts only on the yes that follows', async () => {
    // Prepare
    const { skill, deployments, mutations } = testSkill();
    deployments.deployments.set('checkout-prod', [deployment('d-A', 'Succeeded', 60, 'aaaa'), deployment('d-B', 'Succeeded', 600, 'bbbb')]);
    const talk = new Conversation(skill);

    // Act
    const question = await talk.task('Rollback', CHECKOUT_PROD);

    // Assess
    expect(question).toMatch(/Shall I roll back checkout in production\?$/);
    expect(directive(talk.last, 'Dialog.ConfirmIntent')?.updatedIntent?.name).toBe('RollbackIntent');
    expect(mutations()).toEqual([]);
    expect(await talk.yes()).toMatch(/^Done: a rollback deployment has started/);
    expect(mutations().map((c) => c.op)).toEqual(['redeploy']);
  });

  it('asks for the release code after the yes where the policy requires it, as for the spoken intent', async () => {
    // Prepare
    const withPin = { policies: { production: { requirePin: true } }, pin: { hash: testPinHash('4711'), maxAttempts: 3, lockoutMinutes: 15 } };
    const { skill, mutations } = testSkill(withPin);
    const talk = new Conversation(skill);
    await talk.task('PushToProd', CHECKOUT_PROD);

    // Act
    const asked = await talk.yes();

    // Assess
    expect(asked).toBe('Please say your four-digit release code.');
    expect(mutations()).toEqual([]);
    expect(await talk.fill('4711')).toMatch(/^Done: the checkout-prod pipeline has started/);
  });

  it('refuses a stranger before anything is read, with the access guard\'s card', async () => {
    const { skill, pipelines } = testSkill();
    const talk = new Conversation(skill, { userId: STRANGER });

    expect(await talk.task('PushToProd', CHECKOUT_PROD)).toMatch(/^Sorry, you're not on this skill's list/);
    expect(talk.last?.response.card).toBeDefined();
    expect(pipelines.calls).toEqual([]);
  });

  it.each([
    ['a task the skill does not have', `${SKILL_ID}.Deploy`, '1'],
    ['another version of a task', `${SKILL_ID}.PushToProd`, '2'],
    ['another skill\'s task', 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000.PushToProd', '1'],
    ['an Amazon task', 'AMAZON.PrintPDF', '1'],
  ])('answers %s as a plain launch', async (_, name, version) => {
    const { skill, pipelines } = testSkill();
    const talk = new Conversation(skill);

    expect(await talk.task(name, CHECKOUT_PROD, version)).toMatch(/^Release captain here/);
    expect(pipelines.calls).toEqual([]);
  });
});
