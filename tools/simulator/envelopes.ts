import { randomBytes, randomUUID } from 'node:crypto';
import type { DialogState, Intent, IntentRequest, RequestEnvelope, SessionEndedError, SessionEndedReason } from 'ask-sdk-model';
import type { DeviceContext } from './device';

/** Who is talking, on which device, to which skill: fixed for a simulator's life. */
export interface Caller {
  readonly skillId: string;
  readonly locale: string;
  readonly userId: string;
  readonly deviceId: string;
  readonly personId?: string;
  readonly apiAccessToken: string;
  readonly apiEndpoint: string;
  /** The device's supported interfaces and, for a device with a screen, its viewports (device.ts). */
  readonly device?: DeviceContext;
}

/** The session a request belongs to, as it stands when the request is sent. */
export interface SessionSnapshot {
  readonly sessionId: string;
  readonly isNew: boolean;
  readonly attributes?: Record<string, unknown>;
}

/** Per-request values, injected so tests can pin them. */
export interface RequestStamp {
  readonly requestId: string;
  readonly timestamp: Date;
}

export const API_ENDPOINT = 'https://api.amazonalexa.com';

export function sessionIdFrom(uuid: string): string {
  return `amzn1.echo-api.session.${uuid}`;
}

export function requestIdFrom(uuid: string): string {
  return `amzn1.echo-api.request.${uuid}`;
}

/** Real ids are long upper-case base32-looking strings; these look the same and are random. */
export function randomUserId(): string {
  return `amzn1.ask.account.${randomBase32(100)}`;
}

export function randomDeviceId(): string {
  return `amzn1.ask.device.${randomBase32(100)}`;
}

export function randomUuid(): string {
  return randomUUID();
}

/** A token shaped like Alexa's (header.payload.signature, base64url) that no API would accept. */
export function fakeApiAccessToken(skillId: string, userId: string, deviceId: string, now: Date): string {
  const seconds = Math.floor(now.getTime() / 1000);
  const header = { typ: 'JWT', alg: 'RS256', kid: '1' };
  const payload = {
    aud: API_ENDPOINT,
    iss: 'AlexaSkillKit',
    sub: skillId,
    exp: seconds + 3600,
    iat: seconds,
    nbf: seconds,
    privateClaims: { context: 'simulated', deviceId, userId },
  };
  return [base64url(JSON.stringify(header)), base64url(JSON.stringify(payload)), base64url('simulated-signature')].join('.');
}

/** Real timestamps have whole seconds: "2019-01-18T14:26:40Z". */
export function alexaTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** What a routine or a Quick Link launches: a task of the skill, as `<skillId>.<name>`, with its input. */
export interface TaskLaunch {
  readonly name: string;
  readonly version: string;
  readonly input: Record<string, unknown>;
}

/** A LaunchRequest; with `task`, the launch of a custom task, its name prefixed with the skill id as Alexa sends it. */
export function launchRequest(caller: Caller, session: SessionSnapshot, stamp: RequestStamp, task?: TaskLaunch): RequestEnvelope {
  const launched = task ? { task: { name: `${caller.skillId}.${task.name}`, version: task.version, input: task.input } } : {};
  return envelope(caller, session, { type: 'LaunchRequest', ...common(caller, stamp), ...launched });
}

/**
 * An IntentRequest. `dialogState` is left out when undefined: the simulator sends it only for intents that take
 * part in a dialog (a dialog model entry or a Dialog directive), as the captured envelopes for plain intents lack it.
 */
export function intentRequest(
  caller: Caller,
  session: SessionSnapshot,
  stamp: RequestStamp,
  intent: Intent,
  dialogState: DialogState | undefined,
): RequestEnvelope {
  const request = { type: 'IntentRequest', ...common(caller, stamp), ...(dialogState ? { dialogState } : {}), intent };
  // ask-sdk-model types dialogState as always present; real plain intents come without it.
  return envelope(caller, session, request as IntentRequest);
}

export function sessionEndedRequest(
  caller: Caller,
  session: SessionSnapshot,
  stamp: RequestStamp,
  reason: SessionEndedReason,
  error?: SessionEndedError,
): RequestEnvelope {
  return envelope(caller, session, { type: 'SessionEndedRequest', ...common(caller, stamp), reason, ...(error ? { error } : {}) });
}

/** How a skill connection ended, as the SessionResumedRequest that hands the session back carries it. */
export interface ConnectionCause {
  readonly token?: string;
  readonly status: { readonly code: string; readonly message: string };
  readonly result?: unknown;
}

export function sessionResumedRequest(caller: Caller, session: SessionSnapshot, stamp: RequestStamp, cause: ConnectionCause): RequestEnvelope {
  const request = {
    type: 'SessionResumedRequest', ...common(caller, stamp),
    cause: { type: 'ConnectionCompleted', ...(cause.token === undefined ? {} : { token: cause.token }), status: cause.status, result: cause.result ?? null },
  };
  return envelope(caller, session, request as RequestEnvelope['request']);
}

function common(caller: Caller, stamp: RequestStamp): { requestId: string; timestamp: string; locale: string } {
  return { requestId: stamp.requestId, timestamp: alexaTimestamp(stamp.timestamp), locale: caller.locale };
}

function envelope(caller: Caller, session: SessionSnapshot, request: RequestEnvelope['request']): RequestEnvelope {
  const application = { applicationId: caller.skillId };
  const user = { userId: caller.userId };
  return {
    version: '1.0',
    session: {
      new: session.isNew,
      sessionId: session.sessionId,
      application,
      user,
      ...(session.attributes ? { attributes: session.attributes } : {}),
    },
    context: {
      System: {
        application,
        user,
        ...(caller.personId ? { person: { personId: caller.personId } } : {}),
        device: { deviceId: caller.deviceId, supportedInterfaces: caller.device?.supportedInterfaces ?? {} },
        apiEndpoint: caller.apiEndpoint,
        apiAccessToken: caller.apiAccessToken,
      },
      ...caller.device?.viewport,
    },
    request,
  };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function randomBase32(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...randomBytes(length)].map((byte) => alphabet[byte % 32]).join('');
}
