import type { RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { intentName, requestType } from '../turn/request-shape';
import { turnOf, type Turn } from '../turn/turn';

/**
 * Before every intent that is not declared open, and before a launch: a person who is not on the allowlist hears
 * why, gets a card in the Alexa app with their ids and the exact config line that lets them in, and is audited.
 * Nothing else runs for them, so no AWS call is made. An intent the table does not declare open is guarded: a new
 * intent fails closed.
 */
export function accessGuardHandler(isOpen: (intent: string) => boolean): RequestHandler {
  return {
    canHandle(input) {
      const type = requestType(input);
      const guarded = type === 'LaunchRequest' || (type === 'IntentRequest' && !isOpen(intentName(input) ?? ''));
      return guarded && !turnOf(input).allowed;
    },
    handle: (input) => refuseStranger(turnOf(input), intentName(input)),
  };
}

/** The access guard's answer to someone not on the allowlist, for `intent` (the one asked for, or answered as). */
export function refuseStranger(turn: Turn, intent: string | undefined): Response {
  turn.audit('access', 'refused-not-allowed', {
    request: requestType(turn.input),
    intent,
    hint: 'add userId or personId to allowedUsers to let them act',
  });
  return turn.sayWithCard(turn.speech.notAllowed(), turn.speech.strangerCard(turn.principal));
}
