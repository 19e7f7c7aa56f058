import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { isAdmin, mayChange } from '../domain/access';
import { toSpeech } from '../speech/ssml';
import { audit } from './audit';
import { requestContext, type SkillDeps } from './context';
import { nameOf } from './release-guards';
import { intentOf, isIntent, spokenSlot } from './request-shape';
import { sayAndEnd } from './respond';
import { withSlot } from './target-dialog';

/**
 * "Lock production" and "unlock production": a lock says who holds it and since when; while it is held nobody else
 * may push or roll back that environment, and only its holder or an admin removes it.
 */
export function lockHandler(deps: SkillDeps): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, 'LockIntent', 'UnlockIntent'),
    async handle(input) {
      const context = requestContext(input);
      const { speech, principal } = context;
      const locking = isIntent(input, 'LockIntent');
      const environment = resolveEnvironment(input, deps, locking ? 'lock' : 'unlock');
      if (typeof environment !== 'string') return environment;
      if (!mayChange(deps.config, principal, environment)) {
        audit(deps, context, 'lock', 'refused-not-allowed-here', undefined, { environment, intent: locking ? 'lock' : 'unlock' });
        return sayAndEnd(input, speech.notAllowedHere(environment));
      }
      if (locking) {
        const result = await deps.locks.acquire(environment, principal);
        audit(deps, context, 'lock', result.kind === 'acquired' ? 'locked' : `unchanged-${result.kind}`, undefined, { environment, holder: result.lock.holder });
        switch (result.kind) {
          case 'acquired': return sayAndEnd(input, speech.locked(environment, result.lock.reason));
          case 'already-yours': return sayAndEnd(input, speech.alreadyYourLock(environment, result.lock.since));
          case 'held': return sayAndEnd(input, speech.lockHeldByOther(environment, nameOf(deps, result.lock.holder), result.lock.since));
        }
      }
      const result = await deps.locks.release(environment, principal, isAdmin(deps.config, principal));
      audit(deps, context, 'lock', result.kind === 'released' ? 'unlocked' : `refused-${result.kind}`, undefined, { environment });
      switch (result.kind) {
        case 'released': return sayAndEnd(input, speech.unlocked(environment));
        case 'not-locked': return sayAndEnd(input, speech.notLocked(environment));
        case 'not-holder': return sayAndEnd(input, speech.notYourLock(environment, nameOf(deps, result.lock.holder), result.lock.since));
      }
    },
  };
}

function resolveEnvironment(input: HandlerInput, deps: SkillDeps, action: 'lock' | 'unlock'): string | Response {
  const { speech } = requestContext(input);
  const intent = intentOf(input);
  const choices = deps.catalog.allEnvironmentKeys();
  const environment = deps.catalog.resolveAnyEnvironment(spokenSlot(intent, 'environment'));
  if (environment.kind === 'resolved') return environment.value;
  const ask = environment.kind === 'missing' ? speech.askLockEnvironment(action, choices) : speech.unknownLockEnvironment(environment.heard, choices);
  return input.responseBuilder.speak(toSpeech(ask)).reprompt(toSpeech(ask))
    .addElicitSlotDirective('environment', withSlot(intent, 'environment', undefined)).getResponse();
}
