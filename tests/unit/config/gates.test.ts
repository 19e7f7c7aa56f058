import { parseConfig } from '../../../lambda/src/config/load';
import { issuesOf } from '../../support/config-issues';
import { TEST_CONFIG } from '../../support/test-skill';

/** TEST_CONFIG with checkout's environments changed by `change`. */
function withCheckout(change: (environments: Record<string, Record<string, unknown>>) => void): Record<string, unknown> {
  const config = structuredClone(TEST_CONFIG) as { services: { environments: Record<string, Record<string, unknown>> }[] };
  const checkout = config.services[0];
  if (!checkout) throw new Error('TEST_CONFIG has no services');
  change(checkout.environments);
  return config;
}

const PROD = 'services[0].environments.production';

describe('config: alarms', () => {
  it('keeps the alarm names of an environment', () => {
    const config = parseConfig(withCheckout((envs) => { envs.production = { ...envs.production, alarms: ['checkout-5xx', 'checkout-health'] }; }), 'test');

    expect(config.services[0]?.environments.production?.alarms).toEqual(['checkout-5xx', 'checkout-health']);
  });

  it('refuses an empty list, which would look like a gate and gate nothing', () => {
    expect(issuesOf(withCheckout((envs) => { envs.production = { ...envs.production, alarms: [] }; })))
      .toEqual([`${PROD}.alarms: must name at least one alarm, or be left out`]);
  });

  it('names an alarm name CloudWatch would not take', () => {
    expect(issuesOf(withCheckout((envs) => { envs.production = { ...envs.production, alarms: ['ok', '', 'x'.repeat(256)] }; })))
      .toEqual([`${PROD}.alarms[1]: an alarm name must not be empty`, `${PROD}.alarms[2]: an alarm name is longer than 255 characters`]);
  });
});

describe('config: promoteFrom', () => {
  it('keeps where an environment promotes from and the bake time', () => {
    const config = parseConfig(withCheckout((envs) => { envs.production = { ...envs.production, promoteFrom: { environment: 'staging', bakeMinutes: 30 } }; }), 'test');

    expect(config.services[0]?.environments.production?.promoteFrom).toEqual({ environment: 'staging', bakeMinutes: 30 });
  });

  it('accepts a bake time of zero', () => {
    const config = parseConfig(withCheckout((envs) => { envs.production = { ...envs.production, promoteFrom: { environment: 'staging', bakeMinutes: 0 } }; }), 'test');

    expect(config.services[0]?.environments.production?.promoteFrom?.bakeMinutes).toBe(0);
  });

  it.each([
    [1.5, 'must be a whole number of minutes'],
    [-1, 'must be 0 or more'],
    ['30', 'Invalid input: expected number, received string'],
  ])('refuses a bake time of %p', (bakeMinutes, message) => {
    expect(issuesOf(withCheckout((envs) => { envs.production = { ...envs.production, promoteFrom: { environment: 'staging', bakeMinutes } }; })))
      .toEqual([`${PROD}.promoteFrom.bakeMinutes: ${message}`]);
  });

  it('refuses a source environment the service does not have', () => {
    expect(issuesOf(withCheckout((envs) => { envs.production = { ...envs.production, promoteFrom: { environment: 'qa', bakeMinutes: 30 } }; })))
      .toEqual([`${PROD}.promoteFrom.environment: "qa" is not an environment of service "checkout"`]);
  });

  it('refuses a source environment without a pipeline', () => {
    const raw = withCheckout((envs) => {
      envs.staging = { codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-staging' } };
      envs.production = { ...envs.production, promoteFrom: { environment: 'staging', bakeMinutes: 30 } };
    });

    expect(issuesOf(raw)).toEqual([`${PROD}.promoteFrom.environment: "staging" has no "pipeline", so it has no releases to promote`]);
  });

  it('refuses promoting into an environment without a pipeline', () => {
    const raw = withCheckout((envs) => { envs.production = { codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-prod' }, promoteFrom: { environment: 'staging', bakeMinutes: 30 } }; });

    expect(issuesOf(raw)).toEqual([`${PROD}.promoteFrom: "promoteFrom" needs a "pipeline" to start with the promoted revisions`]);
  });

  it('refuses an environment promoting from itself, or in a circle', () => {
    expect(issuesOf(withCheckout((envs) => { envs.production = { ...envs.production, promoteFrom: { environment: 'production', bakeMinutes: 0 } }; })))
      .toEqual([`${PROD}.promoteFrom.environment: an environment cannot promote from itself`]);
    expect(issuesOf(withCheckout((envs) => {
      envs.production = { ...envs.production, promoteFrom: { environment: 'staging', bakeMinutes: 0 } };
      envs.staging = { ...envs.staging, promoteFrom: { environment: 'production', bakeMinutes: 0 } };
    }))).toEqual([
      `${PROD}.promoteFrom.environment: promotes in a circle back to "production"`,
      'services[0].environments.staging.promoteFrom.environment: promotes in a circle back to "staging"',
    ]);
  });

  it('names a misspelt key inside promoteFrom', () => {
    expect(issuesOf(withCheckout((envs) => { envs.production = { ...envs.production, promoteFrom: { environment: 'staging', bakeMinuets: 30, bakeMinutes: 30 } }; })))
      .toEqual([`${PROD}.promoteFrom: Unrecognized key: "bakeMinuets"`]);
  });
});
