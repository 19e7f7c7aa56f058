import type { StateStore, StoredRecord } from '../ports/state-store.port';
import { principalKey, type Principal } from './access';

/** The routines the skill offers, in the order it offers them. */
export const ROUTINES = ['push-to-prod', 'roll-back-prod'] as const;
export type Routine = (typeof ROUTINES)[number];

/** How a person answered Alexa's offer of a routine. */
export type OfferAnswer = 'accepted' | 'declined' | 'already-enabled' | 'failed';

export type OfferDecision =
  | { readonly kind: 'offer'; readonly routine: Routine }
  | { readonly kind: 'none'; readonly reason: 'offered-before' | 'declined' | 'failed' | 'all-set' | 'busy' };

export interface StoredOffers {
  /** The one unasked-for offer, after the person's first release, was made. */
  readonly afterReleaseMade?: boolean;
  readonly answers: Partial<Record<Routine, OfferAnswer>>;
}

const keyOf = (who: Principal) => `shortcut-offers#${principalKey(who)}`;
const isSet = (answer: OfferAnswer | undefined) => answer === 'accepted' || answer === 'already-enabled';

/**
 * When the skill offers a person a routine ("Alexa, push to prod"), kept per person in the state store: once, unasked,
 * after their first release; whenever they ask ("make a shortcut"); and, after they took one, the next one. Someone
 * who declined is never offered one again unasked. Writes are conditional, so two requests at once make one offer.
 */
export class ShortcutOffers {
  constructor(private readonly store: StateStore) {}

  /** What this person was offered and answered. Start it early, beside the release, and hand it to afterRelease. */
  read(who: Principal): Promise<StoredRecord<StoredOffers> | undefined> {
    return this.store.get<StoredOffers>(keyOf(who));
  }

  /**
   * Whether this person is still due the offer that follows a first release: read during the read-back, so that the
   * yes that starts the release waits for no read unless an offer may follow it.
   */
  async dueAfterRelease(who: Principal): Promise<boolean> {
    const offers = (await this.read(who))?.value ?? { answers: {} };
    return !offers.afterReleaseMade && !Object.values(offers.answers).includes('declined')
      && ROUTINES.some((r) => offers.answers[r] === undefined);
  }

  /**
   * After a release this person started: the first routine they have not answered, the first time only. `read` is
   * what {@link read} gave, when it was started beside the release so that the answer waits for no read of its own.
   */
  async afterRelease(who: Principal, read: Promise<StoredRecord<StoredOffers> | undefined> = this.read(who)): Promise<OfferDecision> {
    const record = await read;
    const offers: StoredOffers = record?.value ?? { answers: {} };
    if (offers.afterReleaseMade) return { kind: 'none', reason: 'offered-before' };
    if (Object.values(offers.answers).includes('declined')) return { kind: 'none', reason: 'declined' };
    const routine = ROUTINES.find((r) => offers.answers[r] === undefined);
    if (routine === undefined) return { kind: 'none', reason: 'all-set' };
    const written = await this.store.put<StoredOffers>(keyOf(who), { ...offers, afterReleaseMade: true }, { expectedVersion: record?.version });
    return written ? { kind: 'offer', routine } : { kind: 'none', reason: 'busy' };
  }

  /** The person asked for a shortcut: the first routine they do not have yet, declined before or not. */
  async onRequest(who: Principal): Promise<OfferDecision> {
    const record = await this.store.get<StoredOffers>(keyOf(who));
    const routine = ROUTINES.find((r) => !isSet(record?.value.answers[r]));
    return routine === undefined ? { kind: 'none', reason: 'all-set' } : { kind: 'offer', routine };
  }

  /**
   * Keeps the person's answer, and says what to offer next: after a routine was taken (or was there already), the
   * next one they were never offered; after a decline or a failure, nothing.
   */
  async answered(who: Principal, routine: Routine, answer: OfferAnswer, attempts = 3): Promise<OfferDecision> {
    const record = await this.store.get<StoredOffers>(keyOf(who));
    const offers: StoredOffers = record?.value ?? { answers: {} };
    const updated: StoredOffers = { ...offers, answers: { ...offers.answers, [routine]: answer } };
    if (!(await this.store.put(keyOf(who), updated, { expectedVersion: record?.version }))) {
      if (attempts <= 1) return { kind: 'none', reason: 'busy' };
      return this.answered(who, routine, answer, attempts - 1);
    }
    if (!isSet(answer)) return { kind: 'none', reason: answer === 'declined' ? 'declined' : 'failed' };
    const next = ROUTINES.find((r) => updated.answers[r] === undefined);
    return next === undefined ? { kind: 'none', reason: 'all-set' } : { kind: 'offer', routine: next };
  }
}
