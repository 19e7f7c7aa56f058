import type { HandlerInput } from 'ask-sdk-core';
import type { Target } from '../domain/release';
import { hasSession, isRecord, sessionAttributes } from './request-shape';

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
/** Set when an admin overrode a freeze for one service and environment in this session ("service|environment"). */
export const FREEZE_OVERRIDE = 'freezeOverride';
/** Longer than any service, environment or plan key the skill writes: anything longer was not written by it. */
const MAX_FIELD_LENGTH = 200;

export function rememberPending(input: HandlerInput, pending: Pending): void {
  // A request without a session (one-shot, or a forged one) has nowhere to keep it; ask-sdk-core would throw.
  if (!hasSession(input)) return;
  input.attributesManager.setSessionAttributes({ ...sessionAttributes(input), [KEY]: pending });
}

export function forgetPending(input: HandlerInput): void {
  if (!hasSession(input)) return;
  const rest = { ...sessionAttributes(input) };
  delete rest[KEY];
  input.attributesManager.setSessionAttributes(rest);
}

/**
 * Keeps in the session only what this skill put there. ask-sdk-core echoes session attributes back in every
 * response, so anything else a request carries (oversized or forged) would come back too, and could push the
 * response past Alexa's 24 KB.
 */
export function keepOnlyOwnAttributes(input: HandlerInput): void {
  if (!hasSession(input)) return;
  const pending = pendingOf(input);
  const override = sessionAttributes(input)[FREEZE_OVERRIDE];
  input.attributesManager.setSessionAttributes({
    ...(pending === undefined ? {} : { [KEY]: pending }),
    ...(isShortText(override) ? { [FREEZE_OVERRIDE]: override } : {}),
  });
}

export function pendingOf(input: HandlerInput): Pending | undefined {
  const value = sessionAttributes(input)[KEY];
  if (!isRecord(value)) return undefined;
  const { action, service, environment, key, needsSecondYes, firstYesGiven } = value;
  if ((action !== 'deploy' && action !== 'rollback') || !isShortText(service) || !isShortText(environment) || !isShortText(key)) {
    return undefined;
  }
  return { action, service, environment, key, ...(needsSecondYes === true ? { needsSecondYes } : {}), ...(firstYesGiven === true ? { firstYesGiven } : {}) };
}

/**
 * True when a confirmation may act on this action and target: nothing was remembered (Alexa's own confirmation,
 * or no session), or what was remembered is this very action on this very target. The plan itself is compared by
 * the release service, which works it out afresh.
 */
export function pendingMatches(pending: Pending | undefined, action: Pending['action'], target: Target): boolean {
  return pending === undefined || (pending.action === action && pending.service === target.service && pending.environment === target.environment);
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_FIELD_LENGTH;
}
