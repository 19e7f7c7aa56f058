import type { RequestEnvelope } from 'ask-sdk-model';

/** Thrown for an event that is not an Alexa request for this skill; Lambda reports it as the invocation's error. */
export class RejectedRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RejectedRequestError';
  }
}

/**
 * Makes an incoming event safe for the handler chain. Old consoles sent envelopes without `context` (the ids lived
 * only in `session`); ask-sdk-core reads `context.System` unguarded, so such an envelope gets a context built from
 * its session. Anything that is not shaped like an Alexa request at all is rejected with a precise error.
 */
export function normaliseEnvelope(event: unknown): RequestEnvelope {
  if (!isRecord(event)) throw new RejectedRequestError('The event is not an Alexa request envelope (not an object)');
  const request = event.request;
  if (!isRecord(request) || typeof request.type !== 'string') throw new RejectedRequestError('The event has no request.type');
  const system = isRecord(event.context) && isRecord(event.context.System) ? event.context.System : undefined;
  if (system && isRecord(system.application) && typeof system.application.applicationId === 'string') {
    return event as unknown as RequestEnvelope;
  }
  const session = isRecord(event.session) ? event.session : undefined;
  const applicationId = isRecord(session?.application) ? session.application.applicationId : undefined;
  if (typeof applicationId !== 'string') throw new RejectedRequestError('The event names no application id');
  const context = isRecord(event.context) ? event.context : {};
  return {
    ...event,
    context: { ...context, System: { ...(system ?? {}), application: { applicationId }, user: session?.user ?? {} } },
  } as unknown as RequestEnvelope;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
