import type { StateStore } from '../ports/state-store.port';
import { principalKey, type Principal } from './access';

/**
 * What the skill remembers about the releases it starts, so that the person who started one hears how it ended:
 * an Alexa notification from the notifier, and the first sentence the next time they open the skill. Records live
 * in the state store (the stack's DynamoDB table) and expire by themselves.
 */

export type ReleaseKind = 'deploy' | 'rollback' | 'approval';

/** How a release ended. `superseded`: a newer execution of the pipeline took over before this one finished. */
export type ReleaseOutcome = 'succeeded' | 'failed' | 'stopped' | 'superseded';

/** Who started it: the Alexa account, and the recognised voice when there was one. */
export interface Starter {
  readonly userId: string;
  readonly personId?: string;
}

/** What the deploy, rollback and approval handlers record once AWS has accepted the call. */
export interface StartedRelease {
  readonly kind: ReleaseKind;
  readonly service: string;
  readonly environment: string;
  readonly pipeline?: string;
  /** The pipeline execution whose end is the release's end (a deploy, a stage rollback, an approved execution). */
  readonly executionId?: string;
  /** The CodeDeploy deployment whose end is the release's end (a rollback by redeployment). */
  readonly deploymentId?: string;
  readonly startedBy: Starter;
  readonly startedAt: Date;
  /** The request's locale, for the words of the notification. */
  readonly locale?: string;
  /** The request's `context.System.apiEndpoint`: where this person's Alexa APIs are (North America, Europe, Far East). */
  readonly apiEndpoint?: string;
}

export interface FinishedRelease extends StartedRelease {
  readonly outcome: ReleaseOutcome;
  readonly finishedAt: Date;
}

/** The execution or deployment a state-change event is about. */
export type ReleaseRef = { readonly executionId: string } | { readonly deploymentId: string };

export type FinishResult =
  /** Nobody started it through the skill (or the record expired): there is nobody to tell. */
  | { readonly kind: 'not-ours' }
  /** The first time this end is recorded. */
  | { readonly kind: 'recorded'; readonly release: FinishedRelease }
  /** Recorded before: the same event again (EventBridge delivers at least once) or a retried invocation. */
  | { readonly kind: 'already-recorded'; readonly release: FinishedRelease };

export interface JournalOptions {
  /** How long a start is remembered: long enough for a release that waits days for an approval. */
  readonly startTtlMs?: number;
  /** How long an outcome waits to be told at the next launch before it is too old to be worth saying. */
  readonly untoldTtlMs?: number;
  /** How long a subscription change is remembered; after that the notifier no longer knows, and tries. */
  readonly subscriptionTtlMs?: number;
}

const DAY_MS = 86_400_000;
export const DEFAULT_START_TTL_MS = 7 * DAY_MS;
export const DEFAULT_UNTOLD_TTL_MS = 3 * DAY_MS;
export const DEFAULT_SUBSCRIPTION_TTL_MS = 365 * DAY_MS;
/** At most this many outcomes wait for one person; older ones give way. */
export const MAX_UNTOLD = 5;
/** The proactive event the skill publishes (skill-package/skill.json `events.publications`). */
export const PUBLISHED_EVENT = 'AMAZON.MessageAlert.Activated';
const WRITE_ATTEMPTS = 5;

interface StoredRelease {
  readonly kind: ReleaseKind;
  readonly service: string;
  readonly environment: string;
  readonly pipeline?: string;
  readonly executionId?: string;
  readonly deploymentId?: string;
  readonly startedBy: Starter;
  readonly startedAt: string;
  readonly locale?: string;
  readonly apiEndpoint?: string;
  readonly outcome?: ReleaseOutcome;
  readonly finishedAt?: string;
}

interface StoredUntold {
  readonly releases: readonly (StoredRelease & { readonly key: string })[];
}

interface StoredSubscription {
  readonly subscribed: boolean;
  /** The subscription event's own timestamp: events can arrive out of order, and the latest one wins. */
  readonly changedAt: string;
  readonly apiEndpoint?: string;
}

/** What the notifier knows about a user's wish to get notifications. */
export interface Subscription {
  readonly subscribed: boolean;
  readonly changedAt: Date;
  readonly apiEndpoint?: string;
}

const releaseKey = (ref: ReleaseRef): string => ('executionId' in ref ? `release#execution#${ref.executionId}` : `release#deployment#${ref.deploymentId}`);
const untoldKey = (who: Principal): string => `untold#${principalKey(who)}`;
const subscriptionKey = (userId: string): string => `subscription#${userId}`;

/** The release journal over the state store: starts, ends, what is still to be told, and who wants notifications. */
export class ReleaseJournal {
  private readonly startTtlMs: number;
  private readonly untoldTtlMs: number;
  private readonly subscriptionTtlMs: number;

  constructor(private readonly store: StateStore, private readonly now: () => Date, options: JournalOptions = {}) {
    this.startTtlMs = options.startTtlMs ?? DEFAULT_START_TTL_MS;
    this.untoldTtlMs = options.untoldTtlMs ?? DEFAULT_UNTOLD_TTL_MS;
    this.subscriptionTtlMs = options.subscriptionTtlMs ?? DEFAULT_SUBSCRIPTION_TTL_MS;
  }

  /**
   * Remembers a release the skill started, under the execution or deployment id whose end is its end (exactly one
   * of them). Recording the same start again (a retried request) changes nothing.
   */
  async recordStarted(release: StartedRelease): Promise<void> {
    const ref = refOf(release);
    // A refused write means the record is there already: ids are unique, so it is this release, from a retried request.
    await this.store.put(releaseKey(ref), toStored(release), { expiresAt: new Date(this.now().getTime() + this.startTtlMs) });
  }

  /** The release the skill started that this execution or deployment is, or undefined when it did not start it. */
  async findStarted(ref: ReleaseRef): Promise<StartedRelease | FinishedRelease | undefined> {
    const record = await this.store.get<StoredRelease>(releaseKey(ref));
    return record && fromStored(record.value);
  }

  /**
   * Records how a release ended, for the person who started it: it waits for them to open the skill again. Safe to
   * call again with the same end: the outcome is kept once.
   */
  async recordFinished(ref: ReleaseRef, outcome: ReleaseOutcome, finishedAt: Date): Promise<FinishResult> {
    const key = releaseKey(ref);
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
      const record = await this.store.get<StoredRelease>(key);
      if (!record) return { kind: 'not-ours' };
      if (record.value.outcome !== undefined) return { kind: 'already-recorded', release: fromStored(record.value) as FinishedRelease };
      const finished: StoredRelease = { ...record.value, outcome, finishedAt: finishedAt.toISOString() };
      // Told-list first, start record second: a crash in between leaves the start unfinished, so a retry comes back
      // here, and the told-list ignores the second copy (same key).
      await this.addUntold(key, finished);
      const written = await this.store.put(key, finished, { expectedVersion: record.version, expiresAt: record.expiresAt });
      if (written) return { kind: 'recorded', release: fromStored(finished) as FinishedRelease };
    }
    throw new Error(`The release record ${key} keeps changing; try again`);
  }

  /**
   * The outcomes this person has not heard yet, oldest first, and from now on counted as told: the launch handler
   * leads with them. A person is matched as locks match them, by voice when recognised, else by account.
   */
  async takeUntoldOutcomes(who: Principal): Promise<FinishedRelease[]> {
    const key = untoldKey(who);
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
      const record = await this.store.get<StoredUntold>(key);
      if (!record) return [];
      if (await this.store.delete(key, record.version)) {
        // The list lives as long as its latest addition; an outcome older than that is no longer news.
        const oldest = this.now().getTime() - this.untoldTtlMs;
        return record.value.releases.map((release) => fromStored(release) as FinishedRelease)
          .filter((release) => release.finishedAt.getTime() > oldest)
          .sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
      }
    }
    throw new Error('The untold outcomes keep changing; try again');
  }

  /** Records an `AlexaSkillEvent.ProactiveSubscriptionChanged` request (see applySubscriptionChange). */
  async applySubscriptionChange(envelope: SubscriptionChangeEnvelope): Promise<boolean> {
    // The body's shape: ask-sdk-model events.skillevents.ProactiveSubscriptionChangedBody.
    const request = envelope.request as { type: string; timestamp?: string; body?: { subscriptions?: { eventName?: string }[] } };
    if (request.type !== 'AlexaSkillEvent.ProactiveSubscriptionChanged') throw new TypeError(`not a subscription change: ${String(request.type)}`);
    const userId = envelope.context?.System?.user?.userId;
    if (!userId) throw new TypeError('a subscription change without a user id');
    const changedAt = request.timestamp === undefined ? this.now() : new Date(request.timestamp);
    if (Number.isNaN(changedAt.getTime())) throw new TypeError(`a subscription change with a bad timestamp: ${String(request.timestamp)}`);
    const subscribed = (request.body?.subscriptions ?? []).some((subscription) => subscription.eventName === PUBLISHED_EVENT);
    const apiEndpoint = envelope.context?.System?.apiEndpoint;
    return this.recordSubscription(userId, { subscribed, changedAt, ...(apiEndpoint ? { apiEndpoint } : {}) });
  }

  /** What the last subscription change said about this user, or undefined when none is known. */
  async subscription(userId: string): Promise<Subscription | undefined> {
    const record = await this.store.get<StoredSubscription>(subscriptionKey(userId));
    if (!record) return undefined;
    const { subscribed, changedAt, apiEndpoint } = record.value;
    return { subscribed, changedAt: new Date(changedAt), ...(apiEndpoint === undefined ? {} : { apiEndpoint }) };
  }

  /**
   * Records a subscription change unless a later one is already recorded (Alexa may deliver them out of order).
   * Returns whether it was recorded.
   */
  async recordSubscription(userId: string, change: Subscription): Promise<boolean> {
    const key = subscriptionKey(userId);
    const value: StoredSubscription = {
      subscribed: change.subscribed, changedAt: change.changedAt.toISOString(),
      ...(change.apiEndpoint === undefined ? {} : { apiEndpoint: change.apiEndpoint }),
    };
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
      const record = await this.store.get<StoredSubscription>(key);
      if (record && Date.parse(record.value.changedAt) > change.changedAt.getTime()) return false;
      const expiresAt = new Date(this.now().getTime() + this.subscriptionTtlMs);
      if (await this.store.put(key, value, { expectedVersion: record?.version, expiresAt })) return true;
    }
    throw new Error('The subscription keeps changing; try again');
  }

  private async addUntold(key: string, finished: StoredRelease): Promise<void> {
    const listKey = untoldKey(finished.startedBy);
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
      const record = await this.store.get<StoredUntold>(listKey);
      const others = (record?.value.releases ?? []).filter((release) => release.key !== key);
      const releases = [...others, { ...finished, key }].slice(-MAX_UNTOLD);
      const expiresAt = new Date(this.now().getTime() + this.untoldTtlMs);
      if (await this.store.put<StoredUntold>(listKey, { releases }, { expectedVersion: record?.version, expiresAt })) return;
    }
    throw new Error('The untold outcomes keep changing; try again');
  }
}

/** The parts of a request envelope a subscription change is read from (an ask-sdk-model RequestEnvelope fits). */
export interface SubscriptionChangeEnvelope {
  readonly context?: { readonly System?: { readonly user?: { readonly userId?: string }; readonly apiEndpoint?: string } };
  readonly request: { readonly type: string; readonly timestamp?: string };
}

/**
 * Records an `AlexaSkillEvent.ProactiveSubscriptionChanged` request: the user is subscribed while the list of
 * events they receive holds the one the skill publishes; an empty list means they turned notifications off. The
 * skill routes that request type here and answers with an empty response.
 */
export async function applySubscriptionChange(store: StateStore, envelope: SubscriptionChangeEnvelope, now: () => Date = () => new Date()): Promise<boolean> {
  return new ReleaseJournal(store, now).applySubscriptionChange(envelope);
}

function refOf(release: StartedRelease): ReleaseRef {
  const { executionId, deploymentId } = release;
  if ((executionId === undefined) === (deploymentId === undefined)) {
    throw new TypeError('A started release names exactly one of executionId and deploymentId');
  }
  return executionId !== undefined ? { executionId } : { deploymentId: deploymentId as string };
}

function toStored(release: StartedRelease): StoredRelease {
  const { startedAt, startedBy, ...rest } = release;
  return {
    ...withoutUndefined(rest),
    startedBy: { userId: startedBy.userId, ...(startedBy.personId === undefined ? {} : { personId: startedBy.personId }) },
    startedAt: startedAt.toISOString(),
  } as StoredRelease;
}

function fromStored(stored: StoredRelease): StartedRelease | FinishedRelease {
  const { startedAt, finishedAt, ...rest } = stored;
  // The told-list stores each release with its record's key; that key is the journal's business, not the caller's.
  delete (rest as { key?: string }).key;
  return {
    ...rest,
    startedAt: new Date(startedAt),
    ...(finishedAt === undefined ? {} : { finishedAt: new Date(finishedAt) }),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
