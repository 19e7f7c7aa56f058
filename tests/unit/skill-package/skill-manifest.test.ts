import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InteractionModel } from '../../../tools/model/interaction-model';
import { MODELS_DIR } from '../../../tools/model/generate';
import { validateSkillManifest } from '../../support/smapi-schema';
import { interpret } from '../../support/utterance-matcher';
import { parseInvocation } from '../../../tools/simulator/invocation';

const ROOT = join(__dirname, '..', '..', '..');
const readJson = <T>(...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8')) as T;

interface Manifest {
  manifest: {
    manifestVersion: string;
    publishingInformation: { locales: Record<string, { name: string; examplePhrases: string[] }> };
    privacyAndCompliance: Record<string, unknown>;
    permissions: { name: string }[];
    apis: { custom: { endpoint?: unknown; interfaces: unknown[]; tasks?: unknown[] } };
    events?: unknown;
  };
}

interface SkillEvents {
  readonly publications: string[];
  readonly subscriptions: string[];
}

const skill = readJson<Manifest>('skill-package', 'skill.json');
const readModel = (locale: string) => JSON.parse(readFileSync(join(MODELS_DIR, `${locale}.json`), 'utf8')) as InteractionModel;
const LOCALES = readdirSync(MODELS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
/** Where each language's skills are published: de-DE to Germany and Austria (PLATFORM-NEXT.md, localisation). */
const COUNTRIES: Readonly<Record<string, readonly string[]>> = {
  'en-US': ['US'], 'en-GB': ['GB'], 'en-CA': ['CA'], 'en-AU': ['AU'], 'en-IN': ['IN'], 'de-DE': ['DE', 'AT'], 'fr-FR': ['FR'],
};

describe('skill.json', () => {
  it('validates against the Skill Management API definition of a manifest', () => {
    // Act
    const valid = validateSkillManifest(skill);

    // Assess
    expect(validateSkillManifest.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is a custom skill named push-to-prod, declaring APL (Echo Show screens), with no endpoint of its own (ask deploy writes it)', () => {
    // Act
    const { manifest } = skill;

    // Assess
    expect(manifest.manifestVersion).toBe('1.0');
    expect(manifest.publishingInformation.locales['en-US']?.name).toBe('push-to-prod');
    expect(manifest.apis.custom.interfaces.map((i) => (i as { type: string }).type)).toEqual(['ALEXA_PRESENTATION_APL']);
    expect(manifest.apis.custom.endpoint).toBeUndefined();
  });

  it('asks for the person id, so that voice profiles can tell allowed users apart', () => {
    // Act
    const permissions = skill.manifest.permissions.map((p) => p.name);

    // Assess
    expect(permissions).toContain('alexa::person_id:read');
  });

  it('asks for permission to send notifications, which the notifier needs to tell people how their releases ended', () => {
    // Act
    const permissions = skill.manifest.permissions.map((p) => p.name);

    // Assess
    expect(permissions).toContain('alexa::devices:all:notifications:write');
  });

  it('leaves the events section to ask deploy, which writes it with the deployed function as its endpoint, and that manifest validates', () => {
    // Prepare: what ask deploy writes from ask-resources.json's skillEvents and the stack's SkillEndpoint output
    const events = readJson<{ profiles: { default: { skillInfrastructure: { userConfig: { skillEvents: SkillEvents } } } } }>('ask-resources.json')
      .profiles.default.skillInfrastructure.userConfig.skillEvents;
    const deployed = structuredClone(skill);
    deployed.manifest.events = {
      endpoint: { uri: 'arn:aws:lambda:us-east-1:123456789012:function:push-to-prod-skill-AlexaSkillFunction-EXAMPLE' },
      publications: events.publications.map((eventName) => ({ eventName })),
      subscriptions: events.subscriptions.map((eventName) => ({ eventName })),
    };

    // Act
    const valid = validateSkillManifest(deployed);

    // Assess
    expect(skill.manifest.events).toBeUndefined();
    expect(events).toEqual({ publications: ['AMAZON.MessageAlert.Activated'], subscriptions: ['SKILL_PROACTIVE_SUBSCRIPTION_CHANGED'] });
    expect(validateSkillManifest.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('declares no purchases, no ads and no children as its audience', () => {
    // Act
    const privacy = skill.manifest.privacyAndCompliance;

    // Assess
    expect(privacy).toMatchObject({ allowsPurchases: false, containsAds: false, isChildDirected: false });
  });

  it('publishes every locale the skill has a model for, to the countries of those markets', () => {
    // Act
    const published = Object.keys(skill.manifest.publishingInformation.locales).sort();
    const countries = (skill.manifest.publishingInformation as unknown as { distributionCountries: string[] }).distributionCountries;

    // Assess
    expect(published).toEqual(LOCALES);
    expect([...countries].sort()).toEqual(LOCALES.flatMap((locale) => COUNTRIES[locale] ?? []).sort());
  });

  it.each(LOCALES)('gives %s example phrases that use its invocation name and that its model understands', (locale) => {
    // Prepare
    const model = readModel(locale);
    const invocation = model.interactionModel.languageModel.invocationName;
    const phrases = skill.manifest.publishingInformation.locales[locale]?.examplePhrases ?? [];

    // Act: Alexa's side takes the invocation off (the simulator's parser, in the locale's language); the rest is the model's
    const misunderstood = phrases.filter((phrase) => {
      const invoked = parseInvocation(phrase, invocation, locale);
      return invoked.kind !== 'one-shot' || interpret(model, invoked.utterance).length !== 1;
    });

    // Assess
    expect(phrases.length).toBeGreaterThanOrEqual(3);
    expect(phrases.every((phrase) => phrase.startsWith('Alexa, '))).toBe(true);
    expect(misunderstood).toEqual([]);
  });
});

describe('ask-resources.json', () => {
  it('deploys the built bundle with the CloudFormation deployer and the skill-stack template', () => {
    // Act
    const resources = readJson<Record<string, unknown>>('ask-resources.json');

    // Assess
    expect(resources).toEqual({
      askcliResourcesVersion: '2020-03-31',
      profiles: {
        default: {
          skillMetadata: { src: './skill-package' },
          code: { default: { src: './lambda/dist' } },
          skillInfrastructure: {
            type: '@ask-cli/cfn-deployer',
            userConfig: {
              runtime: 'nodejs22.x',
              handler: 'index.handler',
              templatePath: './infrastructure/cfn-deployer/skill-stack.yaml',
              awsRegion: 'us-east-1',
              // ask deploy writes these into skill.json's events, with the skill's function as their endpoint.
              skillEvents: { publications: ['AMAZON.MessageAlert.Activated'], subscriptions: ['SKILL_PROACTIVE_SUBSCRIPTION_CHANGED'] },
            },
          },
        },
      },
    });
  });
});
