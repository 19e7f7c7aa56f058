import { LwaTokenSource, type ClientCredentials, type CredentialsSource } from '../../../../lambda/src/adapters/alexa/lwa-token';
import { AlexaApiError } from '../../../../lambda/src/domain/errors';
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET, startLocalAlexa, type LocalAlexa } from '../../../../tools/local-alexa';

let alexa: LocalAlexa;
let now = Date.UTC(2026, 10, 26, 14, 0, 0);
const waits: number[] = [];

/** Credentials as the SSM parameter would give them, counting reads and forgets. */
function credentials(value: ClientCredentials = { clientId: LOCAL_CLIENT_ID, clientSecret: LOCAL_CLIENT_SECRET }): CredentialsSource & { reads: number; forgets: number } {
  return {
    reads: 0, forgets: 0,
    async get() {
      this.reads += 1;
      return value;
    },
    forget() {
      this.forgets += 1;
    },
  };
}

const source = (creds: CredentialsSource) => new LwaTokenSource({
  url: alexa.lwaUrl, credentials: creds, now: () => now, sleep: async (ms) => { waits.push(ms); },
});

beforeEach(async () => {
  now = Date.UTC(2026, 10, 26, 14, 0, 0);
  waits.splice(0);
  alexa = await startLocalAlexa({ now: () => now, tokenLifetimeSeconds: 3600 });
});
afterEach(() => alexa.close());

describe('LwaTokenSource', () => {
  it('gets a token with the client-credentials grant, secret encoded, and reuses it until a minute before it expires', async () => {
    // Prepare
    const tokens = source(credentials());

    // Act
    const first = await tokens.token();
    now += 58 * 60_000;
    const cached = await tokens.token();
    now += 60_000;
    const renewed = await tokens.token();

    // Assess
    expect(first).toEqual({ value: expect.stringMatching(/^Atc\|local-1-/), fromCache: false });
    expect(cached).toEqual({ value: first.value, fromCache: true });
    expect(renewed.fromCache).toBe(false);
    expect(renewed.value).not.toBe(first.value);
    expect(alexa.requests()).toEqual([{ endpoint: 'token', status: 200 }, { endpoint: 'token', status: 200 }]);
  });

  it('asks once for concurrent callers', async () => {
    // Prepare
    const tokens = source(credentials());

    // Act
    const values = await Promise.all([tokens.token(), tokens.token(), tokens.token()]);

    // Assess
    expect(new Set(values.map((t) => t.value)).size).toBe(1);
    expect(alexa.requests()).toHaveLength(1);
  });

  it('gets a new token after one is invalidated', async () => {
    // Prepare
    const tokens = source(credentials());
    const first = await tokens.token();

    // Act
    tokens.invalidate(first.value);
    const second = await tokens.token();

    // Assess
    expect(second.value).not.toBe(first.value);
  });

  it('stops at a refused client (401 invalid_client): no retry, no new attempt for a while, credentials read afresh after', async () => {
    // Prepare
    const wrong = credentials({ clientId: LOCAL_CLIENT_ID, clientSecret: 'not-the-secret' });
    const tokens = source(wrong);

    // Act
    const refused = await tokens.token().catch((error: unknown) => error);
    const held = await tokens.token().catch((error: unknown) => error);
    now += 5 * 60_000;
    await tokens.token().catch(() => undefined);

    // Assess
    expect(refused).toBeInstanceOf(AlexaApiError);
    expect(refused).toMatchObject({ code: 'ALEXA_CREDENTIALS_REJECTED', retryable: false, status: 401 });
    expect((refused as Error).message).toMatch(/invalid_client: Client authentication failed/);
    expect((refused as Error).message).not.toContain('not-the-secret');
    expect(held).toBe(refused);
    expect(alexa.requests().map((r) => r.status)).toEqual([401, 401]);
    expect(wrong.forgets).toBe(2);
    expect(waits).toEqual([]);
  });

  it('does not retry a 400 invalid_client either', async () => {
    // Prepare
    alexa.script('token', { status: 400, body: { error: 'invalid_client', error_description: 'Client authentication failed' } });

    // Act
    const refused = await source(credentials()).token().catch((error: unknown) => error);

    // Assess
    expect(refused).toMatchObject({ code: 'ALEXA_CREDENTIALS_REJECTED', status: 400 });
    expect(alexa.requests()).toHaveLength(1);
  });

  it('retries throttling and faults a bounded number of times, honouring Retry-After', async () => {
    // Prepare
    alexa.script('token', { status: 429, headers: { 'Retry-After': '1' } }, { status: 503 });

    // Act
    const token = await source(credentials()).token();

    // Assess
    expect(token.fromCache).toBe(false);
    expect(alexa.requests().map((r) => r.status)).toEqual([429, 503, 200]);
    expect(waits).toEqual([1000, 500]);
  });

  it('gives up after three throttled attempts, saying a later try may work', async () => {
    // Prepare
    alexa.script('token', { status: 429 }, { status: 429 }, { status: 429 }, { status: 429 });

    // Act
    const error = await source(credentials()).token().catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'ALEXA_THROTTLED', retryable: true });
    expect(alexa.requests()).toHaveLength(3);
  });

  it('says when Login with Amazon cannot be reached', async () => {
    // Prepare
    await alexa.close();

    // Act
    const error = await source(credentials()).token().catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'ALEXA_UNREACHABLE', retryable: true });
  });
});
