import { parseConfig } from '../../../lambda/src/config/load';
import { issuesOf } from '../../support/config-issues';
import { TEST_CONFIG } from '../../support/test-skill';

describe('config notifications', () => {
  it('is optional, and absent unless configured', () => {
    // Act
    const config = parseConfig(TEST_CONFIG, 'test');

    // Assess
    expect(config.notifications).toBeUndefined();
  });

  it('sends to the development stage unless told otherwise', () => {
    // Act
    const config = parseConfig({ ...TEST_CONFIG, notifications: { clientCredentialsParameter: '/push-to-prod/alexa-client' } }, 'test');

    // Assess
    expect(config.notifications).toEqual({ clientCredentialsParameter: '/push-to-prod/alexa-client', stage: 'development' });
  });

  it('accepts the live stage and a parameter name without a leading slash', () => {
    // Act
    const config = parseConfig({ ...TEST_CONFIG, notifications: { clientCredentialsParameter: 'push-to-prod.alexa_client', stage: 'live' } }, 'test');

    // Assess
    expect(config.notifications?.stage).toBe('live');
  });

  it.each([
    ['/push to prod/secret', 'notifications.clientCredentialsParameter: is not an SSM parameter name such as /push-to-prod/alexa-client'],
    ['/aws/alexa-client', 'notifications.clientCredentialsParameter: must not begin with "aws" or "ssm", which SSM reserves'],
    ['//double', 'notifications.clientCredentialsParameter: is not an SSM parameter name such as /push-to-prod/alexa-client'],
  ])('refuses the parameter name %j, naming the field', (name, issue) => {
    // Act / Assess
    expect(issuesOf({ ...TEST_CONFIG, notifications: { clientCredentialsParameter: name } })).toEqual([issue]);
  });

  it('refuses an unknown stage and a misspelt key', () => {
    // Act / Assess
    expect(issuesOf({ ...TEST_CONFIG, notifications: { clientCredentialsParameter: '/a', stage: 'prod' } }))
      .toEqual(['notifications.stage: must be "development" or "live"']);
    expect(issuesOf({ ...TEST_CONFIG, notifications: { clientCredentialsParameter: '/a', clientSecret: 'x' } }))
      .toEqual(['notifications: Unrecognized key: "clientSecret"']);
  });

  it('refuses notifications without the parameter that holds the credentials', () => {
    // Act / Assess
    expect(issuesOf({ ...TEST_CONFIG, notifications: {} })[0]).toMatch(/^notifications\.clientCredentialsParameter: /);
  });
});
