import type { RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { FinishedRelease, ReleaseJournal } from '../domain/release-journal';
import type { Logger } from '../logging/logger';
import { joinSsml } from '../speech/ssml';
import { hasSession, requestType } from '../turn/request-shape';
import { turnOf, type Turn } from '../turn/turn';

/** Small handlers that keep the conversation going: launch, help, stop, yes/no with nothing to confirm, fallback. */

/**
 * The greeting, led by how the person's releases ended since they last heard (the notifier records those). Read only
 * where notifications are configured: the read is the state table's, and it loads the AWS SDK on a cold start.
 */
export const launchHandler: RequestHandler = {
  canHandle: (input) => requestType(input) === 'LaunchRequest',
  async handle(input) {
    const turn = turnOf(input);
    const news = await untoldOutcomes(turn);
    return turn.ask(joinSsml([...news.map((release) => turn.speech.releaseOutcome(release)), turn.speech.launch()]), turn.speech.launchReprompt());
  },
};

async function untoldOutcomes(turn: Turn): Promise<FinishedRelease[]> {
  if (turn.deps.config.notifications === undefined) return [];
  try {
    return await turn.deps.journal.takeUntoldOutcomes(turn.principal);
  } catch (error) {
    // The news can wait for the next launch (nothing was taken); the greeting cannot.
    turn.deps.logger.log('warn', 'journal.untold-not-read', { error: error instanceof Error ? error.name : String(error) });
    return [];
  }
}

/** `AlexaSkillEvent.ProactiveSubscriptionChanged`: whether this person wants notifications. No speech, no session. */
export function subscriptionChangedHandler(journal: ReleaseJournal, logger: Logger): RequestHandler {
  return {
    canHandle: (input) => requestType(input) === 'AlexaSkillEvent.ProactiveSubscriptionChanged',
    async handle(input) {
      const recorded = await journal.applySubscriptionChange(input.requestEnvelope);
      logger.log('info', 'notifications.subscription-changed', { recorded });
      return input.responseBuilder.getResponse();
    },
  };
}

export function help(turn: Turn): Response {
  const { catalog } = turn.deps;
  const services = catalog.serviceNames();
  const environments = catalog.environmentKeys(services[0] ?? '');
  return turn.ask(turn.speech.help(services, environments), turn.speech.helpReprompt());
}

export function stop(turn: Turn): Response {
  turn.forgetReadBack();
  return turn.say(turn.speech.goodbye());
}

/**
 * "Yes" or "no" outside a confirmation step: Alexa sends these as intents of their own, and they never act. (The
 * answer to a read-back asked on a screen is the one exception, and is not answered here: screen-answer.handler.ts
 * hands it to the intent that asked, whose consent check decides.)
 */
export function yes(turn: Turn): Response {
  return turn.ask(turn.speech.nothingToConfirm(), turn.speech.launchReprompt());
}

export function no(turn: Turn): Response {
  turn.forgetReadBack();
  return turn.say(turn.speech.goodbye());
}

/** AMAZON.FallbackIntent, and any allowed person's intent that the intent table does not know. */
export function fallback(turn: Turn): Response {
  return turn.ask(turn.speech.fallback(), turn.speech.fallbackReprompt());
}

export const unknownIntentHandler: RequestHandler = {
  canHandle: (input) => requestType(input) === 'IntentRequest',
  handle: (input) => fallback(turnOf(input)),
};

/** SessionEndedRequest gets no speech; Alexa ignores anything else. */
export function sessionEndedHandler(logger: Logger): RequestHandler {
  return {
    canHandle: (input) => requestType(input) === 'SessionEndedRequest',
    handle(input) {
      const request = input.requestEnvelope.request as { reason?: unknown; error?: unknown };
      logger.log(request.reason === 'ERROR' ? 'warn' : 'info', 'session.ended', { reason: request.reason, error: request.error });
      return input.responseBuilder.getResponse();
    },
  };
}

/**
 * Everything else Alexa may send (skill events, list events, System.ExceptionEncountered, Display.ElementSelected,
 * Connections.Response, AudioPlayer…): acknowledged silently, because most of them must not carry speech and none
 * of them asks this skill to act.
 */
export function quietHandler(logger: Logger): RequestHandler {
  return {
    canHandle: () => true,
    handle(input) {
      logger.log('info', 'request.ignored', { type: requestType(input) });
      if (hasSession(input) && requestType(input) === 'Display.ElementSelected') {
        const turn = turnOf(input);
        return turn.ask(turn.speech.launch(), turn.speech.launchReprompt());
      }
      return input.responseBuilder.getResponse();
    },
  };
}
