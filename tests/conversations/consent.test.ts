import { Conversation, directive, spoken } from '../support/conversation';
import { envelope, intent, intentRequest, slot } from '../support/envelopes';
import { execution } from '../support/fake-release-ports';
import { testSkill } from '../support/test-skill';

/** A yes acts only on the read-back this session holds, for exactly that action, service and environment. */

const CHECKOUT_PROD = { service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'prod', 'production') };
const readBackOfCheckoutProd = { pending: { action: 'deploy', service: 'checkout', environment: 'production', key: 'after:none' } };

/** The pipelines a test's mutations started. */
const started = (calls: { op: string; args: unknown[] }[]) => calls.map((c) => `${c.op === 'start' ? '' : `${c.op}:`}${(c.args[0] as { name?: string }).name}`);

function confirmed(name: string, slots: Record<string, ReturnType<typeof slot>>, attributes: Record<string, unknown>, newSession: boolean) {
  return envelope({ type: 'IntentRequest', dialogState: 'IN_PROGRESS', intent: intent(name, slots, 'CONFIRMED') }, { attributes, newSession });
}

describe('a confirmed request without its read-back', () => {
  it('reads a one-shot confirmed deploy back and starts nothing', async () => {
    const { skill, mutations } = testSkill();

    const response = await skill.invoke(intentRequest(intent('DeployIntent', CHECKOUT_PROD, 'CONFIRMED'), {}, 'IN_PROGRESS'));

    expect(spoken(response)).toMatch(/Shall I push checkout to production\?$/);
    expect(directive(response, 'Dialog.ConfirmIntent')).toBeDefined();
    expect(mutations()).toEqual([]);
  });

  it('ignores a read-back that a new session carries, since Alexa starts every session empty', async () => {
    const { skill, mutations } = testSkill();

    const response = await skill.invoke(confirmed('DeployIntent', CHECKOUT_PROD, readBackOfCheckoutProd, true));

    expect(directive(response, 'Dialog.ConfirmIntent')).toBeDefined();
    // Only what this turn wrote: its own read-back (and whether a shortcut offer may follow the release).
    expect(response.sessionAttributes).toEqual({ pending: expect.objectContaining({ service: 'checkout', environment: 'production' }), shortcutDue: true });
    expect(mutations()).toEqual([]);
  });

  it('acts on the same request once the session holds its read-back', async () => {
    const { skill, mutations } = testSkill();

    const response = await skill.invoke(confirmed('DeployIntent', CHECKOUT_PROD, readBackOfCheckoutProd, false));

    expect(spoken(response)).toMatch(/^Done/);
    expect(started(mutations())).toEqual(['checkout-prod']);
  });

  it('reads back another target rather than acting on the read-back of the first', async () => {
    const { skill, mutations } = testSkill();
    const staging = { service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'staging', 'staging') };

    const response = await skill.invoke(confirmed('DeployIntent', staging, readBackOfCheckoutProd, false));

    expect(spoken(response)).toMatch(/Shall I push checkout to staging\?$/);
    expect(mutations()).toEqual([]);
  });

  it('reads back a rollback confirmed on the read-back of a deploy', async () => {
    const { skill, deployments, mutations } = testSkill();
    deployments.deployments.set('checkout-prod', []);

    const response = await skill.invoke(confirmed('RollbackIntent', CHECKOUT_PROD, readBackOfCheckoutProd, false));

    expect(spoken(response)).not.toMatch(/^Done/);
    expect(mutations()).toEqual([]);
  });

  it('reads back when the service was filled in by the default rather than said', async () => {
    const { skill, mutations } = testSkill({ defaultService: 'checkout' });
    const noService = { service: slot('service', undefined), environment: slot('environment', 'prod', 'production') };

    const response = await skill.invoke(confirmed('DeployIntent', noService, readBackOfCheckoutProd, false));

    expect(spoken(response)).toMatch(/Shall I push checkout to production\?$/);
    expect(directive(response, 'Dialog.ConfirmIntent')?.updatedIntent?.slots?.service?.value).toBe('checkout');
    expect(mutations()).toEqual([]);
  });

  it('reads back when the only environment was filled in rather than said', async () => {
    const { skill, mutations } = testSkill();
    const billing = { service: slot('service', 'billing', 'billing'), environment: slot('environment', undefined) };
    const readBack = { pending: { action: 'deploy', service: 'billing', environment: 'production', key: 'after:none' } };

    const response = await skill.invoke(confirmed('DeployIntent', billing, readBack, false));

    expect(spoken(response)).toMatch(/Shall I push billing to production\?$/);
    expect(mutations()).toEqual([]);
  });
});

describe('after the skill asked which service', () => {
  it('never starts the default service for a confirmed request whose service is empty or unknown', async () => {
    const { skill, mutations } = testSkill({ defaultService: 'checkout' });
    const talk = new Conversation(skill);
    await talk.ask('DeployIntent', { service: ['basket', null], environment: ['prod', 'production'] });
    expect(directive(talk.last, 'Dialog.ElicitSlot')?.slotToElicit).toBe('service');

    await talk.send({ type: 'IntentRequest', dialogState: 'IN_PROGRESS', intent: intent('DeployIntent', { service: slot('service', undefined), environment: slot('environment', 'prod', 'production') }, 'CONFIRMED') });
    await talk.send({ type: 'IntentRequest', dialogState: 'IN_PROGRESS', intent: intent('DeployIntent', { service: slot('service', 'basket', null), environment: slot('environment', 'prod', 'production') }, 'CONFIRMED') });

    expect(mutations()).toEqual([]);
  });
});

describe('the read-back, then yes', () => {
  it('starts the pipeline that was read back, once', async () => {
    const { skill, pipelines, mutations } = testSkill();
    pipelines.executions.set('checkout-prod', [execution('ex-last', 'Succeeded', 120)]);
    const talk = new Conversation(skill);

    expect(await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] })).toMatch(/Shall I push checkout to production\?$/);
    expect(await talk.yes()).toMatch(/^Done/);

    expect(started(mutations())).toEqual(['checkout-prod']);
  });
});

describe('a freeze override', () => {
  const frozen = { admins: ['amzn1.ask.account.ALLOWED_TEAM_LEAD'], policies: { production: { freezes: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00', reason: 'the holidays' }] } } };

  it('is not taken from a confirmed request that carries no override question', async () => {
    const { skill, mutations, logs } = testSkill(frozen);

    const response = await skill.invoke(confirmed('DeployIntent', CHECKOUT_PROD, {}, false));

    expect(spoken(response)).toMatch(/the holidays/);
    expect(logs.filter((l) => l.fields.outcome === 'freeze-overridden')).toEqual([]);
    expect(mutations()).toEqual([]);
  });
});
