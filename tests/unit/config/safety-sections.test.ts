import { parseConfig } from '../../../lambda/src/config/load';
import { TEST_CONFIG } from '../../support/test-skill';
import { issuesOf } from '../../support/config-issues';

/*
 * The policies (with their freezes) and the pin are built by the first config that has them (z.lazy in schema.ts,
 * to keep them off cold starts that do not need them). These pin down that they are still validated in full.
 */

const HASH = `scrypt$16384$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`;


describe('config policies and pin', () => {
  it('fills in the pin\'s defaults when only its hash is given', () => {
    const config = parseConfig({ ...TEST_CONFIG, pin: { hash: HASH } }, 'test');

    expect(config.pin).toEqual({ hash: HASH, maxAttempts: 3, lockoutMinutes: 15 });
  });

  it('names the field of a pin that holds the code itself', () => {
    expect(issuesOf({ ...TEST_CONFIG, pin: { hash: '1234' } })).toEqual(['pin.hash: must be a hash made by npm run pin-hash, never the code itself']);
  });

  it('names a misspelt key inside the pin', () => {
    expect(issuesOf({ ...TEST_CONFIG, pin: { hash: HASH, maxAttemps: 5 } })).toEqual(['pin: Unrecognized key: "maxAttemps"']);
  });

  it('refuses a pin that is not an object', () => {
    expect(issuesOf({ ...TEST_CONFIG, pin: '1234' })[0]).toMatch(/^pin: /);
  });

  it('names the freeze field that is wrong', () => {
    const policies = { production: { freezes: [{ days: ['fri'], from: '15:00', to: '25:00', reason: 'weekend' }] } };

    expect(issuesOf({ ...TEST_CONFIG, policies })).toEqual(['policies.production.freezes[0].to: must be a time such as 15:00 (24-hour clock)']);
  });

  it('fills in a policy\'s defaults', () => {
    const config = parseConfig({ ...TEST_CONFIG, policies: { production: {} } }, 'test');

    expect(config.policies).toEqual({ production: { requirePin: false, freezes: [] } });
  });

  it('refuses a policy that asks for a pin when none is configured', () => {
    expect(issuesOf({ ...TEST_CONFIG, policies: { production: { requirePin: true } } })).toEqual(['policies.production.requirePin: needs a top-level "pin" with the code\'s hash']);
  });
});
