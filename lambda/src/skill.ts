import { SkillBuilders, type Skill } from 'ask-sdk-core';
import { accessGuardHandler } from './handlers/access-guard.handler';
import { canFulfillHandler } from './handlers/can-fulfill.handler';
import type { SkillDeps } from './handlers/context';
import {
  fallbackHandler, helpHandler, launchHandler, quietHandler, sessionEndedHandler, stopHandler, yesNoHandler,
} from './handlers/conversation.handlers';
import { deployHandler } from './handlers/deploy.handler';
import { errorHandler } from './handlers/error.handler';
import { lockHandler } from './handlers/lock.handler';
import { rollbackHandler } from './handlers/rollback.handler';
import { statusHandler } from './handlers/status.handler';
import { requestLoggingInterceptor, responseLoggingInterceptor } from './interceptors/logging.interceptor';
import { requestContextInterceptor } from './interceptors/request-context.interceptor';

export type { SkillDeps } from './handlers/context';

/**
 * The handler chain. The first handler whose canHandle says yes answers, so the order is behaviour: requests that
 * need no user come first, the access guard stands before everything that reads or changes production, and the
 * catch-alls come last. Imports no AWS SDK: the release service arrives in `deps`.
 */
export function buildSkill(deps: SkillDeps): Skill {
  const builder = SkillBuilders.custom();
  // Without an id (tests, the benchmark) ask-sdk checks none; on Lambda index.ts refuses to start without one.
  if (deps.config.skillId !== undefined) builder.withSkillId(deps.config.skillId);
  return builder
    .addRequestInterceptors(requestLoggingInterceptor(deps.logger), requestContextInterceptor(deps))
    .addResponseInterceptors(responseLoggingInterceptor(deps.logger))
    .addRequestHandlers(
      sessionEndedHandler(deps),
      canFulfillHandler(deps),
      launchHandler,
      helpHandler(deps),
      stopHandler,
      accessGuardHandler(deps),
      deployHandler(deps),
      rollbackHandler(deps),
      statusHandler(deps),
      lockHandler(deps),
      yesNoHandler,
      fallbackHandler,
      quietHandler(deps),
    )
    .addErrorHandlers(errorHandler(deps))
    .create();
}
