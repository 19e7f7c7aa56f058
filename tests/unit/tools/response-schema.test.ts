import { readFileSync } from 'node:fs';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { RESPONSE_SCHEMA_PATH } from '../../../tools/response-schema';
import { alexaRefusals } from '../../support/alexa-response-rules';
import { intent, intentRequest, launch, slot } from '../../support/envelopes';
import { cachedResponseSchema } from '../../support/response-schema-cache';

function said(text: string, extra: Record<string, unknown> = {}): ResponseEnvelope {
  return { version: '1.0', response: { outputSpeech: { type: 'SSML', ssml: `<speak>${text}</speak>` }, shouldEndSession: true, ...extra } };
}

describe('the ResponseEnvelope schema', () => {
  // Generated afresh whenever an input of the generator changed (tests/support/response-schema-cache.ts).
  it('is committed as npm run response-schema generates it from the installed ask-sdk-model', () => {
    expect(readFileSync(RESPONSE_SCHEMA_PATH, 'utf8')).toBe(cachedResponseSchema());
  }, 20_000);
});

describe('alexaRefusals', () => {
  it('takes a response ask-sdk-model knows every field of', () => {
    expect(alexaRefusals(launch(), said('Release captain here.'))).toEqual([]);
  });

  it('refuses a field ask-sdk-model does not know, naming it', () => {
    expect(alexaRefusals(launch(), said('Release captain here.', { shouldEndsession: true }))).toEqual([
      'schema: /response must NOT have additional properties "shouldEndsession"',
    ]);
  });

  it('refuses a field of the wrong type', () => {
    expect(alexaRefusals(launch(), said('Release captain here.', { shouldEndSession: 'yes' }))).toEqual(['schema: /response/shouldEndSession must be boolean']);
  });

  it('takes a slot echoed as Alexa sent it, with source and an unmatched resolution', () => {
    // Prepare
    const heard = slot('environment', 'moon base');
    const request = intentRequest(intent('LockIntent', { environment: heard }));
    const updatedIntent = intent('LockIntent', { environment: heard });
    const response: ResponseEnvelope = {
      version: '1.0',
      response: { ...said('Which environment?').response, shouldEndSession: false, directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'environment', updatedIntent }] },
    };
    // Act
    const refusals = alexaRefusals(request, response);
    // Assess
    expect(heard).toMatchObject({ source: 'USER', resolutions: { resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_NO_MATCH' } }] } });
    expect(refusals).toEqual([]);
  });

  it('names the rule of the simulator a response breaks', () => {
    // Prepare
    const request = intentRequest(intent('LockIntent', { environment: slot('environment', undefined) }));
    const response: ResponseEnvelope = {
      version: '1.0',
      response: { ...said('Which environment?').response, directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'environment', updatedIntent: intent('LockIntent', { environment: slot('environment', undefined) }) }] },
    };
    // Act
    const refusals = alexaRefusals(request, response);
    // Assess
    expect(refusals).toEqual(['dialog-keeps-session-open: Dialog.ElicitSlot comes with shouldEndSession: true']);
  });
});
