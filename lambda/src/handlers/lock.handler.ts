import type { Response } from 'ask-sdk-model';
import { lockFact } from '../speech/cards';
import type { Turn } from '../turn/turn';
import { refusal } from './gates';

/**
 * "Lock production" and "unlock production": a lock says who holds it and since when; while it is held nobody else
 * may push or roll back that environment, and only its holder or an admin removes it.
 */
export async function lock(turn: Turn): Promise<Response> {
  const environment = resolveEnvironment(turn, 'lock');
  if (typeof environment !== 'string') return environment;
  const { speech, deps: { policy } } = turn;
  const result = await policy.lock(turn.principal, environment);
  if (result.kind === 'not-allowed-here') return refusal(turn, 'lock', environment, result);
  turn.audit('lock', result.kind === 'acquired' ? 'locked' : `unchanged-${result.kind}`, { environment, holder: result.lock.holder });
  const card = { environment, card: lockFact(result.lock, policy.nameOf(result.lock.holder)) };
  switch (result.kind) {
    case 'acquired': return turn.say(speech.locked(environment, result.lock.reason), card);
    case 'already-yours': return turn.say(speech.alreadyYourLock(environment, result.lock.since), card);
    case 'held': return turn.say(speech.lockHeldByOther(environment, policy.nameOf(result.lock.holder), result.lock.since), card);
  }
}

export async function unlock(turn: Turn): Promise<Response> {
  const environment = resolveEnvironment(turn, 'unlock');
  if (typeof environment !== 'string') return environment;
  const { speech, deps: { policy } } = turn;
  const result = await policy.unlock(turn.principal, environment);
  if (result.kind === 'not-allowed-here') return refusal(turn, 'lock', environment, result);
  turn.audit('lock', result.kind === 'released' ? 'unlocked' : `refused-${result.kind}`, { environment });
  switch (result.kind) {
    case 'released': return turn.say(speech.unlocked(environment), { environment });
    case 'not-locked': return turn.say(speech.notLocked(environment), { environment });
    case 'not-holder': return turn.say(speech.notYourLock(environment, policy.nameOf(result.lock.holder), result.lock.since), { environment, card: lockFact(result.lock, policy.nameOf(result.lock.holder)) });
  }
}

/** The environment a lock names (any service's), or the question that asks for it. */
function resolveEnvironment(turn: Turn, action: 'lock' | 'unlock'): string | Response {
  const { speech, deps: { catalog } } = turn;
  const choices = catalog.allEnvironmentKeys();
  const environment = catalog.resolveAnyEnvironment(turn.slot('environment'));
  if (environment.kind === 'resolved') return environment.value;
  const ask = environment.kind === 'missing' ? speech.askLockEnvironment(action, choices) : speech.unknownLockEnvironment(environment.heard, choices);
  return turn.elicit('environment', {}, ask);
}
