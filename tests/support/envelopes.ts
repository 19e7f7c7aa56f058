import { randomUUID } from 'node:crypto';
import type { Intent, RequestEnvelope, Slot } from 'ask-sdk-model';

/** Request builders in the shape of real Alexa envelopes (see shared/real-envelopes), for tests. */

export const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';
export const ALLOWED_USER = 'amzn1.ask.account.ALLOWED_TEAM_LEAD';
export const STRANGER = 'amzn1.ask.account.STRANGER';

export interface Caller {
  skillId?: string;
  userId?: string;
  personId?: string;
  sessionId?: string;
  newSession?: boolean;
  attributes?: Record<string, unknown>;
  locale?: string;
  /** context.System.device.supportedInterfaces; none (a speaker) unless given. */
  supportedInterfaces?: Record<string, unknown>;
}

/** What an Echo Show with a current APL runtime says of itself to a skill that declares APL. */
export const ECHO_SHOW: Pick<Caller, 'supportedInterfaces'> = { supportedInterfaces: { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } } };

export function envelope(request: Record<string, unknown>, caller: Caller = {}): RequestEnvelope {
  const skillId = caller.skillId ?? SKILL_ID;
  const userId = caller.userId ?? ALLOWED_USER;
  const user = { userId };
  return {
    version: '1.0',
    session: {
      new: caller.newSession ?? true,
      sessionId: caller.sessionId ?? `amzn1.echo-api.session.${randomUUID()}`,
      application: { applicationId: skillId },
      user,
      attributes: caller.attributes ?? {},
    },
    context: {
      System: {
        application: { applicationId: skillId },
        user,
        ...(caller.personId ? { person: { personId: caller.personId } } : {}),
        device: { deviceId: 'amzn1.ask.device.TEST', supportedInterfaces: caller.supportedInterfaces ?? {} },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.SECRET-ACCESS-TOKEN',
      },
    },
    request: {
      requestId: `amzn1.echo-api.request.${randomUUID()}`,
      timestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      locale: caller.locale ?? 'en-US',
      ...request,
    },
  } as unknown as RequestEnvelope;
}

export const launch = (caller?: Caller) => envelope({ type: 'LaunchRequest' }, caller);

/** A slot as Alexa sends it: the heard value, resolved against our types when `id` is given, unmatched otherwise. */
export function slot(name: string, value: string | undefined, id?: string | null): Slot {
  if (value === undefined) return { name, confirmationStatus: 'NONE' } as Slot;
  const type = ({ service: 'SERVICE', environment: 'ENVIRONMENT', period: 'PERIOD' } as Record<string, string>)[name];
  if (type === undefined) return { name, value, confirmationStatus: 'NONE', source: 'USER' } as Slot;
  const authority = `amzn1.er-authority.echo-sdk.${SKILL_ID}.${type}`;
  const resolutions = id
    ? { resolutionsPerAuthority: [{ authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: id, id } }] }] }
    : { resolutionsPerAuthority: [{ authority, status: { code: 'ER_SUCCESS_NO_MATCH' } }] };
  return { name, value, confirmationStatus: 'NONE', source: 'USER', resolutions } as Slot;
}

export function intent(name: string, slots: Record<string, Slot> = {}, confirmationStatus: Intent['confirmationStatus'] = 'NONE'): Intent {
  return { name, confirmationStatus, slots };
}

export function intentRequest(i: Intent, caller?: Caller, dialogState?: string): RequestEnvelope {
  return envelope({ type: 'IntentRequest', dialogState, intent: i }, caller);
}
