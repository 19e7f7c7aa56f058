import type { Response } from 'ask-sdk-model';
import { principalKey } from '../domain/access';
import type { Barrier } from '../domain/release-policy';
import { lockFact } from '../speech/cards';
import type { Ssml } from '../speech/ssml';
import type { AuditAction, Turn } from '../turn/turn';

/**
 * The words for the release policy's refusals and for the release code, shared by every handler that changes
 * production. The decisions are the policy's (domain/release-policy.ts); these only speak and audit them.
 */

/** Speaks and audits what bars a request (permission, someone else's lock). */
export function refusal(turn: Turn, action: AuditAction, environment: string, barrier: Exclude<Barrier, { kind: 'clear' }>): Response {
  switch (barrier.kind) {
    case 'not-allowed-here':
      turn.audit(action, 'refused-not-allowed-here', turn.where ? {} : { environment });
      return turn.say(turn.speech.notAllowedHere(environment), { environment });
    case 'locked': {
      const { lock } = barrier;
      turn.audit(action, 'refused-locked', { lockHolder: principalKey(lock.holder) });
      const holder = turn.deps.policy.nameOf(lock.holder);
      return turn.say(turn.speech.lockedBy(lock.environment, holder, lock.since, lock.reason), { environment, card: lockFact(lock, holder) });
    }
  }
}

/**
 * The team's spoken release code, for environments whose policy requires it: asked for with Dialog.ElicitSlot once
 * the person has confirmed, checked against the salted hash, failures counted (and locked out) in the state store.
 * Undefined when the request may go ahead.
 */
export async function releaseCodeStep(turn: Turn, action: 'deploy' | 'rollback' | 'approve' | 'reject', values: Readonly<Record<string, string>>): Promise<Response | undefined> {
  const environment = turn.where?.environment ?? '';
  // The code is read from the request itself: directives never carry it back.
  const gate = await turn.deps.policy.releaseCode(turn.principal, environment, turn.slot('pin').heard);
  const { speech } = turn;
  const ask = (words: Ssml) => turn.elicit('pin', values, words, speech.askPin());
  switch (gate.kind) {
    case 'not-required':
      return undefined;
    case 'ask':
      return ask(speech.askPin());
    case 'accepted':
      turn.audit(action, 'pin-accepted');
      return undefined;
    case 'wrong':
      turn.audit(action, 'pin-wrong', { attemptsLeft: gate.attemptsLeft });
      return ask(speech.wrongPin(gate.attemptsLeft));
    case 'locked-out':
      turn.audit(action, 'pin-locked-out', { until: gate.until.toISOString() });
      return turn.say(speech.pinLockedOut(gate.until), { environment });
  }
}
