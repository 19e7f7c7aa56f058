import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import { toSpeech, type Ssml } from '../speech/ssml';

/** Says something and ends the session. */
export function sayAndEnd(input: HandlerInput, speech: Ssml): Response {
  return input.responseBuilder.speak(toSpeech(speech)).withShouldEndSession(true).getResponse();
}

/** Says something and waits for an answer. */
export function ask(input: HandlerInput, speech: Ssml, reprompt: Ssml): Response {
  return input.responseBuilder.speak(toSpeech(speech)).reprompt(toSpeech(reprompt)).getResponse();
}

/** Asks the user to confirm an intent; Alexa turns their yes or no into the intent's confirmationStatus. */
export function confirmIntent(input: HandlerInput, intent: Intent, speech: Ssml, reprompt: Ssml): Response {
  const unconfirmed: Intent = { ...intent, confirmationStatus: 'NONE' };
  return input.responseBuilder
    .speak(toSpeech(speech))
    .reprompt(toSpeech(reprompt))
    .addConfirmIntentDirective(unconfirmed)
    .getResponse();
}
