import type { Config, Freeze } from '../config/schema';
import { isAdmin, mayChange, principalKey, type Principal } from './access';
import { alarmSetKey, type Alarm, type AlarmReading } from './alarms';
import type { ReadBack } from './consent';
import { activeFreeze } from './freeze';
import type { EnvironmentLocks, Lock } from './locks';
import type { PinGuard } from './pin-guard';
import { bakeMinutesLeft, type PromotionPlan } from './promotion';
import type { Target } from './release';

/** What stands between a person and changing an environment before anything is read back. */
export type Barrier =
  | { readonly kind: 'clear' }
  | { readonly kind: 'not-allowed-here' }
  | { readonly kind: 'locked'; readonly lock: Lock };

/** A deploy freeze, and what an admin may do about it. */
export type FreezeGate =
  | { readonly kind: 'open' }
  /** Frozen, and this person may not override it. */
  | { readonly kind: 'frozen'; readonly freeze: Freeze }
  /** Frozen; an admin is asked whether to override it before anything is read back. */
  | { readonly kind: 'override-offered'; readonly freeze: Freeze }
  /** The admin said yes to the override just now: record it, then read the plan back (a second yes acts). */
  | { readonly kind: 'overridden-now'; readonly freeze: Freeze }
  /** Overridden earlier in this session for this very target. */
  | { readonly kind: 'overridden'; readonly freeze: Freeze };

/** Alarms in ALARM refuse a deploy; an admin may override them for this session, with an extra yes. */
export type AlarmGate =
  | { readonly kind: 'open' }
  /** Configured alarms that CloudWatch does not have: the gate cannot see, so it refuses, and nobody overrides that. */
  | { readonly kind: 'missing'; readonly names: readonly string[] }
  /** Firing, and this person may not override it. */
  | { readonly kind: 'firing'; readonly alarms: readonly Alarm[] }
  /** Firing; an admin is asked whether to override before anything is read back (`key`: the question's read-back). */
  | { readonly kind: 'override-offered'; readonly alarms: readonly Alarm[]; readonly key: string }
  /** The admin said yes to that question just now: remember `marker`, then go on. */
  | { readonly kind: 'overridden-now'; readonly alarms: readonly Alarm[]; readonly marker: string }
  /** Overridden earlier in this session, for these very alarms. */
  | { readonly kind: 'overridden'; readonly alarms: readonly Alarm[] };

/** A promotion's bake time in the environment it comes from; an admin may override it, with an extra yes. */
export type BakeGate =
  | { readonly kind: 'open' }
  | { readonly kind: 'baking'; readonly promotion: PromotionPlan; readonly minutesLeft: number }
  | { readonly kind: 'override-offered'; readonly promotion: PromotionPlan; readonly minutesLeft: number; readonly key: string }
  | { readonly kind: 'overridden-now'; readonly promotion: PromotionPlan; readonly minutesLeft: number; readonly marker: string }
  | { readonly kind: 'overridden'; readonly promotion: PromotionPlan; readonly minutesLeft: number };

/** What the session says about overrides: what was overridden earlier, and the question a yes may answer. */
export interface OverrideSession {
  readonly overrides: readonly string[];
  readonly readBack?: ReadBack;
  readonly confirmed: boolean;
}

/** The spoken release code, for environments whose policy asks for one. */
export type CodeGate =
  | { readonly kind: 'not-required' }
  | { readonly kind: 'ask' }
  | { readonly kind: 'accepted' }
  | { readonly kind: 'wrong'; readonly attemptsLeft: number }
  | { readonly kind: 'locked-out'; readonly until: Date };

export type LockDecision =
  | { readonly kind: 'not-allowed-here' }
  | { readonly kind: 'acquired' | 'already-yours' | 'held'; readonly lock: Lock };

export type UnlockDecision =
  | { readonly kind: 'not-allowed-here' }
  | { readonly kind: 'released'; readonly lock: Lock }
  | { readonly kind: 'not-locked' }
  | { readonly kind: 'not-holder'; readonly lock: Lock };

/** What a freeze holds back: what ships. */
export type FrozenAction = 'deploy' | 'approve';

/** The read-back key that marks a pending freeze override rather than a plan. */
export const FREEZE_OVERRIDE_KEY = 'freeze-override';
const ALARM_OVERRIDE_PREFIX = 'alarm-override:';
const BAKE_OVERRIDE_PREFIX = 'bake-override:';

/** True when a read-back is an override question (freeze, alarms, bake time) rather than a plan: its yes ships nothing. */
export function isOverrideQuestion(key: string): boolean {
  return key === FREEZE_OVERRIDE_KEY || key.startsWith(ALARM_OVERRIDE_PREFIX) || key.startsWith(BAKE_OVERRIDE_PREFIX);
}

/**
 * Every decision about who may change production, and when: permission, locks, freezes and the release code. Each
 * returns a union that the handlers turn into words; none of them speaks, and none of them starts anything in AWS.
 */
export class ReleasePolicy {
  constructor(
    private readonly config: Config,
    private readonly locks: EnvironmentLocks,
    private readonly pins: PinGuard,
    private readonly now: () => Date,
  ) {}

  /** May this person change (deploy, roll back, lock) this environment? */
  mayChange(who: Principal, environment: string): boolean {
    return mayChange(this.config, who, environment);
  }

  isAdmin(who: Principal): boolean {
    return isAdmin(this.config, who);
  }

  /** Permission first, then the lock: someone else's lock bars the environment. */
  async barrier(who: Principal, environment: string): Promise<Barrier> {
    if (!this.mayChange(who, environment)) return { kind: 'not-allowed-here' };
    return this.lockBarrier(who, environment);
  }

  /**
   * barrier, with `read` (what the action would do, worked out from AWS: a read, never a change) started as soon as
   * the person is known to be allowed here, so that it and the lock are read at once: on a cold start, one round
   * trip less before Alexa hears anything. The read is handed back only when nothing bars the request; when
   * something does, it is dropped, and so is its failure.
   */
  async barrierWhile<T>(who: Principal, environment: string, read: () => Promise<T>):
    Promise<Exclude<Barrier, { kind: 'clear' }> | { readonly kind: 'clear'; readonly read: Promise<T> }> {
    if (!this.mayChange(who, environment)) return { kind: 'not-allowed-here' };
    const reading = read();
    // Awaited by the caller, or dropped below: either way never an unhandled rejection.
    reading.catch(() => undefined);
    const barrier = await this.lockBarrier(who, environment);
    return barrier.kind === 'clear' ? { kind: 'clear', read: reading } : barrier;
  }

  /**
   * Deploy freezes. Outside one: open. Inside one: refused, except that an admin is offered an override, and after
   * that yes still hears the normal read-back and must say yes again: two confirmations. They hold for what ships:
   * a deploy, and an approval that lets a waiting release go on. A rollback or a rejection stops a release and is
   * never frozen.
   */
  freeze(
    who: Principal, target: Target, session: { readonly overriddenFor?: string; readonly readBack?: ReadBack; readonly confirmed: boolean },
    action: FrozenAction = 'deploy',
  ): FreezeGate {
    const policy = this.config.policies[target.environment];
    const freeze = policy && activeFreeze(policy.freezes, this.now(), this.config.timeZone);
    if (!freeze) return { kind: 'open' };
    if (session.overriddenFor === overrideMarker(target)) return { kind: 'overridden', freeze };
    if (!this.isAdmin(who)) return { kind: 'frozen', freeze };
    const { readBack } = session;
    const askedToOverride = readBack?.key === FREEZE_OVERRIDE_KEY && readBack.action === action
      && readBack.service === target.service && readBack.environment === target.environment;
    return session.confirmed && askedToOverride ? { kind: 'overridden-now', freeze } : { kind: 'override-offered', freeze };
  }

  /**
   * The alarm gate. A rollback never asks it: rolling back is how an alarm's incident ends. The override counts for
   * the alarms it was asked about; another alarm firing since asks again.
   */
  alarms(who: Principal, target: Target, reading: AlarmReading, session: OverrideSession): AlarmGate {
    if (reading.missing.length > 0) return { kind: 'missing', names: reading.missing };
    const alarms = reading.firing;
    if (alarms.length === 0) return { kind: 'open' };
    const set = alarmSetKey(alarms);
    const marker = `alarm|${overrideMarker(target)}|${set}`;
    if (session.overrides.includes(marker)) return { kind: 'overridden', alarms };
    if (!this.isAdmin(who)) return { kind: 'firing', alarms };
    const key = `${ALARM_OVERRIDE_PREFIX}${set}`;
    return answers(session, target, key) ? { kind: 'overridden-now', alarms, marker } : { kind: 'override-offered', alarms, key };
  }

  /**
   * The bake gate of a promotion: open once the release it ships has succeeded in its environment at least
   * `bakeMinutes` ago. The override counts for that release only; a newer one in that environment bakes afresh.
   */
  bake(who: Principal, target: Target, promotion: PromotionPlan | undefined, session: OverrideSession): BakeGate {
    if (promotion === undefined) return { kind: 'open' };
    const minutesLeft = bakeMinutesLeft(promotion, this.now());
    if (minutesLeft === 0) return { kind: 'open' };
    const marker = `bake|${overrideMarker(target)}|${promotion.execution.id}`;
    if (session.overrides.includes(marker)) return { kind: 'overridden', promotion, minutesLeft };
    if (!this.isAdmin(who)) return { kind: 'baking', promotion, minutesLeft };
    const key = `${BAKE_OVERRIDE_PREFIX}${promotion.execution.id}`;
    return answers(session, target, key)
      ? { kind: 'overridden-now', promotion, minutesLeft, marker }
      : { kind: 'override-offered', promotion, minutesLeft, key };
  }

  /** Checks the spoken release code where the environment's policy asks for one; failures count toward a lockout. */
  async releaseCode(who: Principal, environment: string, spoken: string | undefined): Promise<CodeGate> {
    const pin = this.config.pin;
    if (!this.config.policies[environment]?.requirePin || !pin) return { kind: 'not-required' };
    const digits = spoken?.replace(/\D/g, '');
    if (digits === undefined || digits === '') return { kind: 'ask' };
    const result = await this.pins.check(principalKey(who), digits, pin.hash);
    switch (result.kind) {
      case 'ok': return { kind: 'accepted' };
      case 'wrong': return result;
      case 'locked-out': return result;
      default: {
        // A new kind of answer must be handled here, never waved through to the action.
        const unhandled: never = result;
        throw new Error(`Unhandled PIN check ${JSON.stringify(unhandled)}`);
      }
    }
  }

  async lock(who: Principal, environment: string): Promise<LockDecision> {
    if (!this.mayChange(who, environment)) return { kind: 'not-allowed-here' };
    return this.locks.acquire(environment, who);
  }

  async unlock(who: Principal, environment: string): Promise<UnlockDecision> {
    if (!this.mayChange(who, environment)) return { kind: 'not-allowed-here' };
    return this.locks.release(environment, who, this.isAdmin(who));
  }

  /** The lock on an environment, for the status answer. */
  currentLock(environment: string): Promise<Lock | undefined> {
    return this.locks.current(environment);
  }

  /** The name to speak for a person: from the config's `people`, else undefined ("someone else"). */
  nameOf(who: Principal): string | undefined {
    return (who.personId && this.config.people[who.personId]) || (who.userId && this.config.people[who.userId]) || undefined;
  }

  private async lockBarrier(who: Principal, environment: string): Promise<Barrier> {
    const lock = await this.locks.current(environment);
    if (!lock || principalKey(lock.holder) === principalKey(who)) return { kind: 'clear' };
    return { kind: 'locked', lock };
  }
}

/** True when the request is a yes to the override question `key` for this deploy target. */
function answers(session: OverrideSession, target: Target, key: string): boolean {
  const { readBack } = session;
  return session.confirmed && readBack?.key === key && readBack.action === 'deploy'
    && readBack.service === target.service && readBack.environment === target.environment;
}

/** What the session keeps once an admin has overridden a freeze for one service and environment. */
export function overrideMarker(target: Pick<Target, 'service' | 'environment'>): string {
  return `${target.service}|${target.environment}`;
}
