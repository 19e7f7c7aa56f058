import { SkillBuilders, type RequestHandler, type Skill } from 'ask-sdk-core';
import { accessGuardHandler } from './handlers/access-guard.handler';
import { canFulfillHandler } from './handlers/can-fulfill.handler';
import {
  launchHandler, quietHandler, sessionEndedHandler, subscriptionChangedHandler, unknownIntentHandler,
} from './handlers/conversation.handlers';
import { errorHandler } from './handlers/error.handler';
import { runIntent } from './handlers/run-intent';
import { screenAnswerHandler } from './handlers/screen-answer.handler';
import { shortcutResumedHandler } from './handlers/shortcut.handler';
import { taskLaunchHandler } from './handlers/task.handler';
import { INTENTS, type IntentSpec } from './intents';
import { requestLoggingInterceptor, responseLoggingInterceptor } from './interceptors/logging.interceptor';
import { requestContextInterceptor } from './interceptors/request-context.interceptor';
import { intentName } from './turn/request-shape';
import { turnOf, type SkillDeps } from './turn/turn';

export type { SkillDeps } from './turn/turn';

/**
 * The handler chain. The first handler whose canHandle says yes answers, so the order is behaviour: requests that
 * need no person come first, the access guard stands before every intent that is not declared open (and before a
 * launch), then a screen read-back's yes or no (which answers as the intent it asked about, and applies that intent's
 * own access rule, since yes and no are open), then the intent table, and the catch-alls come last. Imports no AWS
 * SDK: the release service arrives in `deps`. `intents` is the intent table; tests pass a longer one to show a new
 * intent fails closed.
 */
export function buildSkill(deps: SkillDeps, intents: readonly IntentSpec[] = INTENTS): Skill {
  const byName = new Map(intents.map((spec) => [spec.name, spec]));
  const isOpen = (name: string) => byName.get(name)?.access === 'open';
  const answersNameFree = (name: string) => byName.get(name)?.canFulfill === true;
  const confirmable = (name: string) => (byName.get(name)?.consent === undefined ? undefined : byName.get(name)?.slots);
  const builder = SkillBuilders.custom();
  // Without an id (tests, the benchmark) ask-sdk checks none; on Lambda index.ts refuses to start without one.
  if (deps.config.skillId !== undefined) builder.withSkillId(deps.config.skillId);
  return builder
    .addRequestInterceptors(requestLoggingInterceptor(deps.logger), requestContextInterceptor(deps, confirmable))
    .addResponseInterceptors(responseLoggingInterceptor(deps.logger))
    .addRequestHandlers(
      sessionEndedHandler(deps.logger),
      canFulfillHandler(deps.catalog, answersNameFree),
      accessGuardHandler(isOpen),
      taskLaunchHandler(intents),
      launchHandler,
      screenAnswerHandler(intents),
      ...intents.map(intentHandler),
      shortcutResumedHandler,
      unknownIntentHandler,
      subscriptionChangedHandler(deps.journal, deps.logger),
      quietHandler(deps.logger),
    )
    .addErrorHandlers(errorHandler(deps.logger))
    .create();
}

function intentHandler(spec: IntentSpec): RequestHandler {
  return {
    canHandle: (input) => intentName(input) === spec.name,
    handle: (input) => runIntent(spec, turnOf(input)),
  };
}
