import type { RequestEnvelope } from 'ask-sdk-model';
import { normaliseEnvelope } from '../../lambda/src/runtime/envelope';
import { directive, spoken } from '../support/conversation';
import { envelope, intent, intentRequest, launch, slot } from '../support/envelopes';
import { alexaRefusals } from '../support/alexa-response-rules';
import { invalidSsml } from '../support/ssml-check';
import { testSkill } from '../support/test-skill';

/** The defects tests/proof/fuzz.test.ts found, each pinned down by a plain example so it cannot come back unseen. */

const CHECKOUT_PROD = { service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'prod', 'production') };
const PENDING = { action: 'deploy', service: 'checkout', environment: 'production', key: 'after:none' };

function withoutSession(request: RequestEnvelope): RequestEnvelope {
  const copy: Partial<RequestEnvelope> = { ...request };
  delete copy.session;
  return copy as RequestEnvelope;
}

describe('defects found by fuzzing', () => {
  it('echoes back only the session attributes it wrote itself', async () => {
    // Prepare
    const { skill } = testSkill();
    const request = launch({ newSession: false, attributes: { blob: 'x'.repeat(50_000), pending: PENDING } });

    // Act
    const response = await skill.invoke(request);

    // Assess
    expect(response.sessionAttributes).toEqual({ pending: PENDING });
    expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThan(24 * 1024);
  });

  it('drops a pending confirmation whose fields are too long to be its own', async () => {
    // Prepare
    const { skill } = testSkill();
    const request = launch({ newSession: false, attributes: { pending: { ...PENDING, key: '"'.repeat(5000) } } });

    // Act
    const response = await skill.invoke(request);

    // Assess
    expect(response.sessionAttributes).toEqual({});
  });

  it.each(['AMAZON.StopIntent', 'AMAZON.NoIntent'])('answers %s that comes without a session instead of failing', async (name) => {
    // Prepare
    const { skill, logs } = testSkill();

    // Act
    const response = await skill.invoke(normaliseEnvelope(withoutSession(intentRequest(intent(name)))));

    // Assess
    expect(spoken(response)).toBe('Okay. Nothing was changed.');
    expect(logs.filter((line) => line.event === 'request.failed')).toEqual([]);
  });

  it('denies a deploy that comes without a session in words, not with an error', async () => {
    // Prepare
    const { skill, mutations } = testSkill();
    const denied = withoutSession(intentRequest(intent('DeployIntent', CHECKOUT_PROD, 'DENIED'), {}, 'COMPLETED'));

    // Act
    const response = await skill.invoke(normaliseEnvelope(denied));

    // Assess
    expect(spoken(response)).toBe("Okay, I won't push checkout in production. Nothing was changed.");
    expect(mutations()).toEqual([]);
  });

  it.each(['constructor', '__proto__', 'toString'])('speaks English for the locale %s and reports the release it started', async (locale) => {
    // Prepare
    const { skill, mutations } = testSkill();
    const confirmed = intentRequest(intent('DeployIntent', CHECKOUT_PROD, 'CONFIRMED'), { locale, newSession: false, attributes: { pending: PENDING } }, 'IN_PROGRESS');

    // Act
    const response = await skill.invoke(confirmed);

    // Assess
    expect(spoken(response)).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(mutations()).toHaveLength(1);
  });

  it('repeats only the start of an unknown service and sends back only the model\'s slots', async () => {
    // Prepare
    const { skill } = testSkill();
    const hebrew = 'ש'.repeat(5000);
    const request = envelope({
      type: 'IntentRequest',
      dialogState: 'STARTED',
      intent: intent('DeployIntent', {
        service: slot('service', hebrew),
        environment: slot('environment', '"'.repeat(5000)),
        extra: slot('environment', 'x'.repeat(5000)),
      }),
    });

    // Act
    const response = await skill.invoke(request);

    // Assess
    expect(spoken(response)).toBe(`I don't know a service called ${'ש'.repeat(60)}…. Which one: checkout or billing?`);
    expect(directive(response, 'Dialog.ElicitSlot')?.updatedIntent?.slots).toEqual({
      service: { name: 'service', confirmationStatus: 'NONE' },
      environment: { name: 'environment', confirmationStatus: 'NONE' },
      pin: { name: 'pin', confirmationStatus: 'NONE' },
    });
    expect(alexaRefusals(request, response)).toEqual([]);
    expect(invalidSsml(response)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThan(24 * 1024);
  });
});
