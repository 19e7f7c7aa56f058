import type { RequestInterceptor } from 'ask-sdk-core';
import { isAllowed, type Principal } from '../domain/access';
import { messagesFor } from '../speech';
import { isRecord } from '../turn/request-shape';
import { keepOnlyOwnAttributes, type SlotsOfConfirmable } from '../turn/session';
import { setTurn, Turn, type SkillDeps } from '../turn/turn';

/**
 * Builds the request's Turn once, for every handler: who is asking, whether they are allowed, and which words to
 * speak. Ids come from context.System (present on every request), falling back to the session for old envelopes
 * that lack it. It also drops session attributes this skill did not write, before any handler reads them, and takes
 * out the question a screen's read-back asked: it goes to this turn alone (`confirmable` says which intents, with
 * which slots, such a question may name).
 */
export function requestContextInterceptor(deps: SkillDeps, confirmable: SlotsOfConfirmable): RequestInterceptor {
  return {
    process(input) {
      const principal = principalOf(input.requestEnvelope as unknown);
      const screenQuestion = keepOnlyOwnAttributes(input, confirmable);
      const locale = (input.requestEnvelope.request as { locale?: unknown }).locale;
      const speech = messagesFor(typeof locale === 'string' ? locale : undefined, deps.now(), deps.config.timeZone);
      setTurn(input, new Turn(input, deps, speech, principal, isAllowed(deps.config, principal), screenQuestion));
    },
  };
}

export function principalOf(envelope: unknown): Principal {
  const root = isRecord(envelope) ? envelope : {};
  const system = isRecord(root.context) && isRecord(root.context.System) ? root.context.System : {};
  const session = isRecord(root.session) ? root.session : {};
  const userId = stringAt(system.user, 'userId') ?? stringAt(session.user, 'userId');
  const personId = stringAt(system.person, 'personId');
  return { userId, personId };
}

function stringAt(value: unknown, key: string): string | undefined {
  const field = isRecord(value) ? value[key] : undefined;
  return typeof field === 'string' && field !== '' ? field : undefined;
}
