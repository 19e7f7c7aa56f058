import type { RequestHandler } from 'ask-sdk-core';
import { requestContext, type SkillDeps } from './context';
import { forgetPending } from './pending';
import { hasSession, isIntent, requestType } from './request-shape';
import { ask, sayAndEnd } from './respond';

/** Small handlers that keep the conversation going: launch, help, stop, yes/no with nothing to confirm, fallback. */

export const launchHandler: RequestHandler = {
  canHandle: (input) => requestType(input) === 'LaunchRequest',
  handle(input) {
    const { speech } = requestContext(input);
    return ask(input, speech.launch(), speech.launchReprompt());
  },
};

export function helpHandler(deps: SkillDeps): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
    handle(input) {
      const { speech } = requestContext(input);
      const services = deps.catalog.serviceNames();
      const environments = deps.catalog.environmentKeys(services[0] ?? '');
      return ask(input, speech.help(services, environments), speech.helpReprompt());
    },
  };
}

export const stopHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent', 'AMAZON.PauseIntent'),
  handle(input) {
    forgetPending(input);
    return sayAndEnd(input, requestContext(input).speech.goodbye());
  },
};

/** "Yes" or "no" outside a confirmation step: Alexa sends these as intents of their own, and they must never act. */
export const yesNoHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent', 'AMAZON.NoIntent'),
  handle(input) {
    const { speech } = requestContext(input);
    if (isIntent(input, 'AMAZON.NoIntent')) {
      forgetPending(input);
      return sayAndEnd(input, speech.goodbye());
    }
    return ask(input, speech.nothingToConfirm(), speech.launchReprompt());
  },
};

/** AMAZON.FallbackIntent and any intent this skill does not know. */
export const fallbackHandler: RequestHandler = {
  canHandle: (input) => requestType(input) === 'IntentRequest',
  handle(input) {
    const { speech } = requestContext(input);
    return ask(input, speech.fallback(), speech.fallbackReprompt());
  },
};

/** SessionEndedRequest gets no speech; Alexa ignores anything else. */
export function sessionEndedHandler(deps: SkillDeps): RequestHandler {
  return {
    canHandle: (input) => requestType(input) === 'SessionEndedRequest',
    handle(input) {
      const request = input.requestEnvelope.request as { reason?: unknown; error?: unknown };
      deps.logger.log(request.reason === 'ERROR' ? 'warn' : 'info', 'session.ended', { reason: request.reason, error: request.error });
      return input.responseBuilder.getResponse();
    },
  };
}

/**
 * Everything else Alexa may send (skill events, list events, System.ExceptionEncountered, Display.ElementSelected,
 * Connections.Response, AudioPlayer…): acknowledged silently, because most of them must not carry speech and none
 * of them asks this skill to act.
 */
export function quietHandler(deps: SkillDeps): RequestHandler {
  return {
    canHandle: () => true,
    handle(input) {
      deps.logger.log('info', 'request.ignored', { type: requestType(input) });
      if (hasSession(input) && requestType(input) === 'Display.ElementSelected') {
        const { speech } = requestContext(input);
        return ask(input, speech.launch(), speech.launchReprompt());
      }
      return input.responseBuilder.getResponse();
    },
  };
}
