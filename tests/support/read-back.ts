import { randomUUID } from 'node:crypto';
import type { Intent, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';

/**
 * A yes as Alexa sends it after the skill's read-back: the same session (no longer new), the session attributes the
 * read-back left, and the intent the Dialog.ConfirmIntent sent back, now CONFIRMED. A yes acts only on a read-back
 * its session holds, so tests that need the skill to act say yes to a real read-back.
 */
export function yesTo(question: RequestEnvelope, readBack: ResponseEnvelope, confirmation: 'CONFIRMED' | 'DENIED' = 'CONFIRMED'): RequestEnvelope {
  const directive = readBack.response.directives?.find((d) => d.type === 'Dialog.ConfirmIntent') as { updatedIntent?: Intent } | undefined;
  if (!directive?.updatedIntent) throw new Error('The skill did not read anything back to say yes to');
  const intent: Intent = { ...directive.updatedIntent, confirmationStatus: confirmation };
  return continuing(question, { type: 'IntentRequest', dialogState: 'IN_PROGRESS', intent }, (readBack.sessionAttributes ?? {}) as Record<string, unknown>);
}

/** The next request of `previous`'s session, carrying `attributes`. */
export function continuing(previous: RequestEnvelope, request: Record<string, unknown>, attributes: Record<string, unknown>): RequestEnvelope {
  const next = structuredClone(previous) as unknown as { session: Record<string, unknown>; request: Record<string, unknown> };
  next.session = { ...next.session, new: false, attributes };
  next.request = { ...request, requestId: `amzn1.echo-api.request.${randomUUID()}`, timestamp: next.request.timestamp, locale: next.request.locale };
  return next as unknown as RequestEnvelope;
}

/** The same intent request with its confirmation cleared: what a person says before the read-back. */
export function unconfirmed(request: RequestEnvelope): RequestEnvelope {
  const copy = structuredClone(request) as unknown as { request: { intent?: Intent; dialogState?: string } };
  if (copy.request.intent) copy.request.intent = { ...copy.request.intent, confirmationStatus: 'NONE' };
  copy.request.dialogState = 'STARTED';
  return copy as unknown as RequestEnvelope;
}
