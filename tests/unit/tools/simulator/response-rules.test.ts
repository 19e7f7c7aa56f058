import type { Directive, Intent, Request, Response, ResponseEnvelope } from 'ask-sdk-model';
import { aplDocumentBreaches, responseBreaches, type ResponseRule } from '../../../../tools/simulator/response-rules';
import { fixtureModel } from './fake-skill';

/*
 * Each of Alexa's rules, shown refusing a response that breaks it and taking the same response put right. The fixture
 * model gives DeployIntent the slots service and environment, UnlockIntent only pin.
 */

const model = fixtureModel();

function intent(name: string, slots: Record<string, string | undefined>, confirmationStatus: Intent['confirmationStatus'] = 'NONE'): Intent {
  return {
    name,
    confirmationStatus,
    slots: Object.fromEntries(Object.entries(slots).map(([slot, value]) => [slot, { name: slot, confirmationStatus: 'NONE', ...(value === undefined ? {} : { value }) }])),
  };
}

const DEPLOY = intent('DeployIntent', { service: 'checkout', environment: undefined });

function intentRequest(asked: Intent = DEPLOY): Request {
  return { type: 'IntentRequest', requestId: 'amzn1.echo-api.request.1', timestamp: '2026-01-01T00:00:00Z', locale: 'en-US', dialogState: 'STARTED', intent: asked };
}

const LAUNCH: Request = { type: 'LaunchRequest', requestId: 'amzn1.echo-api.request.2', timestamp: '2026-01-01T00:00:00Z', locale: 'en-US' };

const RESUMED = {
  type: 'SessionResumedRequest', requestId: 'amzn1.echo-api.request.3', timestamp: '2026-01-01T00:00:00Z', locale: 'en-US',
  cause: { type: 'ConnectionCompleted', token: 'offer', status: { code: '200', message: 'OK' } },
} as Request;

function ssml(text: string): { type: 'SSML'; ssml: string } {
  return { type: 'SSML', ssml: `<speak>${text}</speak>` };
}

/** A response as the skill builds one: speech and a reprompt that asks, the directives given, the session open. */
function answer(directives: Directive[], response: Partial<Response> = {}, attributes?: Record<string, unknown>): ResponseEnvelope {
  return {
    version: '1.0',
    ...(attributes ? { sessionAttributes: attributes } : {}),
    response: { outputSpeech: ssml('Which environment?'), reprompt: { outputSpeech: ssml('Which environment?') }, directives, ...response },
  };
}

const elicitEnvironment = (updated: Intent = DEPLOY): Directive => ({ type: 'Dialog.ElicitSlot', slotToElicit: 'environment', updatedIntent: updated });

function rulesBroken(request: Request, envelope: ResponseEnvelope): ResponseRule[] {
  return responseBreaches(model, request, envelope).map((breach) => breach.rule);
}

describe('responseBreaches', () => {
  it('takes a Dialog.ElicitSlot that names the request intent with exactly its slots', () => {
    expect(rulesBroken(intentRequest(), answer([elicitEnvironment()]))).toEqual([]);
  });

  it.each<[string, ResponseRule, Request, ResponseEnvelope, Request, ResponseEnvelope]>([
    [
      'a Dialog directive in answer to a SessionResumedRequest', 'dialog-answers-intent-request',
      RESUMED, answer([elicitEnvironment()]),
      intentRequest(), answer([elicitEnvironment()]),
    ],
    [
      'a LaunchRequest chained into a built-in intent', 'dialog-chains-into-custom-intent',
      LAUNCH, answer([{ type: 'Dialog.ConfirmIntent', updatedIntent: intent('AMAZON.HelpIntent', {}) }]),
      LAUNCH, answer([{ type: 'Dialog.ConfirmIntent', updatedIntent: DEPLOY }]),
    ],
    [
      'a LaunchRequest chained into an intent the dialog model lacks', 'dialog-chains-into-custom-intent',
      LAUNCH, answer([elicitEnvironment(intent('StatusIntent', { service: 'checkout', environment: undefined }))]),
      LAUNCH, answer([elicitEnvironment(intent('RollbackIntent', { service: 'checkout', environment: undefined }))]),
    ],
    [
      'a LaunchRequest chained into an intent the model does not have', 'dialog-chains-into-custom-intent',
      LAUNCH, answer([{ type: 'Dialog.Delegate', updatedIntent: intent('ShipItIntent', {}) }], { outputSpeech: undefined, reprompt: undefined }),
      LAUNCH, answer([{ type: 'Dialog.Delegate', updatedIntent: DEPLOY }], { outputSpeech: undefined, reprompt: undefined }),
    ],
    [
      'a Dialog directive in answer to a LaunchRequest with no intent to chain into', 'dialog-chains-into-custom-intent',
      LAUNCH, answer([{ type: 'Dialog.ElicitSlot', slotToElicit: 'environment' }]),
      LAUNCH, answer([elicitEnvironment()]),
    ],
    [
      'a LaunchRequest chained into an intent with a slot it does not have', 'dialog-slots-match-model',
      LAUNCH, answer([{ type: 'Dialog.ConfirmIntent', updatedIntent: intent('DeployIntent', { service: 'checkout', environment: 'production', pin: undefined }) }]),
      LAUNCH, answer([{ type: 'Dialog.ConfirmIntent', updatedIntent: intent('DeployIntent', { service: 'checkout', environment: 'production' }) }]),
    ],
    [
      'a LaunchRequest chained into an intent, asking for a slot it does not have', 'dialog-target-slot-of-intent',
      LAUNCH, answer([{ type: 'Dialog.ElicitSlot', slotToElicit: 'pin', updatedIntent: DEPLOY }]),
      LAUNCH, answer([{ type: 'Dialog.ElicitSlot', slotToElicit: 'service', updatedIntent: DEPLOY }]),
    ],
    [
      // The yes to a read-back asked on a screen answers as the intent it asked about: only into a custom intent.
      'a yes chained into a built-in intent', 'dialog-chains-into-custom-intent',
      intentRequest(intent('AMAZON.YesIntent', {})), answer([{ type: 'Dialog.ConfirmIntent', updatedIntent: intent('AMAZON.HelpIntent', {}) }]),
      intentRequest(intent('AMAZON.YesIntent', {})), answer([{ type: 'Dialog.ConfirmIntent', updatedIntent: DEPLOY }]),
    ],
    [
      'a no chained into an intent the dialog model lacks', 'dialog-chains-into-custom-intent',
      intentRequest(intent('AMAZON.NoIntent', {})), answer([elicitEnvironment(intent('StatusIntent', { service: 'checkout', environment: undefined }))]),
      intentRequest(intent('AMAZON.NoIntent', {})), answer([elicitEnvironment()]),
    ],
    [
      'a yes chained into an intent with other slots than the model gives it', 'dialog-slots-match-model',
      intentRequest(intent('AMAZON.YesIntent', {})), answer([elicitEnvironment(intent('DeployIntent', { environment: undefined }))]),
      intentRequest(intent('AMAZON.YesIntent', {})), answer([elicitEnvironment()]),
    ],
    [
      'a yes chained into a slot its new intent does not have', 'dialog-target-slot-of-intent',
      intentRequest(intent('AMAZON.YesIntent', {})), answer([{ type: 'Dialog.ElicitSlot', slotToElicit: 'pin', updatedIntent: DEPLOY }]),
      intentRequest(intent('AMAZON.YesIntent', {})), answer([elicitEnvironment()]),
    ],
    [
      // Only yes and no chain: any other built-in intent naming another intent is still the defect.
      'a built-in intent other than yes or no answered with another intent', 'dialog-names-request-intent',
      intentRequest(intent('AMAZON.HelpIntent', {})), answer([elicitEnvironment()]),
      intentRequest(intent('AMAZON.YesIntent', {})), answer([elicitEnvironment()]),
    ],
    [
      'an updatedIntent that names another intent than the request', 'dialog-names-request-intent',
      intentRequest(intent('RollbackIntent', { service: 'checkout', environment: undefined })), answer([elicitEnvironment()]),
      intentRequest(), answer([elicitEnvironment()]),
    ],
    [
      'an updatedIntent with a slot its intent does not have', 'dialog-slots-match-model',
      intentRequest(), answer([elicitEnvironment(intent('DeployIntent', { service: 'checkout', environment: undefined, pin: undefined }))]),
      intentRequest(), answer([elicitEnvironment()]),
    ],
    [
      'an updatedIntent that lacks a slot of its intent', 'dialog-slots-match-model',
      intentRequest(), answer([elicitEnvironment(intent('DeployIntent', { environment: undefined }))]),
      intentRequest(), answer([elicitEnvironment(intent('DeployIntent', { service: undefined, environment: undefined }))]),
    ],
    [
      'a slot kept under another slot\'s name', 'dialog-slot-keyed-by-name',
      intentRequest(), answer([elicitEnvironment({ ...DEPLOY, slots: { service: { name: 'environment', confirmationStatus: 'NONE' }, environment: { name: 'environment', confirmationStatus: 'NONE' } } })]),
      intentRequest(), answer([elicitEnvironment()]),
    ],
    [
      'a slotToElicit that is no slot of the intent', 'dialog-target-slot-of-intent',
      intentRequest(), answer([{ type: 'Dialog.ElicitSlot', slotToElicit: 'pin', updatedIntent: DEPLOY }]),
      intentRequest(), answer([{ type: 'Dialog.ElicitSlot', slotToElicit: 'service', updatedIntent: DEPLOY }]),
    ],
    [
      'a slotToConfirm that is no slot of the intent', 'dialog-target-slot-of-intent',
      intentRequest(), answer([{ type: 'Dialog.ConfirmSlot', slotToConfirm: 'count', updatedIntent: DEPLOY }]),
      intentRequest(), answer([{ type: 'Dialog.ConfirmSlot', slotToConfirm: 'service', updatedIntent: DEPLOY }]),
    ],
    [
      'a Dialog directive that ends the session', 'dialog-keeps-session-open',
      intentRequest(), answer([elicitEnvironment()], { shouldEndSession: true }),
      intentRequest(), answer([elicitEnvironment()], { shouldEndSession: false }),
    ],
    [
      'two Dialog directives', 'one-dialog-directive',
      intentRequest(), answer([elicitEnvironment(), { type: 'Dialog.ConfirmIntent', updatedIntent: DEPLOY }]),
      intentRequest(), answer([elicitEnvironment(), { type: 'Dialog.UpdateDynamicEntities', updateBehavior: 'CLEAR' }]),
    ],
    [
      'a Dialog.Delegate with speech', 'delegate-without-speech',
      intentRequest(), answer([{ type: 'Dialog.Delegate', updatedIntent: DEPLOY }]),
      intentRequest(), answer([{ type: 'Dialog.Delegate', updatedIntent: DEPLOY }], { outputSpeech: undefined, reprompt: undefined }),
    ],
    [
      'a Dialog.ConfirmIntent without speech', 'dialog-question-has-speech',
      intentRequest(), answer([{ type: 'Dialog.ConfirmIntent', updatedIntent: DEPLOY }], { outputSpeech: undefined }),
      intentRequest(), answer([{ type: 'Dialog.ConfirmIntent', updatedIntent: DEPLOY }]),
    ],
    [
      'speech over 8000 characters', 'speech-within-8000-characters',
      LAUNCH, answer([], { outputSpeech: ssml('a'.repeat(7990)) }),
      LAUNCH, answer([], { outputSpeech: ssml('a'.repeat(7985)) }),
    ],
    [
      'a reprompt over 8000 characters', 'speech-within-8000-characters',
      LAUNCH, answer([], { reprompt: { outputSpeech: { type: 'PlainText', text: 'é'.repeat(8001) } } }),
      LAUNCH, answer([], { reprompt: { outputSpeech: { type: 'PlainText', text: 'é'.repeat(8000) } } }),
    ],
    [
      'SSML that is not well-formed', 'ssml-well-formed',
      LAUNCH, answer([], { outputSpeech: ssml('Ship R&D?') }),
      LAUNCH, answer([], { outputSpeech: ssml('Ship R&amp;D?') }),
    ],
    [
      'SSML outside <speak>', 'ssml-well-formed',
      LAUNCH, answer([], { outputSpeech: { type: 'SSML', ssml: 'Ship it?' } }),
      LAUNCH, answer([], { outputSpeech: { type: 'PlainText', text: 'Ship it?' } }),
    ],
    [
      'a card whose text is over 8000 characters', 'card-within-limits',
      LAUNCH, answer([], { card: { type: 'Simple', title: 'Release', content: 'x'.repeat(7994) } }),
      LAUNCH, answer([], { card: { type: 'Simple', title: 'Release', content: 'x'.repeat(7993) } }),
    ],
    [
      'a card image URL over 2000 characters', 'card-within-limits',
      LAUNCH, answer([], { card: { type: 'Standard', title: 'Release', text: 'Shipped.', image: { smallImageUrl: `https://example.com/${'i'.repeat(1981)}` } } }),
      LAUNCH, answer([], { card: { type: 'Standard', title: 'Release', text: 'Shipped.', image: { smallImageUrl: `https://example.com/${'i'.repeat(1980)}` } } }),
    ],
    [
      'session attributes that take the response over 24 KB', 'response-within-24-kb',
      LAUNCH, answer([], {}, { history: 'h'.repeat(24 * 1024) }),
      LAUNCH, answer([], {}, { history: 'h'.repeat(20 * 1024) }),
    ],
  ])('refuses %s (%s) and takes it put right', (_, rule, badRequest, bad, goodRequest, good) => {
    // Act
    const refused = rulesBroken(badRequest, bad);
    const taken = rulesBroken(goodRequest, good);
    // Assess
    expect(refused).toEqual([rule]);
    expect(taken).toEqual([]);
  });

  describe('a Connections.StartConnection offering a routine', () => {
    const offer = (change: (o: Record<string, any>) => void = () => undefined): Directive => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const directive: Record<string, any> = { // eslint-disable-line @typescript-eslint/no-explicit-any
        type: 'Connections.StartConnection', uri: 'connection://AMAZON.OfferAutomation/1', onCompletion: 'RESUME_SESSION', token: 'offer',
        input: { automation: {
          trigger: { type: 'Alexa.Automation.Trigger.Voice.CustomUtterance', version: '1.0', payload: { utterances: ['push to prod'], locale: 'en-US' } },
          operations: { serial: [{ operation: { type: 'Alexa.Automation.Operation.Skill.StartConnection', version: '1.0', operationId: 'op', payload: {} } }] },
        } },
      };
      change(directive);
      return directive as Directive;
    };
    const spoken = (directives: Directive[], response: Partial<Response> = {}): ResponseEnvelope => ({
      version: '1.0', response: { outputSpeech: ssml('Done.'), directives, ...response },
    });

    it('takes an offer with speech, no reprompt and the session left to be resumed', () => {
      expect(rulesBroken(intentRequest(), spoken([offer()]))).toEqual([]);
      expect(rulesBroken(RESUMED, spoken([offer()]))).toEqual([]);
    });

    it.each<[string, ResponseRule, ResponseEnvelope]>([
      ['one that ends the session it is to resume', 'connection-resumes-session', spoken([offer()], { shouldEndSession: true })],
      ['one with a reprompt', 'connection-without-reprompt', spoken([offer()], { reprompt: { outputSpeech: ssml('Well?') } })],
      ['one beside a Dialog directive', 'connection-alone', spoken([offer(), { type: 'Dialog.ConfirmIntent', updatedIntent: DEPLOY }], { outputSpeech: ssml('Sure?') })],
      ['one beside an AudioPlayer directive', 'connection-alone', spoken([offer(), { type: 'AudioPlayer.Stop' }])],
      ['one that does not resume the session', 'offer-automation-input', spoken([offer((o) => { o.onCompletion = 'SEND_ERRORS_ONLY'; })])],
      ['one without an automation', 'offer-automation-input', spoken([offer((o) => { o.input = {}; })])],
      ['one with six utterances', 'offer-automation-input', spoken([offer((o) => { o.input.automation.trigger.payload.utterances = ['a', 'b', 'c', 'd', 'e', 'f']; })])],
      ['one with digits in an utterance', 'offer-automation-input', spoken([offer((o) => { o.input.automation.trigger.payload.utterances = ['push to prod 2']; })])],
      ['one in another locale than the device\'s', 'offer-automation-input', spoken([offer((o) => { o.input.automation.trigger.payload.locale = 'en-GB'; })])],
      ['one with an unknown trigger', 'offer-automation-input', spoken([offer((o) => { o.input.automation.trigger.type = 'Alexa.Automation.Trigger.Voice.Anything'; })])],
      ['one with no operation', 'offer-automation-input', spoken([offer((o) => { o.input.automation.operations.serial = []; })])],
    ])('refuses %s (%s)', (_, rule, bad) => {
      expect(rulesBroken(intentRequest(), bad)).toEqual([rule]);
    });

    it('refuses a custom utterance trigger in a locale it does not work in', () => {
      const japanese = { ...intentRequest(), locale: 'ja-JP' } as Request;
      expect(rulesBroken(japanese, spoken([offer((o) => { o.input.automation.trigger.payload.locale = 'ja-JP'; })]))).toEqual(['offer-automation-input']);
    });
  });

  it('says which slots are extra and which are missing', () => {
    // Prepare
    const lockWithService = intent('UnlockIntent', { service: undefined, environment: undefined });
    // Act
    const breaches = responseBreaches(model, intentRequest(intent('UnlockIntent', { pin: undefined })), answer([{ type: 'Dialog.ElicitSlot', slotToElicit: 'pin', updatedIntent: lockWithService }]));
    // Assess
    expect(breaches.map((b) => b.detail)).toEqual([
      'Dialog.ElicitSlot\'s updatedIntent UnlockIntent carries "service", "environment", which UnlockIntent does not have',
      'Dialog.ElicitSlot\'s updatedIntent UnlockIntent lacks "pin" of the model\'s slots',
    ]);
  });

  it('checks the request intent when a directive carries no updatedIntent', () => {
    // Act
    const refused = rulesBroken(intentRequest(), answer([{ type: 'Dialog.ElicitSlot', slotToElicit: 'pin' }]));
    const taken = rulesBroken(intentRequest(), answer([{ type: 'Dialog.ElicitSlot', slotToElicit: 'environment' }]));
    // Assess
    expect(refused).toEqual(['dialog-target-slot-of-intent']);
    expect(taken).toEqual([]);
  });

  it('leaves a response without a response object to the caller', () => {
    expect(responseBreaches(model, LAUNCH, {} as ResponseEnvelope)).toEqual([]);
  });
});

describe('responseBreaches for screens (APL)', () => {
  const APL_DEVICE = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } };
  const declared = { manifestInterfaces: ['ALEXA_PRESENTATION_APL'], supportedInterfaces: APL_DEVICE };
  const document = { type: 'APL', version: '2024.1', mainTemplate: { parameters: ['payload'], items: [{ type: 'Text', text: '${payload.screen.heading}' }] } };
  const render = (fields: Record<string, unknown> = {}): Directive => ({ type: 'Alexa.Presentation.APL.RenderDocument', token: 'push-to-prod.status', document, ...fields } as Directive);
  const said = (directives: Directive[]) => answer(directives, { reprompt: undefined, shouldEndSession: true });
  const broken = (envelope: ResponseEnvelope, context: Parameters<typeof responseBreaches>[3], request: Request = intentRequest()) => (
    responseBreaches(model, request, envelope, context).map((breach) => breach.rule)
  );

  it('takes a RenderDocument with a token and an APL document, to a device that supports APL, from a skill that declares it', () => {
    expect(broken(said([render()]), declared)).toEqual([]);
  });

  it('refuses a RenderDocument to a device whose supportedInterfaces lack APL', () => {
    expect(broken(said([render()]), { ...declared, supportedInterfaces: {} })).toEqual(['apl-supported-by-device']);
  });

  it('refuses a RenderDocument from a skill whose manifest does not declare APL', () => {
    expect(broken(said([render()]), { ...declared, manifestInterfaces: [] })).toEqual(['apl-declared-in-manifest']);
    expect(broken(said([render()]), undefined)).toEqual(['apl-declared-in-manifest', 'apl-supported-by-device']);
  });

  it('refuses a RenderDocument beside a Dialog directive, and takes the Dialog directive alone', () => {
    expect(broken(answer([elicitEnvironment(), render()]), declared)).toEqual(['apl-not-beside-dialog']);
    expect(broken(answer([elicitEnvironment()]), declared)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['no token', { token: undefined }],
    ['no document', { document: undefined }],
    ['a document that is not APL', { document: { ...document, type: 'APLA' } }],
    ['an APL document without a version', { document: { ...document, version: undefined } }],
    ['an APL document without a mainTemplate', { document: { type: 'APL', version: '2024.1' } }],
    ['a Link that is not a doc:// address', { document: { type: 'Link', src: 'https://example.com/doc.json' } }],
  ])('refuses a RenderDocument with %s', (_, fields) => {
    expect(broken(said([render(fields)]), declared)).toEqual(['apl-render-document-shape']);
  });
});

describe('aplDocumentBreaches', () => {
  const valid = { type: 'APL', version: '2024.1', mainTemplate: { parameters: ['payload'], items: [{ type: 'Text', text: 'x', fontSize: '20dp' }] } };
  const withDocument = (document: unknown): ResponseEnvelope => answer([{ type: 'Alexa.Presentation.APL.RenderDocument', token: 't', document } as Directive]);

  it('takes a document apl-suggester finds nothing wrong with', async () => {
    await expect(aplDocumentBreaches(withDocument(valid))).resolves.toEqual([]);
  });

  it('refuses a document apl-suggester finds fault with, naming where', async () => {
    // Prepare: a font size that is no dimension, an alignment APL does not have
    const bad = { ...valid, mainTemplate: { items: [{ type: 'Text', text: 'x', fontSize: 'huge', textAlign: 'middle' }] } };

    // Act
    const breaches = await aplDocumentBreaches(withDocument(bad));

    // Assess
    expect(breaches.map((b) => b.rule)).toContain('apl-document-valid');
    expect(breaches.map((b) => b.detail).join('\n')).toMatch(/\/mainTemplate\/items\/0\/fontSize/);
  });

  it('refuses a document that imports packages, which cannot be checked offline', async () => {
    const breaches = await aplDocumentBreaches(withDocument({ ...valid, import: [{ name: 'alexa-layouts', version: '1.7.0' }] }));
    expect(breaches.map((b) => b.rule)).toEqual(['apl-document-valid']);
  });
});
