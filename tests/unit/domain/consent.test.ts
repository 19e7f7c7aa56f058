import { consentTo, type ReadBack } from '../../../lambda/src/domain/consent';
import type { Target } from '../../../lambda/src/domain/release';

const CHECKOUT_PROD: Target = { service: 'checkout', environment: 'production', pipeline: { name: 'checkout-prod', region: 'eu-west-1' } };
const READ_BACK: ReadBack = { action: 'deploy', service: 'checkout', environment: 'production', key: 'after:ex-1' };
const yes = { confirmation: 'CONFIRMED', targetSaid: true } as const;

describe('consentTo', () => {
  it('is given by a yes to exactly what this session read back', () => {
    expect(consentTo('deploy', CHECKOUT_PROD, yes, READ_BACK)).toEqual({ kind: 'given', readBack: READ_BACK });
  });

  it('is denied by a no, whatever was read back', () => {
    expect(consentTo('deploy', CHECKOUT_PROD, { confirmation: 'DENIED', targetSaid: false }, undefined)).toEqual({ kind: 'denied' });
  });

  it.each([
    ['no yes was said', 'deploy', CHECKOUT_PROD, { confirmation: 'NONE', targetSaid: true }, READ_BACK, 'not-confirmed'],
    ['nothing was read back', 'deploy', CHECKOUT_PROD, yes, undefined, 'nothing-read-back'],
    ['a deploy was read back and the yes is for a rollback', 'rollback', CHECKOUT_PROD, yes, READ_BACK, 'other-action'],
    ['another service was read back', 'deploy', { ...CHECKOUT_PROD, service: 'billing' }, yes, READ_BACK, 'other-target'],
    ['another environment was read back', 'deploy', { ...CHECKOUT_PROD, environment: 'staging' }, yes, READ_BACK, 'other-target'],
    ['the target was filled in by a default', 'deploy', CHECKOUT_PROD, { confirmation: 'CONFIRMED', targetSaid: false }, READ_BACK, 'target-not-said'],
  ] as const)('is not given when %s', (_, action, target, answer, readBack, reason) => {
    expect(consentTo(action, target, answer, readBack)).toEqual({ kind: 'not-given', reason });
  });
});
