import { FetchProgressiveResponses } from '../../../../lambda/src/adapters/alexa/progressive-response.adapter';
import { startLocalAlexaApi, type LocalAlexaApi } from '../../../../tools/simulator/alexa-api';

/** The progressive-response adapter against the loopback Alexa API on 127.0.0.1: what it sends and how it gives up. */
describe('FetchProgressiveResponses', () => {
  let api: LocalAlexaApi;
  const requestId = 'amzn1.echo-api.request.11111111-2222-3333-4444-555555555555';
  const token = 'eyJ0eXAiOiJKV1QifQ.simulated.token';

  beforeEach(async () => {
    api = await startLocalAlexaApi();
    api.waiting(requestId, token);
  });
  afterEach(() => api.close());

  const speak = (adapter = new FetchProgressiveResponses([api.url]), signal = AbortSignal.timeout(2000), apiEndpoint = api.url) =>
    adapter.send({ apiEndpoint, apiAccessToken: token, requestId, ssml: '<speak>Checking the checkout pipeline…</speak>' }, signal);

  it('posts a VoicePlayer.Speak for the request with its Bearer token, and Alexa takes it', async () => {
    // Act
    const outcome = await speak();

    // Assess
    expect(outcome).toEqual({ kind: 'sent' });
    expect(api.refusals).toEqual([]);
    expect(api.answered(requestId)).toEqual(['Checking the checkout pipeline…']);
  });

  it.each([403, 500] as const)('reports a %s from Alexa as refused, without throwing', async (status) => {
    // Prepare
    api.behaviour = { kind: 'refuse', status };

    // Act
    const outcome = await speak();

    // Assess
    expect(outcome).toEqual({ kind: 'refused', status });
  });

  it('gives up on an Alexa API that never answers when its signal aborts', async () => {
    // Prepare
    api.behaviour = { kind: 'hang' };
    const started = Date.now();

    // Act
    const outcome = await speak(undefined, AbortSignal.timeout(150));

    // Assess
    expect(outcome).toEqual({ kind: 'not-sent', reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('says a closed port is a network failure', async () => {
    // Prepare
    const url = api.url;
    await api.close();

    // Act
    const outcome = await speak(new FetchProgressiveResponses([url]), undefined, url);

    // Assess
    expect(outcome).toEqual({ kind: 'not-sent', reason: 'network' });
  });

  it.each([
    ['a host that is not Alexa\'s', 'https://api.amazonalexa.com.evil.example'],
    ['plain http to Alexa\'s host', 'http://api.amazonalexa.com'],
    ['another host under Alexa\'s domain that is not one of its API endpoints', 'https://skills-store.amazonalexa.com'],
    ['Alexa\'s host on another port', 'https://api.amazonalexa.com:8443'],
    ['a loopback endpoint nobody named', 'http://127.0.0.1:9'],
    ['no URL at all', 'not a url'],
  ])('never sends the token or the words to %s', async (_, endpoint) => {
    // Prepare
    const calls: string[] = [];
    const fetchFn = (async (url: string | URL | Request) => {
      calls.push(String(url));
      return new Response(null, { status: 204 });
    }) as typeof fetch;

    // Act
    const outcome = await new FetchProgressiveResponses([], fetchFn).send({ apiEndpoint: endpoint, apiAccessToken: token, requestId, ssml: '<speak>x</speak>' }, AbortSignal.timeout(1000));

    // Assess
    expect(outcome).toEqual({ kind: 'not-sent', reason: 'endpoint-not-trusted' });
    expect(calls).toEqual([]);
  });

  it.each(['https://api.amazonalexa.com', 'https://api.eu.amazonalexa.com', 'https://api.fe.amazonalexa.com/'])('trusts Alexa\'s own endpoint %s', async (endpoint) => {
    // Prepare
    const calls: string[] = [];
    const fetchFn = (async (url: string | URL | Request) => {
      calls.push(String(url));
      return new Response(null, { status: 204 });
    }) as typeof fetch;

    // Act
    const outcome = await new FetchProgressiveResponses([], fetchFn).send({ apiEndpoint: endpoint, apiAccessToken: token, requestId, ssml: '<speak>x</speak>' }, AbortSignal.timeout(1000));

    // Assess
    expect(outcome).toEqual({ kind: 'sent' });
    expect(calls).toEqual([`${endpoint.replace(/\/$/, '')}/v1/directives`]);
  });
});
