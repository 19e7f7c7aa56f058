import type { HandlerInput } from 'ask-sdk-core';
import type { Target } from '../domain/release';
import { isRecord, sessionAttributes } from './request-shape';

/** What the skill read back when it asked for a yes: kept in the session so that the yes acts on exactly that. */
export interface Pending {
  readonly action: 'deploy' | 'rollback';
  readonly service: string;
  readonly environment: string;
  /** Identifies the plan that was read back (the rollback target, the last release). */
  readonly key: string;
  /** The plan is risky enough (undoing a rollback) that a first yes only leads to a second question. */
  readonly needsSecondYes?: boolean;
  /** The first yes was given; the next one acts. */
  readonly firstYesGiven?: boolean;
}

const KEY = 'pending';

export function rememberPending(input: HandlerInput, pending: Pending): void {
  input.attributesManager.setSessionAttributes({ ...sessionAttributes(input), [KEY]: pending });
}

export function forgetPending(input: HandlerInput): void {
  const rest = { ...sessionAttributes(input) };
  delete rest[KEY];
  input.attributesManager.setSessionAttributes(rest);
}

export function pendingOf(input: HandlerInput): Pending | undefined {
  const value = sessionAttributes(input)[KEY];
  if (!isRecord(value)) return undefined;
  const { action, service, environment, key, needsSecondYes, firstYesGiven } = value;
  if ((action !== 'deploy' && action !== 'rollback') || typeof service !== 'string' || typeof environment !== 'string' || typeof key !== 'string') {
    return undefined;
  }
  return { action, service, environment, key, needsSecondYes: needsSecondYes === true, firstYesGiven: firstYesGiven === true };
}

/**
 * True when a confirmation may act on this action and target: nothing was remembered (Alexa's own confirmation,
 * or no session), or what was remembered is this very action on this very target. The plan itself is compared by
 * the release service, which works it out afresh.
 */
export function pendingMatches(pending: Pending | undefined, action: Pending['action'], target: Target): boolean {
  return pending === undefined || (pending.action === action && pending.service === target.service && pending.environment === target.environment);
}
