import type { ResponseEnvelope } from 'ask-sdk-model';
import { alexaRefusals } from '../../support/alexa-response-rules';
import { earBreaches, sentencesOf, wordsOf } from '../../support/ear-rules';
import { intent, intentRequest, launch } from '../../support/envelopes';

function said(text: string, extra: Partial<ResponseEnvelope['response']> = {}): ResponseEnvelope {
  return { version: '1.0', response: { outputSpeech: { type: 'SSML', ssml: `<speak>${text}</speak>` }, shouldEndSession: true, ...extra } };
}

/** A read-back: speech, a reprompt and Dialog.ConfirmIntent, as the deploy handler answers. */
function readBack(text: string): ResponseEnvelope {
  return said(text, {
    shouldEndSession: false,
    reprompt: { outputSpeech: { type: 'SSML', ssml: '<speak>Say yes or no.</speak>' } },
    directives: [{ type: 'Dialog.ConfirmIntent', updatedIntent: intent('DeployIntent') }],
  });
}

const rulesOf = (response: ResponseEnvelope, request = launch()) => earBreaches(request, response).map((b) => b.rule);

describe('the ear rules', () => {
  it('takes a read-back of two short sentences with a commit subject and a spoken time', () => {
    const response = readBack('This ships Fix tax rounding v1.2.3, which succeeded in staging 2 hours ago, to production. Shall I push checkout to production?');
    expect(earBreaches(intentRequest(intent('DeployIntent')), response)).toEqual([]);
  });

  it.each([
    ['a short commit id', 'The last release, commit 7a509296, succeeded.'],
    ['an execution id prefix', 'The pipeline has started, execution 03b6abe8.'],
    ['an etag', 'It runs revision 6cb32e6f.'],
    ['a deployment id', 'Deployment d-WAHZPY123 of checkout is running.'],
    ['a UUID', 'Execution 83b82880-1f2e-4c3d-9a8b-7c6d5e4f3a2b has started.'],
    ['an ARN', 'I used arn:aws:iam::123456789012:role/push-to-prod.'],
    ['an Alexa account id', 'Your id is amzn1.ask.account.ABC.'],
  ])('catches %s in speech', (_kind, text) => {
    expect(rulesOf(said(text))).toContain('ear/no-ids');
  });

  it('catches an id in the reprompt too', () => {
    const response = said('Shall I?', { shouldEndSession: false, reprompt: { outputSpeech: { type: 'PlainText', text: 'Shall I ship 7a509296?' } } });
    expect(earBreaches(launch(), response)).toEqual([expect.objectContaining({ rule: 'ear/no-ids', detail: expect.stringContaining('reprompt says a hex id, "7a509296"') })]);
  });

  it('takes English words made of hex letters, and plain numbers', () => {
    expect(rulesOf(said('A decade of facade work: 120000 requests, 45 minutes.'))).toEqual([]);
  });

  it('catches a read-back of three sentences', () => {
    const response = readBack('This starts the checkout-prod pipeline. The last release succeeded. Shall I push checkout to production?');
    expect(earBreaches(launch(), response)).toEqual([expect.objectContaining({ rule: 'ear/read-back-length', detail: expect.stringMatching(/^the read-back has 3 sentences/) })]);
  });

  it('catches a read-back of more than 40 words in two sentences', () => {
    const response = readBack(`This ships ${'one more word and '.repeat(8)}the rest. Shall I push checkout to production?`);
    expect(earBreaches(launch(), response)).toEqual([expect.objectContaining({ rule: 'ear/read-back-length', detail: expect.stringMatching(/^the read-back has 4\d words/) })]);
  });

  it('catches a read-back asked on a screen, as a plain question, of three sentences', () => {
    const response = said('This starts the checkout-prod pipeline. The last release succeeded. Shall I push checkout to production?', {
      shouldEndSession: false,
      reprompt: { outputSpeech: { type: 'SSML', ssml: '<speak>Say yes or no.</speak>' } },
      directives: [{ type: 'Alexa.Presentation.APL.RenderDocument', token: 'push-to-prod.read-back', document: {} }],
    });
    expect(rulesOf(response)).toEqual(['ear/read-back-length']);
  });

  it('holds only read-backs to the length: a status may be longer', () => {
    expect(rulesOf(said('One. Two. Three. Four.'))).toEqual([]);
  });

  it.each([
    ['an ISO timestamp', 'It started at 2026-12-01T10:00:00Z.'],
    ['a clock with seconds', 'It started at 10:00:05.'],
    ['a zone abbreviation', 'It started at 10:00 UTC.'],
    ['a raw count of seconds', 'It took 3600 seconds.'],
    ['an epoch number', 'It started at 1764583200.'],
    ['a 24-hour clock in en-US', 'It started yesterday at 14:05.'],
    ['a zero-padded clock in en-US', 'It started today at 08:00.'],
  ])('catches %s', (_kind, text) => {
    expect(rulesOf(said(text))).toContain('ear/spoken-time');
  });

  it('takes a 24-hour clock in a locale that says times that way', () => {
    const request = launch({ locale: 'de-DE' });
    expect(rulesOf(said('Gestartet gestern um 14:05.'), request)).toEqual([]);
  });

  it('takes times as people say them in en-US', () => {
    expect(rulesOf(said('Started yesterday at 10 AM, finished today at 2:05 PM, 20 minutes ago.'))).toEqual([]);
  });

  it('is applied with Alexa\'s own rules, named', () => {
    expect(alexaRefusals(launch(), said('Done: execution 03b6abe8 has started.'))).toEqual([expect.stringMatching(/^ear\/no-ids: outputSpeech says a hex id, "03b6abe8"/)]);
  });
});

describe('sentencesOf and wordsOf', () => {
  it('does not end a sentence at a version number or a decimal', () => {
    expect(sentencesOf('Ship v1.2.3 with 2.5 times the cache. Shall I?')).toEqual(['Ship v1.2.3 with 2.5 times the cache.', 'Shall I?']);
  });

  it('counts a hyphenated name as the words a person hears', () => {
    expect(wordsOf("Don't start the checkout-prod pipeline.")).toBe(6);
  });
});
