import { MemoryStateStore } from '../../../lambda/src/adapters/state/memory-state-store.adapter';
import { parseConfig } from '../../../lambda/src/config/load';
import { EnvironmentLocks } from '../../../lambda/src/domain/locks';
import { PinGuard } from '../../../lambda/src/domain/pin-guard';
import { testPinHash } from '../../support/release-code';
import { FREEZE_OVERRIDE_KEY, isOverrideQuestion, overrideMarker, ReleasePolicy } from '../../../lambda/src/domain/release-policy';
import type { Alarm } from '../../../lambda/src/domain/alarms';
import type { PromotionPlan } from '../../../lambda/src/domain/promotion';
import type { Target } from '../../../lambda/src/domain/release';
import { TEST_CONFIG } from '../../support/test-skill';

const ALICE = { userId: 'amzn1.ask.account.ALLOWED_TEAM_LEAD' };
const BOB = { userId: 'amzn1.ask.account.BOB' };
const ADMIN = { userId: 'amzn1.ask.account.ADMIN' };
const STRANGER = { userId: 'amzn1.ask.account.STRANGER' };
const PROD: Target = { service: 'checkout', environment: 'production' };
const ALWAYS = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00', reason: 'the holidays' };

function policyFor(overrides: Record<string, unknown> = {}) {
  const now = () => new Date('2026-12-01T10:00:00Z');
  const config = parseConfig({ ...TEST_CONFIG, allowedUsers: [ALICE.userId, BOB.userId], admins: [ADMIN.userId], ...overrides }, 'test config');
  const store = new MemoryStateStore(now);
  const locks = new EnvironmentLocks(store, now);
  return { policy: new ReleasePolicy(config, locks, new PinGuard(store, now, { maxAttempts: 2, lockoutMs: 60_000 }), now), locks };
}

describe('ReleasePolicy', () => {
  describe('barrier', () => {
    it('is clear for a person on the list with nothing locked', async () => {
      expect(await policyFor().policy.barrier(ALICE, 'production')).toEqual({ kind: 'clear' });
    });

    it('bars a person who may not change the environment', async () => {
      const { policy } = policyFor({ policies: { production: { allowedUsers: [BOB.userId] } } });
      expect(await policy.barrier(ALICE, 'production')).toEqual({ kind: 'not-allowed-here' });
      expect(await policy.barrier(STRANGER, 'production')).toEqual({ kind: 'not-allowed-here' });
    });

    it('bars everyone but the holder of a lock', async () => {
      const { policy } = policyFor();
      await policy.lock(BOB, 'production');
      expect(await policy.barrier(ALICE, 'production')).toEqual({ kind: 'locked', lock: expect.objectContaining({ holder: BOB }) });
      expect(await policy.barrier(BOB, 'production')).toEqual({ kind: 'clear' });
    });

    it('hands back the read only when nothing bars the request, and starts it only for a permitted person', async () => {
      const { policy } = policyFor({ policies: { production: { allowedUsers: [BOB.userId] } } });
      const reads: string[] = [];
      const read = (who: string) => () => { reads.push(who); return Promise.resolve(who); };

      const refused = await policy.barrierWhile(ALICE, 'production', read('alice'));
      const clear = await policy.barrierWhile(BOB, 'production', read('bob'));

      expect(refused).toEqual({ kind: 'not-allowed-here' });
      expect(clear.kind === 'clear' && await clear.read).toBe('bob');
      expect(reads).toEqual(['bob']);
    });
  });

  describe('freeze', () => {
    const frozen = { policies: { production: { freezes: [ALWAYS] } } };

    it('is open outside a freeze', () => {
      expect(policyFor().policy.freeze(ALICE, PROD, { confirmed: true })).toEqual({ kind: 'open' });
    });

    it('refuses a person who is not an admin', () => {
      expect(policyFor(frozen).policy.freeze(ALICE, PROD, { confirmed: true })).toMatchObject({ kind: 'frozen', freeze: { reason: 'the holidays' } });
    });

    it('offers an admin the override, and takes it only as a yes to that very question', () => {
      const { policy } = policyFor(frozen);
      const asked = { action: 'deploy', service: 'checkout', environment: 'production', key: FREEZE_OVERRIDE_KEY } as const;

      expect(policy.freeze(ADMIN, PROD, { confirmed: true })).toMatchObject({ kind: 'override-offered' });
      expect(policy.freeze(ADMIN, PROD, { confirmed: false, readBack: asked })).toMatchObject({ kind: 'override-offered' });
      expect(policy.freeze(ADMIN, { ...PROD, service: 'billing' }, { confirmed: true, readBack: asked })).toMatchObject({ kind: 'override-offered' });
      expect(policy.freeze(ADMIN, PROD, { confirmed: true, readBack: asked })).toMatchObject({ kind: 'overridden-now' });
    });

    it('takes a yes to the override question of one action as no override of another', () => {
      const { policy } = policyFor(frozen);
      const askedForApproval = { action: 'approve', service: 'checkout', environment: 'production', key: FREEZE_OVERRIDE_KEY } as const;

      expect(policy.freeze(ADMIN, PROD, { confirmed: true, readBack: askedForApproval }, 'approve')).toMatchObject({ kind: 'overridden-now' });
      expect(policy.freeze(ADMIN, PROD, { confirmed: true, readBack: askedForApproval })).toMatchObject({ kind: 'override-offered' });
    });

    it('stays overridden for the target it was overridden for, in that session', () => {
      const { policy } = policyFor(frozen);
      expect(policy.freeze(ALICE, PROD, { confirmed: false, overriddenFor: overrideMarker(PROD) })).toMatchObject({ kind: 'overridden' });
      expect(policy.freeze(ALICE, PROD, { confirmed: false, overriddenFor: 'billing|production' })).toMatchObject({ kind: 'frozen' });
    });
  });

  describe('releaseCode', () => {
    const withPin = { pin: { hash: testPinHash('4321') }, policies: { production: { requirePin: true } } };

    it('is not required where the policy does not ask for it', async () => {
      expect(await policyFor(withPin).policy.releaseCode(ALICE, 'staging', undefined)).toEqual({ kind: 'not-required' });
    });

    it('asks, accepts, counts wrong codes and locks out', async () => {
      const { policy } = policyFor(withPin);
      expect(await policy.releaseCode(ALICE, 'production', undefined)).toEqual({ kind: 'ask' });
      expect(await policy.releaseCode(ALICE, 'production', 'four three two one')).toEqual({ kind: 'ask' });
      expect(await policy.releaseCode(ALICE, 'production', '4321')).toEqual({ kind: 'accepted' });
      expect(await policy.releaseCode(ALICE, 'production', '1111')).toEqual({ kind: 'wrong', attemptsLeft: 1 });
      expect(await policy.releaseCode(ALICE, 'production', '1111')).toMatchObject({ kind: 'locked-out' });
      expect(await policy.releaseCode(ALICE, 'production', '4321')).toMatchObject({ kind: 'locked-out' });
    });
  });

  describe('locks', () => {
    it('refuses a person who may not change the environment, and lets only the holder or an admin unlock', async () => {
      const { policy } = policyFor({ policies: { production: { allowedUsers: [BOB.userId] } } });
      expect(await policy.lock(ALICE, 'production')).toEqual({ kind: 'not-allowed-here' });
      expect(await policy.lock(BOB, 'production')).toMatchObject({ kind: 'acquired' });
      expect(await policy.unlock(ALICE, 'production')).toEqual({ kind: 'not-allowed-here' });
      expect(await policy.unlock(ADMIN, 'production')).toMatchObject({ kind: 'released' });
      expect(await policy.unlock(BOB, 'production')).toEqual({ kind: 'not-locked' });
    });
  });

  describe('alarms', () => {
    const firing: Alarm[] = [{ name: 'checkout-5xx', kind: 'metric', state: 'ALARM', since: new Date('2026-12-01T09:50:00Z') }];
    const none = { overrides: [], confirmed: false };

    it('is open without firing alarms, and refuses everyone, admins too, when an alarm is missing', () => {
      const { policy } = policyFor();
      expect(policy.alarms(ALICE, PROD, { firing: [], missing: [] }, none)).toEqual({ kind: 'open' });
      expect(policy.alarms(ADMIN, PROD, { firing, missing: ['gone'] }, none)).toEqual({ kind: 'missing', names: ['gone'] });
    });

    it('refuses a person who is not an admin, and offers an admin an override', () => {
      const { policy } = policyFor();
      expect(policy.alarms(ALICE, PROD, { firing, missing: [] }, none)).toEqual({ kind: 'firing', alarms: firing });
      const offered = policy.alarms(ADMIN, PROD, { firing, missing: [] }, none);
      expect(offered).toMatchObject({ kind: 'override-offered' });
      expect(offered.kind === 'override-offered' && isOverrideQuestion(offered.key)).toBe(true);
    });

    it('takes the override only as a yes to that very question, then keeps it for the session', () => {
      const { policy } = policyFor();
      const offered = policy.alarms(ADMIN, PROD, { firing, missing: [] }, none);
      if (offered.kind !== 'override-offered') throw new Error('expected an offer');
      const asked = { action: 'deploy', service: 'checkout', environment: 'production', key: offered.key } as const;

      expect(policy.alarms(ADMIN, PROD, { firing, missing: [] }, { overrides: [], readBack: asked, confirmed: false })).toMatchObject({ kind: 'override-offered' });
      expect(policy.alarms(ADMIN, { ...PROD, service: 'billing' }, { firing, missing: [] }, { overrides: [], readBack: asked, confirmed: true })).toMatchObject({ kind: 'override-offered' });
      const now = policy.alarms(ADMIN, PROD, { firing, missing: [] }, { overrides: [], readBack: asked, confirmed: true });
      expect(now).toMatchObject({ kind: 'overridden-now' });
      const marker = now.kind === 'overridden-now' ? now.marker : '';
      expect(policy.alarms(ALICE, PROD, { firing, missing: [] }, { overrides: [marker], confirmed: false })).toMatchObject({ kind: 'overridden' });
      const more = [...firing, { name: 'checkout-latency', kind: 'metric' as const, state: 'ALARM' }];
      expect(policy.alarms(ALICE, PROD, { firing: more, missing: [] }, { overrides: [marker], confirmed: false })).toMatchObject({ kind: 'firing' });
    });
  });

  describe('bake', () => {
    const promotion = (minutesAgo: number): PromotionPlan => ({
      from: 'staging', bakeMinutes: 30, revisions: [],
      execution: { id: 'stg-1', status: 'Succeeded', isRollback: false, revisions: [] },
      succeededAt: new Date(new Date('2026-12-01T10:00:00Z').getTime() - minutesAgo * 60_000),
    });
    const none = { overrides: [], confirmed: false };

    it('is open without a promotion and once baked, and says the minutes left before', () => {
      const { policy } = policyFor();
      expect(policy.bake(ALICE, PROD, undefined, none)).toEqual({ kind: 'open' });
      expect(policy.bake(ALICE, PROD, promotion(31), none)).toEqual({ kind: 'open' });
      expect(policy.bake(ALICE, PROD, promotion(10), none)).toMatchObject({ kind: 'baking', minutesLeft: 20 });
    });

    it('offers an admin an override for that release only', () => {
      const { policy } = policyFor();
      const offered = policy.bake(ADMIN, PROD, promotion(10), none);
      if (offered.kind !== 'override-offered') throw new Error('expected an offer');
      const asked = { action: 'deploy', service: 'checkout', environment: 'production', key: offered.key } as const;
      const now = policy.bake(ADMIN, PROD, promotion(10), { overrides: [], readBack: asked, confirmed: true });
      const marker = now.kind === 'overridden-now' ? now.marker : '';

      expect(now).toMatchObject({ kind: 'overridden-now', minutesLeft: 20 });
      expect(policy.bake(ALICE, PROD, promotion(10), { overrides: [marker], confirmed: false })).toMatchObject({ kind: 'overridden' });
      const newer = { ...promotion(5), execution: { ...promotion(5).execution, id: 'stg-2' } };
      expect(policy.bake(ALICE, PROD, newer, { overrides: [marker], confirmed: false })).toMatchObject({ kind: 'baking', minutesLeft: 25 });
    });
  });
});
