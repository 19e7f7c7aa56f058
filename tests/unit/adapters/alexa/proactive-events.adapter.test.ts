import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { LwaTokenSource, type CredentialsSource } from '../../../../lambda/src/adapters/alexa/lwa-token';
import { alexaApiHost, messageAlertEvent, ProactiveEventsAdapter } from '../../../../lambda/src/adapters/alexa/proactive-events.adapter';
import type { Notice } from '../../../../lambda/src/ports/notification.port';
import { runWithDeadline } from '../../../../lambda/src/runtime/deadline';
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET, startLocalAlexa, type LocalAlexa } from '../../../../tools/local-alexa';

const USER = 'amzn1.ask.account.ALICE';
const NOW = new Date('2026-11-26T14:00:00Z');
let alexa: LocalAlexa;
const waits: number[] = [];
const credentials: CredentialsSource = { get: async () => ({ clientId: LOCAL_CLIENT_ID, clientSecret: LOCAL_CLIENT_SECRET }), forget: () => undefined };

const notice = (overrides: Partial<Notice> = {}): Notice => ({
  userId: USER, text: 'Release captain: your release of checkout to production failed', referenceId: 'release~0123abcd~failed', urgent: true,
  ...overrides,
});

function adapter(stage: 'development' | 'live' = 'development', apiBaseUrl = alexa.apiUrl, lwaUrl = alexa.lwaUrl) {
  const tokens = new LwaTokenSource({ url: lwaUrl, credentials, now: () => NOW.getTime(), sleep: async (ms) => { waits.push(ms); } });
  return new ProactiveEventsAdapter({ tokens, stage, apiBaseUrl, now: () => NOW, sleep: async (ms) => { waits.push(ms); } });
}

beforeEach(async () => {
  waits.splice(0);
  alexa = await startLocalAlexa({ now: () => NOW.getTime(), subscribed: [USER] });
});
afterEach(() => alexa.close());

describe('ProactiveEventsAdapter', () => {
  it('sends a MessageAlert, unicast to the user, to the development stage, and gets 202', async () => {
    // Act
    const result = await adapter().send(notice());

    // Assess
    expect(result).toEqual({ kind: 'sent' });
    expect(alexa.notifications()).toEqual([{
      stage: 'development', userId: USER, text: 'Release captain: your release of checkout to production failed',
      referenceId: 'release~0123abcd~failed', urgent: true,
      body: {
        timestamp: '2026-11-26T14:00:00.000Z',
        referenceId: 'release~0123abcd~failed',
        expiryTime: '2026-11-27T13:00:00.000Z',
        event: {
          name: 'AMAZON.MessageAlert.Activated',
          payload: {
            state: { status: 'UNREAD', freshness: 'NEW' },
            messageGroup: { creator: { name: 'Release captain: your release of checkout to production failed' }, count: 1, urgency: 'URGENT' },
          },
        },
        localizedAttributes: [],
        relevantAudience: { type: 'Unicast', payload: { user: USER } },
      },
    }]);
  });

  it('sends to the live path once the skill is live, and marks nothing urgent that is not', async () => {
    // Act
    await adapter('live').send(notice({ urgent: false }));

    // Assess
    const [sent] = alexa.notifications();
    expect(sent?.stage).toBe('live');
    expect(sent?.urgent).toBe(false);
    expect(JSON.stringify(sent?.body)).not.toContain('urgency');
  });

  it('renews a refused cached token once and sends again', async () => {
    // Prepare
    const events = adapter();
    await events.send(notice({ referenceId: 'first' }));
    alexa.revokeTokens();

    // Act
    const result = await events.send(notice({ referenceId: 'second' }));

    // Assess
    expect(result).toEqual({ kind: 'sent' });
    expect(alexa.requests().map((r) => `${r.endpoint} ${r.status}`)).toEqual(['token 200', 'events 202', 'events 403', 'token 200', 'events 202']);
  });

  it('renews once on a 401 too, and gives up when the new token is refused as well', async () => {
    // Prepare
    const events = adapter();
    await events.send(notice({ referenceId: 'first' }));
    alexa.script('events', { status: 401, body: { message: 'Unauthorized' } }, { status: 401, body: { message: 'Unauthorized' } });

    // Act
    const error = await events.send(notice({ referenceId: 'second' })).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'ALEXA_UNAUTHORIZED', retryable: false, status: 401 });
    expect(alexa.requests().map((r) => `${r.endpoint} ${r.status}`)).toEqual(['token 200', 'events 202', 'events 401', 'token 200', 'events 401']);
  });

  it('reports a user who has not allowed notifications as refused, after one fresh token, without retrying', async () => {
    // Act
    const result = await adapter().send(notice({ userId: 'amzn1.ask.account.BOB' }));

    // Assess
    expect(result).toEqual({ kind: 'refused', status: 403, reason: 'User may not be subscribed to this event' });
    expect(alexa.requests().map((r) => `${r.endpoint} ${r.status}`)).toEqual(['token 200', 'events 403']);
  });

  it('retries throttling with backoff and delivers', async () => {
    // Prepare
    alexa.script('events', { status: 429 }, { status: 429, headers: { 'Retry-After': '2' } });

    // Act
    const result = await adapter().send(notice());

    // Assess
    expect(result).toEqual({ kind: 'sent' });
    expect(waits).toEqual([500, 2000]);
  });

  it('stops after a bounded number of throttled attempts, as retryable', async () => {
    // Prepare
    alexa.script('events', ...Array.from({ length: 5 }, () => ({ status: 429 })));

    // Act
    const error = await adapter().send(notice()).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'ALEXA_THROTTLED', retryable: true });
    expect(alexa.requests().filter((r) => r.endpoint === 'events')).toHaveLength(3);
  });

  it('treats the same referenceId again as delivered already (409)', async () => {
    // Prepare
    const events = adapter();
    await events.send(notice());

    // Act
    const again = await events.send(notice());

    // Assess
    expect(again).toEqual({ kind: 'duplicate' });
    expect(alexa.notifications()).toHaveLength(1);
  });

  it('does not retry an event the API calls malformed, and says why', async () => {
    // Prepare
    alexa.script('events', { status: 400, body: { code: 'INVALID_REQUEST', message: 'expiryTime is invalid' } });

    // Act
    const error = await adapter().send(notice()).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'ALEXA_EVENT_REJECTED', retryable: false, status: 400 });
    expect((error as Error).message).toMatch(/expiryTime is invalid/);
    expect(alexa.requests().filter((r) => r.endpoint === 'events')).toHaveLength(1);
  });

  it('sets the expiry 23 hours out, and refuses a referenceId the API would not take', async () => {
    // Act / Assess
    expect(messageAlertEvent(notice(), NOW).expiryTime).toBe('2026-11-27T13:00:00.000Z');
    await expect(adapter().send(notice({ referenceId: 'has-hyphens' }))).rejects.toThrow(/referenceId/);
  });

  it('gives up on a hung API within the deadline, as retryable', async () => {
    // Prepare: a server that reads the request and never answers
    const sockets = new Set<Socket>();
    const hung: Server = createServer(() => undefined);
    hung.on('connection', (s) => { sockets.add(s); });
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;

    // Act
    const started = Date.now();
    const error = await runWithDeadline(1200, () => adapter('development', url).send(notice())).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'ALEXA_TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(3000);
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => hung.close(() => resolve()));
  });
});

describe('alexaApiHost', () => {
  it("uses the person's region when it is one of Alexa's hosts, and North America otherwise", () => {
    // Act / Assess
    expect(alexaApiHost('https://api.eu.amazonalexa.com')).toBe('https://api.eu.amazonalexa.com');
    expect(alexaApiHost('https://api.fe.amazonalexa.com/')).toBe('https://api.fe.amazonalexa.com');
    expect(alexaApiHost('https://attacker.example')).toBe('https://api.amazonalexa.com');
    expect(alexaApiHost(undefined)).toBe('https://api.amazonalexa.com');
  });
});
