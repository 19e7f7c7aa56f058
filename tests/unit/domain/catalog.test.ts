import { parseConfig } from '../../../lambda/src/config/load';
import { Catalog } from '../../../lambda/src/domain/catalog';
import { TEST_CONFIG } from '../../support/test-skill';

const catalog = new Catalog(parseConfig(TEST_CONFIG, 'test'));

describe('Catalog', () => {
  it('resolves a service by the id entity resolution matched', () => {
    expect(catalog.resolveService({ heard: 'check out', resolvedId: 'checkout' })).toEqual({ kind: 'resolved', value: 'checkout' });
  });

  it('resolves a synonym Alexa did not match, ignoring case and punctuation', () => {
    expect(catalog.resolveService({ heard: 'The Shop.' })).toEqual({ kind: 'resolved', value: 'checkout' });
  });

  it('keeps an unknown service as heard, so the question can name it', () => {
    expect(catalog.resolveService({ heard: 'basket' })).toEqual({ kind: 'unknown', heard: 'basket' });
  });

  it('asks for the service when several are configured and none is the default', () => {
    expect(catalog.resolveService({})).toEqual({ kind: 'missing' });
  });

  it('maps built-in environment words onto the configured key', () => {
    expect(catalog.resolveEnvironment('checkout', { heard: 'live' })).toEqual({ kind: 'resolved', value: 'production' });
    expect(catalog.resolveEnvironment('checkout', { heard: 'stage' })).toEqual({ kind: 'resolved', value: 'staging' });
  });

  it('refuses an environment the service does not have, even when Alexa resolved it for another service', () => {
    expect(catalog.resolveEnvironment('billing', { heard: 'staging', resolvedId: 'staging' })).toEqual({ kind: 'unknown', heard: 'staging' });
  });

  it('uses the only environment of a service when none is said', () => {
    expect(catalog.resolveEnvironment('billing', {})).toEqual({ kind: 'resolved', value: 'production' });
  });

  it('builds the AWS target with the environment region, else the config region', () => {
    expect(catalog.target('billing', 'production')).toEqual({
      service: 'billing', environment: 'production',
      pipeline: { name: 'billing-prod', region: 'eu-west-1' },
      deploymentGroup: { application: 'billing', deploymentGroup: 'billing-prod', region: 'eu-west-1' },
      rollbackStage: undefined,
    });
  });

  it('gives the target its alarms in its region, and the pipeline it promotes from in that environment\'s region', () => {
    const raw = structuredClone(TEST_CONFIG);
    const [checkout] = raw.services;
    if (!checkout) throw new Error('TEST_CONFIG has no services');
    Object.assign(checkout.environments, {
      production: { ...checkout.environments.production, region: 'us-west-2', alarms: ['checkout-5xx'], promoteFrom: { environment: 'staging', bakeMinutes: 30 } },
    });

    const target = new Catalog(parseConfig(raw, 'test')).target('checkout', 'production');

    expect(target.alarms).toEqual({ names: ['checkout-5xx'], region: 'us-west-2' });
    expect(target.promoteFrom).toEqual({ environment: 'staging', pipeline: { name: 'checkout-staging', region: 'eu-west-1' }, bakeMinutes: 30 });
  });
});

describe('words Alexa keeps around a name', () => {
  it('finds the service in "the latest checkout service" and the environment in "the production environment"', () => {
    expect(catalog.resolveService({ heard: 'the latest checkout build' })).toEqual({ kind: 'resolved', value: 'checkout' });
    expect(catalog.resolveService({ heard: 'the billing service' })).toEqual({ kind: 'resolved', value: 'billing' });
    expect(catalog.resolveEnvironment('checkout', { heard: 'the live environment' })).toEqual({ kind: 'resolved', value: 'production' });
  });

  it('does not strip its way to a wrong service', () => {
    expect(catalog.resolveService({ heard: 'the service' })).toEqual({ kind: 'unknown', heard: 'the service' });
  });
});

describe('Catalog in German and French', () => {
  it.each([
    ['de', 'den checkout dienst', 'checkout'],
    ['de', 'die neueste checkout version', 'checkout'],
    ['de', 'unseren checkout service', 'checkout'],
    ['fr', 'le service checkout', 'checkout'],
    ['fr', "l'application checkout", 'checkout'],
    ['fr', 'du checkout', 'checkout'],
    ['fr', 'le service panier', undefined],
  ])('in %s resolves the service in "%s" to %s', (language, heard, service) => {
    // Act
    const resolved = catalog.resolveService({ heard, language });

    // Assess
    expect(resolved).toEqual(service === undefined ? { kind: 'unknown', heard } : { kind: 'resolved', value: service });
  });

  it.each([
    ['de', 'produktion', 'production'],
    ['de', 'die produktion', 'production'],
    ['de', 'der produktionsumgebung', 'production'],
    ['de', 'dem mond', undefined],
    ['de', 'die staging umgebung', 'staging'],
    ['de', 'vorproduktion', 'staging'],
    ['de', 'prod', 'production'],
    ['fr', 'la prod', 'production'],
    ['fr', "l'environnement de production", 'production'],
    ['fr', 'préprod', 'staging'],
    ['fr', 'la préproduction', 'staging'],
    ['fr', 'recette', 'staging'],
  ])('in %s resolves the environment "%s" to %s', (language, heard, environment) => {
    // Act
    const resolved = catalog.resolveEnvironment('checkout', { heard, language });

    // Assess
    expect(resolved).toEqual(environment === undefined ? { kind: 'unknown', heard } : { kind: 'resolved', value: environment });
  });

  it('keeps English as it was: German and French words mean nothing to an English request', () => {
    expect(catalog.resolveEnvironment('checkout', { heard: 'produktion' })).toEqual({ kind: 'unknown', heard: 'produktion' });
    expect(catalog.resolveEnvironment('checkout', { heard: 'la prod' })).toEqual({ kind: 'unknown', heard: 'la prod' });
    expect(catalog.resolveService({ heard: 'den checkout dienst' })).toEqual({ kind: 'unknown', heard: 'den checkout dienst' });
    expect(catalog.resolveAnyEnvironment({ heard: 'the production environment' })).toEqual({ kind: 'resolved', value: 'production' });
  });

  it('lets a German lock name its environment in German', () => {
    expect(catalog.resolveAnyEnvironment({ heard: 'die produktion', language: 'de' })).toEqual({ kind: 'resolved', value: 'production' });
  });
});
