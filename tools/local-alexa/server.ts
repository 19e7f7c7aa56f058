/**
 * local-alexa: a loopback stand-in for Login with Amazon's token endpoint and the Alexa Proactive Events API, for the
 * notifier's tests and the offline simulator. It refuses what the real services refuse, as far as their public
 * descriptions go (the notifier's adapters cite them): a token request that is not a form-encoded client-credentials
 * grant for alexa::proactive_events with the right client id and secret; an event without a valid bearer token, with
 * a malformed body, for a user who has not allowed notifications (403), or repeating a referenceId (409).
 * Listens on 127.0.0.1 only, keeps no process alive (unref), and closes itself after a while without requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const LOCAL_CLIENT_ID = 'amzn1.application-oa2-client.0123456789abcdef0123456789abcdef';
export const LOCAL_CLIENT_SECRET = 'amzn1.oa2-cs.v1.local+secret/with=characters&that-need-encoding';

export interface LocalAlexaOptions {
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Users who allowed the skill's notifications; 'everyone' by default. The API answers 403 for the others. */
  readonly subscribed?: readonly string[] | 'everyone';
  readonly tokenLifetimeSeconds?: number;
  /** Epoch milliseconds, for token lifetimes and the expiryTime check. */
  readonly now?: () => number;
  /** Closes itself after this long without a request. */
  readonly idleCloseMs?: number;
}

/** A notification the API accepted. */
export interface AcceptedNotification {
  readonly stage: 'development' | 'live';
  readonly userId: string;
  /** messageGroup.creator.name: what Alexa reads as the sender. */
  readonly text: string;
  readonly referenceId: string;
  readonly urgent: boolean;
  readonly body: Record<string, unknown>;
}

export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface LocalAlexa {
  readonly url: string;
  /** Login with Amazon's token endpoint. */
  readonly lwaUrl: string;
  /** The Alexa API host; the events paths are below it. */
  readonly apiUrl: string;
  notifications(): AcceptedNotification[];
  /** Every request answered: which endpoint, and with what status. */
  requests(): { readonly endpoint: 'token' | 'events'; readonly status: number }[];
  /** The next answers of an endpoint, given before any check: throttling, outages, refusals. */
  script(endpoint: 'token' | 'events', ...answers: Answer[]): void;
  /** Makes every token issued so far invalid, as a revoked or rotated secret would. */
  revokeTokens(): void;
  subscribe(userId: string): void;
  unsubscribe(userId: string): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MINUTE_MS = 60_000;

export async function startLocalAlexa(options: LocalAlexaOptions = {}): Promise<LocalAlexa> {
  const clientId = options.clientId ?? LOCAL_CLIENT_ID;
  const clientSecret = options.clientSecret ?? LOCAL_CLIENT_SECRET;
  const now = options.now ?? Date.now;
  const lifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
  const everyone = options.subscribed === undefined || options.subscribed === 'everyone';
  const subscribed = new Set(everyone ? [] : options.subscribed as readonly string[]);
  const unsubscribed = new Set<string>();
  const tokens = new Map<string, number>();
  const references = new Set<string>();
  const accepted: AcceptedNotification[] = [];
  const answered: { endpoint: 'token' | 'events'; status: number }[] = [];
  const scripted: Record<'token' | 'events', Answer[]> = { token: [], events: [] };
  const sockets = new Set<Socket>();
  let issued = 0;

  const isSubscribed = (userId: string) => !unsubscribed.has(userId) && (everyone || subscribed.has(userId));

  const server = createServer((request, response) => {
    idle.refresh();
    readBody(request).then((body) => {
      const path = (request.url ?? '').split('?')[0] ?? '';
      const endpoint = /^\/auth\/o2\/token$/i.test(path) ? 'token' : /^\/v1\/proactiveEvents(\/stages\/development)?$/.test(path) ? 'events' : undefined;
      const reply = (answer: Answer) => {
        if (endpoint !== undefined) answered.push({ endpoint, status: answer.status });
        send(response, answer);
      };
      if (endpoint === undefined || request.method !== 'POST') return reply({ status: 404, body: { message: `No such resource: ${request.method ?? ''} ${path}` } });
      const next = scripted[endpoint].shift();
      if (next !== undefined) return reply(next);
      if (endpoint === 'token') return reply(tokenAnswer(request, body));
      return reply(eventAnswer(request, body, path.endsWith('/stages/development') ? 'development' : 'live'));
    }).catch((error: unknown) => send(response, { status: 500, body: { message: String(error) } }));
  });

  function tokenAnswer(request: IncomingMessage, body: string): Answer {
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return { status: 400, body: { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' } };
    }
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'The authorization grant type is not supported' } };
    if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
    }
    if (form.get('scope') !== 'alexa::proactive_events') return { status: 400, body: { error: 'invalid_scope', error_description: 'An unknown scope was requested' } };
    issued += 1;
    const token = `Atc|local-${issued}-${Math.random().toString(36).slice(2, 10)}`;
    tokens.set(token, now() + lifetimeSeconds * 1000);
    return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: lifetimeSeconds } };
  }

  function eventAnswer(request: IncomingMessage, text: string, stage: 'development' | 'live'): Answer {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const expiresAt = token === undefined ? undefined : tokens.get(token);
    if (expiresAt === undefined || expiresAt <= now()) return { status: 403, body: { message: 'The authentication token is invalid or does not have access to the resource' } };
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return badRequest('Content-Type must be application/json');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return badRequest('The request body is not JSON');
    }
    const problem = checkEvent(body, now());
    if (problem !== undefined) return badRequest(problem);
    const audience = body.relevantAudience as { payload: { user: string } };
    const userId = audience.payload.user;
    if (!isSubscribed(userId)) return { status: 403, body: { message: 'User may not be subscribed to this event' } };
    const referenceId = body.referenceId as string;
    if (references.has(`${userId} ${referenceId}`)) return { status: 409, body: { message: `An event with referenceId ${referenceId} was already created for this customer` } };
    references.add(`${userId} ${referenceId}`);
    const group = ((body.event as { payload: { messageGroup: { creator: { name: string }; urgency?: string } } }).payload.messageGroup);
    accepted.push({ stage, userId, text: group.creator.name, referenceId, urgent: group.urgency === 'URGENT', body });
    return { status: 202 };
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  server.unref();
  const close = () => new Promise<void>((resolve) => {
    clearTimeout(idle);
    if (!server.listening) return resolve();
    server.close(() => resolve());
    for (const socket of sockets) socket.destroy();
  });
  const idle = setTimeout(() => void close(), options.idleCloseMs ?? 10 * MINUTE_MS);
  idle.unref();

  const url = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    lwaUrl: `${url}/auth/o2/token`,
    apiUrl: url,
    notifications: () => [...accepted],
    requests: () => [...answered],
    script: (endpoint, ...answers) => {
      scripted[endpoint].push(...answers);
    },
    revokeTokens: () => tokens.clear(),
    subscribe: (userId) => {
      unsubscribed.delete(userId);
      subscribed.add(userId);
    },
    unsubscribe: (userId) => {
      subscribed.delete(userId);
      unsubscribed.add(userId);
    },
    close,
  };
}

/** What is wrong with a CreateProactiveEventRequest for AMAZON.MessageAlert.Activated, or undefined. */
function checkEvent(body: Record<string, unknown>, now: number): string | undefined {
  const timestamp = Date.parse(String(body.timestamp));
  const expiry = Date.parse(String(body.expiryTime));
  if (Number.isNaN(timestamp)) return 'timestamp must be an ISO 8601 time';
  if (typeof body.referenceId !== 'string' || !/^[A-Za-z0-9~]{1,100}$/.test(body.referenceId)) return 'referenceId must be 1-100 letters, digits or ~';
  if (Number.isNaN(expiry)) return 'expiryTime must be an ISO 8601 time';
  if (expiry < now + 5 * MINUTE_MS || expiry > now + 24 * 60 * MINUTE_MS) return 'expiryTime must be between 5 minutes and 24 hours from now';
  const event = body.event as { name?: unknown; payload?: Record<string, unknown> } | undefined;
  if (event?.name !== 'AMAZON.MessageAlert.Activated') return `event.name ${String(event?.name)} is not a published event of this skill`;
  const state = event.payload?.state as { status?: unknown; freshness?: unknown } | undefined;
  if (!['UNREAD', 'FLAGGED'].includes(String(state?.status)) || !['NEW', 'OVERDUE'].includes(String(state?.freshness))) return 'event.payload.state is invalid';
  const group = event.payload?.messageGroup as { creator?: { name?: unknown }; count?: unknown; urgency?: unknown } | undefined;
  if (typeof group?.creator?.name !== 'string' || group.creator.name === '') return 'event.payload.messageGroup.creator.name is required';
  if (typeof group.count !== 'number' || !Number.isInteger(group.count) || group.count < 1) return 'event.payload.messageGroup.count must be a positive integer';
  if (group.urgency !== undefined && group.urgency !== 'URGENT') return 'event.payload.messageGroup.urgency must be URGENT when given';
  if (!Array.isArray(body.localizedAttributes)) return 'localizedAttributes must be a list';
  const audience = body.relevantAudience as { type?: unknown; payload?: { user?: unknown } } | undefined;
  if (audience?.type !== 'Unicast' || typeof audience.payload?.user !== 'string' || !audience.payload.user.startsWith('amzn1.ask.account.')) {
    return 'relevantAudience must be Unicast to an amzn1.ask.account user';
  }
  return undefined;
}

function badRequest(message: string): Answer {
  return { status: 400, body: { code: 'INVALID_REQUEST', message } };
}

function send(response: ServerResponse, answer: Answer): void {
  if (response.writableEnded || response.destroyed) return;
  const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
  response.writeHead(answer.status, { ...(text === '' ? {} : { 'Content-Type': 'application/json' }), ...answer.headers, 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
