import { startLocalAlexaApi, type LocalAlexaApi } from '../../../../tools/simulator/alexa-api';
import { formatTranscript } from '../../../../tools/simulator/transcript';
import { recordingSkill, SKILL_ID, speak } from './fake-skill';
import { fixtureModel } from './fake-skill';
import { Simulator } from '../../../../tools/simulator/simulator';

/** The loopback Alexa API holds a progressive response to what Alexa checks, and plays only those that come in time. */
describe('the local Alexa API', () => {
  let api: LocalAlexaApi;
  const requestId = 'amzn1.echo-api.request.1';
  beforeEach(async () => {
    api = await startLocalAlexaApi();
    api.waiting(requestId, 'the-token');
  });
  afterEach(() => api.close());

  const post = (body: unknown, token = 'the-token') => fetch(`${api.url}/v1/directives`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  }).then((r) => r.status);
  const speech = (ssml: string) => ({ header: { requestId }, directive: { type: 'VoicePlayer.Speak', speech: ssml } });

  it('takes a VoicePlayer.Speak for a request still waiting for its answer, and plays it before the answer', async () => {
    expect(await post(speech('<speak>Checking…</speak>'))).toBe(204);
    expect(api.answered(requestId)).toEqual(['Checking…']);
  });

  it.each([
    ['another token', speech('<speak>Checking…</speak>'), 'someone-else', 401],
    ['another directive', { header: { requestId }, directive: { type: 'Dialog.Delegate' } }, 'the-token', 400],
    ['speech that is not SSML', speech('Checking & more'), 'the-token', 400],
    ['an unknown request id', { ...speech('<speak>Hi</speak>'), header: { requestId: 'amzn1.echo-api.request.2' } }, 'the-token', 401],
  ])('refuses %s', async (_, body, token, status) => {
    expect(await post(body, token)).toBe(status);
    expect(api.refusals).toHaveLength(1);
    expect(api.answered(requestId)).toEqual([]);
  });

  it('never plays what arrives after the answer', async () => {
    api.answered(requestId);
    expect(await post(speech('<speak>Too late</speak>'))).toBe(204);
    expect(api.answered(requestId)).toEqual([]);
    expect(api.received.map((r) => r.inTime)).toEqual([false]);
  });

  it('lets the simulator show a progressive response before the answer, marked as such', async () => {
    // Prepare
    const skill = recordingSkill(async (envelope) => {
      const system = envelope.context.System;
      await fetch(`${system.apiEndpoint}/v1/directives`, {
        method: 'POST', headers: { authorization: `Bearer ${system.apiAccessToken ?? ''}` },
        body: JSON.stringify({ header: { requestId: envelope.request.requestId }, directive: { type: 'VoicePlayer.Speak', speech: '<speak>Checking the checkout pipeline…</speak>' } }),
      });
      return speak('All green.', { end: true });
    });
    const simulator = new Simulator({ model: fixtureModel(), invoker: skill.invoker, skillId: SKILL_ID, locale: 'en-US', alexaApi: api });

    // Act
    const turn = await simulator.say('ask release captain what\'s the status of checkout');

    // Assess
    expect(skill.received[0]?.context.System.apiEndpoint).toBe(api.url);
    expect(formatTranscript([turn])).toBe([
      'User  > ask release captain what\'s the status of checkout',
      'Session ended',
      'Alexa (progressive) > Checking the checkout pipeline…',
      'Alexa > All green.',
      '',
    ].join('\n'));
  });
});
