import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { bundledConfig } from '../../../lambda/src/config/bundled';
import { testPinHash } from '../../support/release-code';
import { loadConfigFile, parseConfig, resolveConfig } from '../../../lambda/src/config/load';
import { TEST_CONFIG } from '../../support/test-skill';
import { issuesOf } from '../../support/config-issues';

const ISSUE_EXAMPLE = {
  skillId: 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000',
  allowedUsers: ['amzn1.ask.account.EXAMPLE', 'amzn1.ask.person.EXAMPLE'],
  services: [{
    name: 'checkout',
    synonyms: ['checkout service'],
    environments: {
      production: { pipeline: 'checkout-prod', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-prod' } },
      staging: { pipeline: 'checkout-staging', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-staging' } },
    },
  }],
};


describe('config', () => {
  it('accepts the documented example as is', () => {
    expect(parseConfig(ISSUE_EXAMPLE, 'example').services[0]?.environments.production?.pipeline).toBe('checkout-prod');
  });

  it('names the field and the problem for a misspelt key', () => {
    const broken = { ...ISSUE_EXAMPLE, services: [{ name: 'checkout', environments: { production: { pipline: 'x' } } }] };

    expect(issuesOf(broken)).toEqual(expect.arrayContaining([
      'services[0].environments.production: Unrecognized key: "pipline"',
      'services[0].environments.production: needs a "pipeline", a "codeDeploy" target, or both',
    ]));
  });

  it('takes approvals as true, false, or one named stage and action, on an environment with a pipeline', () => {
    const withApprovals = (approvals: unknown, environment: Record<string, unknown> = { pipeline: 'checkout-prod' }) =>
      ({ ...ISSUE_EXAMPLE, services: [{ name: 'checkout', environments: { production: { ...environment, approvals } } }] });

    expect(parseConfig(withApprovals(true), 'example').services[0]?.environments.production?.approvals).toBe(true);
    expect(parseConfig(withApprovals({ stage: 'Approve', action: 'ManualApproval' }), 'example').services[0]?.environments.production?.approvals)
      .toEqual({ stage: 'Approve', action: 'ManualApproval' });
    expect(issuesOf(withApprovals('yes'))).toEqual([
      'services[0].environments.production.approvals: must be true, false, or one approval action such as { "stage": "Approve", "action": "ManualApproval" }',
    ]);
    expect(issuesOf(withApprovals({ stage: 'Approve', action: 'Manual approval' }))).toEqual([
      'services[0].environments.production.approvals.action: an action name has characters AWS does not allow',
    ]);
    expect(issuesOf(withApprovals(true, { codeDeploy: { application: 'a', deploymentGroup: 'g' } }))).toEqual([
      'services[0].environments.production.approvals: "approvals" needs a "pipeline"',
    ]);
  });

  it('refuses a skill id that is not one', () => {
    expect(issuesOf({ ...ISSUE_EXAMPLE, skillId: 'my-skill' })).toEqual(['skillId: must look like amzn1.ask.skill.<uuid>']);
  });

  it('refuses a user id that is not an Alexa id', () => {
    expect(issuesOf({ ...ISSUE_EXAMPLE, allowedUsers: ['bob'] })[0]).toMatch(/^allowedUsers\[0\]: must be an amzn1\.ask\.account/);
  });

  it('refuses a phrase that names two services', () => {
    const services = [...TEST_CONFIG.services, { name: 'shop', synonyms: ['checkout service'], environments: { production: { pipeline: 'p' } } }];
    expect(issuesOf({ ...TEST_CONFIG, services })).toEqual(['services[2]: "checkout service" already names service "checkout"']);
  });

  it('refuses a default service that is not configured', () => {
    expect(issuesOf({ ...TEST_CONFIG, defaultService: 'basket' })).toEqual(['defaultService: "basket" is not the name of a configured service']);
  });

  it('refuses an unknown time zone and a malformed region', () => {
    expect(issuesOf({ ...TEST_CONFIG, timeZone: 'Mars/Olympus', region: 'europe' })).toEqual([
      'region: is not an AWS region name such as eu-west-1',
      'timeZone: is not an IANA time zone such as Europe/Berlin',
    ]);
  });

  it('reads the file PUSH_TO_PROD_CONFIG names, and says so when it is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-config-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify(TEST_CONFIG));
    writeFileSync(bad, '{ "skillId": ');

    expect(resolveConfig({ PUSH_TO_PROD_CONFIG: good }, { validated: false, config: ISSUE_EXAMPLE }).skillId).toBe(TEST_CONFIG.skillId);
    expect(() => loadConfigFile(bad)).toThrow(/bad\.json\):\n {2}- is not valid JSON/);
    expect(() => loadConfigFile(join(dir, 'missing.json'))).toThrow(/cannot be read: ENOENT/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses the bundled config when no path is set, validating it unless the build has', () => {
    const validated = parseConfig(ISSUE_EXAMPLE, 'the build');

    expect(resolveConfig({}, { validated: false, config: ISSUE_EXAMPLE })).toEqual(validated);
    expect(resolveConfig({}, { validated: true, config: validated })).toBe(validated);
    expect(() => resolveConfig({}, { validated: false, config: { ...ISSUE_EXAMPLE, skillId: 'nope' } })).toThrow(/bundled config/);
  });

  it('gives a validated config, every section filled in, that survives JSON unchanged, as the build bundles it', () => {
    const config = parseConfig({
      ...TEST_CONFIG, timeZone: 'Europe/Berlin', defaultService: 'checkout', stateTable: 'push-to-prod-state',
      admins: ['amzn1.ask.account.ADMIN'], people: { 'amzn1.ask.account.ADMIN': 'Ann' }, pin: { hash: testPinHash('1234') },
      notifications: { clientCredentialsParameter: '/push-to-prod/alexa-client' },
      policies: {
        production: { allowedUsers: ['amzn1.ask.account.ADMIN'], requirePin: true, freezes: [{ days: ['fri'], from: '15:00', to: '23:59', reason: 'weekend' }] },
        staging: {},
      },
    }, 'test');

    expect(isDeepStrictEqual(JSON.parse(JSON.stringify(config)), config)).toBe(true);
  });

  it('validates the config shipped in lambda/push-to-prod.json, as the sources carry it', () => {
    expect(bundledConfig.validated).toBe(false);
    expect(() => parseConfig(bundledConfig.config, 'lambda/push-to-prod.json')).not.toThrow();
  });
});
