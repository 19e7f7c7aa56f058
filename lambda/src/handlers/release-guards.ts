import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import { isAdmin, mayChange, principalKey } from '../domain/access';
import { activeFreeze } from '../domain/freeze';
import type { Target } from '../domain/release';
import { toSpeech, type Ssml } from '../speech/ssml';
import { audit } from './audit';
import { requestContext, type SkillDeps } from './context';
import { FREEZE_OVERRIDE, rememberPending, type Pending } from './pending';
import { intentOf, sessionAttributes, spokenSlot } from './request-shape';
import { confirmIntent, sayAndEnd } from './respond';
import { withSlot } from './target-dialog';

/**
 * The checks that stand between a confirmed request and production, in the order a reviewer expects: may this person
 * change this environment, is it locked by someone else, is it frozen, and (last, right before acting) the spoken
 * release code. Each refusal is spoken, audited, and changes nothing.
 */

type Action = Pending['action'];

/** Refuses a person who may not change the environment, or an environment someone else has locked. */
export async function refuseIfBarred(input: HandlerInput, deps: SkillDeps, target: Target, action: Action): Promise<Response | undefined> {
  return refuseIfNotAllowedHere(input, deps, target, action) ?? await refuseIfLocked(input, deps, target, action);
}

/**
 * refuseIfBarred, with `read` (what the action would do, worked out from AWS: a read, never a change) started as soon
 * as the person is known to be allowed here, so that it and the lock are read at once: on a cold start, one round
 * trip (and one TLS handshake) less before Alexa hears anything. The read is handed back only when nothing bars the
 * request; when something does, it is dropped, and so is its failure.
 */
export async function refuseIfBarredWhile<T>(input: HandlerInput, deps: SkillDeps, target: Target, action: Action, read: () => Promise<T>):
  Promise<{ barred: Response } | { barred?: undefined; read: Promise<T> }> {
  const notAllowed = refuseIfNotAllowedHere(input, deps, target, action);
  if (notAllowed) return { barred: notAllowed };
  const reading = read();
  // Awaited by the caller, or dropped below: either way never an unhandled rejection.
  reading.catch(() => undefined);
  const locked = await refuseIfLocked(input, deps, target, action);
  return locked ? { barred: locked } : { read: reading };
}

function refuseIfNotAllowedHere(input: HandlerInput, deps: SkillDeps, target: Target, action: Action): Response | undefined {
  const context = requestContext(input);
  if (mayChange(deps.config, context.principal, target.environment)) return undefined;
  audit(deps, context, action, 'refused-not-allowed-here', target);
  return sayAndEnd(input, context.speech.notAllowedHere(target.environment));
}

async function refuseIfLocked(input: HandlerInput, deps: SkillDeps, target: Target, action: Action): Promise<Response | undefined> {
  const context = requestContext(input);
  const lock = await deps.locks.current(target.environment);
  if (!lock || principalKey(lock.holder) === principalKey(context.principal)) return undefined;
  audit(deps, context, action, 'refused-locked', target, { lockHolder: principalKey(lock.holder) });
  return sayAndEnd(input, context.speech.lockedBy(target.environment, nameOf(deps, lock.holder), lock.since, lock.reason));
}

const OVERRIDE_KEY = 'freeze-override';

/**
 * Deploy freezes. Outside one: proceed. Inside one: refused, except that an admin is asked whether to override, and
 * after that yes still hears the normal read-back and must say yes again: two confirmations.
 */
export function freezeStep(input: HandlerInput, deps: SkillDeps, target: Target, intent: Intent, pending: Pending | undefined, confirmed: boolean):
  { kind: 'proceed'; justOverridden: boolean } | { kind: 'respond'; response: Response } {
  const context = requestContext(input);
  const policy = deps.config.policies[target.environment];
  const freeze = policy && activeFreeze(policy.freezes, deps.now(), deps.config.timeZone);
  if (!freeze) return { kind: 'proceed', justOverridden: false };
  const marker = `${target.service}|${target.environment}`;
  if (sessionAttributes(input)[FREEZE_OVERRIDE] === marker) return { kind: 'proceed', justOverridden: false };
  if (!isAdmin(deps.config, context.principal)) {
    audit(deps, context, 'deploy', 'refused-frozen', target, { freeze: freeze.reason });
    return { kind: 'respond', response: sayAndEnd(input, context.speech.frozen(target.environment, freeze.reason)) };
  }
  if (confirmed && pending?.key === OVERRIDE_KEY && pending.service === target.service && pending.environment === target.environment) {
    input.attributesManager.setSessionAttributes({ ...sessionAttributes(input), [FREEZE_OVERRIDE]: marker });
    audit(deps, context, 'deploy', 'freeze-overridden', target, { freeze: freeze.reason });
    return { kind: 'proceed', justOverridden: true };
  }
  rememberPending(input, { action: 'deploy', service: target.service, environment: target.environment, key: OVERRIDE_KEY });
  const question = context.speech.freezeOverrideQuestion(target.environment, freeze.reason);
  return { kind: 'respond', response: confirmIntent(input, intent, question, question) };
}

/**
 * The team's spoken release code, for environments whose policy requires it: asked for with Dialog.ElicitSlot once
 * the user has confirmed, checked against the salted hash, with failures counted (and locked out) in the state store.
 */
export async function pinStep(input: HandlerInput, deps: SkillDeps, target: Target, intent: Intent, action: Action): Promise<Response | undefined> {
  const policy = deps.config.policies[target.environment];
  const pin = deps.config.pin;
  if (!policy?.requirePin || !pin) return undefined;
  const context = requestContext(input);
  const { speech } = context;
  // The code is read from the request itself: directives never carry it back.
  const spoken = spokenSlot(intentOf(input), 'pin').heard?.replace(/\D/g, '');
  const ask = (words: Ssml) => input.responseBuilder
    .speak(toSpeech(words)).reprompt(toSpeech(speech.askPin()))
    .addElicitSlotDirective('pin', withSlot({ ...intent, confirmationStatus: 'CONFIRMED' }, 'pin', undefined))
    .getResponse();
  if (spoken === undefined || spoken === '') return ask(speech.askPin());
  const result = await deps.pins.check(principalKey(context.principal), spoken, pin.hash);
  switch (result.kind) {
    case 'ok':
      audit(deps, context, action, 'pin-accepted', target);
      return undefined;
    case 'wrong':
      audit(deps, context, action, 'pin-wrong', target, { attemptsLeft: result.attemptsLeft });
      return ask(speech.wrongPin(result.attemptsLeft));
    case 'locked-out':
      audit(deps, context, action, 'pin-locked-out', target, { until: result.until.toISOString() });
      return sayAndEnd(input, speech.pinLockedOut(result.until));
    default: {
      // A new kind of answer must be handled here, never waved through to the action.
      const unhandled: never = result;
      throw new Error(`Unhandled PIN check ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The name to speak for a person: from the config's `people`, else undefined ("someone else"). */
export function nameOf(deps: SkillDeps, who: { userId?: string; personId?: string }): string | undefined {
  return (who.personId && deps.config.people[who.personId]) || (who.userId && deps.config.people[who.userId]) || undefined;
}
