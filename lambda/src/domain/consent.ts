import type { Target } from './release';

/** What a person can be asked to say yes to. */
export const CONSENT_ACTIONS = ['deploy', 'rollback', 'approve', 'reject'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

export function isConsentAction(value: unknown): value is ConsentAction {
  return (CONSENT_ACTIONS as readonly unknown[]).includes(value);
}

/** What the skill read back when it asked for a yes: kept in the session so that the yes acts on exactly that. */
export interface ReadBack {
  readonly action: ConsentAction;
  readonly service: string;
  readonly environment: string;
  /** Identifies what was read back (the rollback target, the last release, the approval request, or a freeze override). */
  readonly key: string;
  /** The plan is risky enough (undoing a rollback) that a first yes only leads to a second question. */
  readonly needsSecondYes?: boolean;
  /** The first yes was given; the next one acts. */
  readonly firstYesGiven?: boolean;
}

/** How a request answers: the intent's confirmation status, and whether its target was said rather than defaulted. */
export interface Answer {
  readonly confirmation: 'NONE' | 'CONFIRMED' | 'DENIED';
  /** The service and environment stood in the request's slots; neither was filled in by a default. */
  readonly targetSaid: boolean;
}

export type Consent =
  | { readonly kind: 'given'; readonly readBack: ReadBack }
  | { readonly kind: 'denied' }
  | { readonly kind: 'not-given'; readonly reason: 'not-confirmed' | 'nothing-read-back' | 'other-action' | 'other-target' | 'target-not-said' };

/**
 * Whether a request is a yes to exactly what this session read back. A CONFIRMED intent is consent only to the
 * read-back this session holds, for the same action, service and environment, with the target in the request's own
 * slots: a yes that arrives without a read-back (a new session, a one-shot request, Alexa's own confirmation, which
 * this model never asks for), for another target, or with a slot filled in by a default is read back and asked again,
 * never acted on. Whether the plan itself is still the one read back is checked by the release service.
 */
export function consentTo(action: ConsentAction, target: Target, answer: Answer, readBack: ReadBack | undefined): Consent {
  if (answer.confirmation === 'DENIED') return { kind: 'denied' };
  if (answer.confirmation !== 'CONFIRMED') return { kind: 'not-given', reason: 'not-confirmed' };
  if (readBack === undefined) return { kind: 'not-given', reason: 'nothing-read-back' };
  if (readBack.action !== action) return { kind: 'not-given', reason: 'other-action' };
  if (readBack.service !== target.service || readBack.environment !== target.environment) return { kind: 'not-given', reason: 'other-target' };
  if (!answer.targetSaid) return { kind: 'not-given', reason: 'target-not-said' };
  return { kind: 'given', readBack };
}
