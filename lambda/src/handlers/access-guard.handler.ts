import type { RequestHandler } from 'ask-sdk-core';
import { audit } from './audit';
import { requestContext, type SkillDeps } from './context';
import { isIntent } from './request-shape';
import { sayAndEnd } from './respond';

/** Intents that read or change production, and so need a user on the allowlist. */
export const GUARDED_INTENTS = ['DeployIntent', 'RollbackIntent', 'StatusIntent', 'LockIntent', 'UnlockIntent'] as const;

/**
 * First in the chain for the guarded intents: a user who is not on the allowlist hears why and is logged with the
 * ids an admin needs to add them. Nothing else runs for them, so no AWS call is made.
 */
export function accessGuardHandler(deps: SkillDeps): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, ...GUARDED_INTENTS) && !requestContext(input).allowed,
    handle(input) {
      const context = requestContext(input);
      const intent = (input.requestEnvelope.request as { intent?: { name?: string } }).intent?.name;
      audit(deps, context, 'access', 'refused-not-allowed', undefined, { intent, hint: 'add userId or personId to allowedUsers to let them act' });
      return sayAndEnd(input, context.speech.notAllowed());
    },
  };
}
