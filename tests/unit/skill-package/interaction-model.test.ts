import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigFile } from '../../../lambda/src/config/load';
import { environmentSlotType, serviceSlotType } from '../../../tools/model/slot-types';
import type { InteractionModel } from '../../../tools/model/interaction-model';
import { DEFAULT_CONFIG_PATH, MODELS_DIR } from '../../../tools/model/generate';
import { validateInteractionModel } from '../../support/smapi-schema';
import { interpret } from '../../support/utterance-matcher';
import { withGeneratedSlotTypes } from '../../../tools/model/interaction-model';
import { configWith } from '../../support/config-builder';
import { DERIVED_ENGLISH_LOCALES, deriveEnglishModel } from '../../../tools/model/english-locales';

const locales = readdirSync(MODELS_DIR).filter((file) => file.endsWith('.json'));
const LOCALES = locales.map((file) => file.replace(/\.json$/, '')).sort();
const readModel = (file: string) => JSON.parse(readFileSync(join(MODELS_DIR, file), 'utf8')) as InteractionModel;
const enUS = readModel('en-US.json');
const language = enUS.interactionModel.languageModel;
const config = loadConfigFile(DEFAULT_CONFIG_PATH);

const LAUNCH_WORDS = ['ask', 'tell', 'open', 'launch', 'run', 'start', 'load', 'begin', 'enable', 'play', 'resume', 'use'];
/** Alexa's launch phrases in German and French (the German and French pages of "Understand How Users Invoke Custom Skills"). */
const LAUNCH_WORDS_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  de: ['frage', 'frag', 'sage', 'sag', 'öffne', 'starte', 'start', 'beginne', 'lade', 'benutze', 'nutze', 'sprich', 'aktiviere', 'spiele'],
  fr: ['demande', 'dis', 'ouvre', 'lance', 'démarre', 'utilise', 'commence', 'parle', 'active', 'joue'],
};
const WAKE_WORDS = ['alexa', 'amazon', 'echo', 'computer', 'skill', 'app'];
/** The invocation name of each language's models. */
const INVOCATION_NAMES: Readonly<Record<string, string>> = { en: 'release captain', de: 'versions kapitän', fr: 'capitaine de livraison' };
const languageOf = (locale: string) => locale.split('-')[0] ?? '';
const RELEASE_INTENTS = ['DeployIntent', 'RollbackIntent', 'ApproveIntent', 'RejectIntent', 'StatusIntent', 'PreviewIntent'];
const REQUIRED_BUILT_INS = [
  'AMAZON.CancelIntent', 'AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.NavigateHomeIntent',
  'AMAZON.FallbackIntent', 'AMAZON.YesIntent', 'AMAZON.NoIntent',
];

/** Every sample of the model: intent samples and slot elicitation samples, with where they come from. */
function allSamples(model: InteractionModel): { where: string; text: string; slots: readonly string[] }[] {
  return model.interactionModel.languageModel.intents.flatMap((intent) => {
    const declared = (intent.slots ?? []).map((slot) => slot.name);
    return [
      ...(intent.samples ?? []).map((text) => ({ where: intent.name, text, slots: declared })),
      ...(intent.slots ?? []).flatMap((slot) => (slot.samples ?? []).map((text) => ({ where: `${intent.name}.${slot.name}`, text, slots: declared }))),
    ];
  });
}

describe('the committed interaction models', () => {
  it.each(LOCALES)('%s holds the SERVICE and ENVIRONMENT types that the bundled config makes (run `npm run model` when this fails)', (locale) => {
    // Act
    const types = readModel(`${locale}.json`).interactionModel.languageModel.types ?? [];

    // Assess
    expect(types.find((t) => t.name === 'SERVICE')).toEqual(serviceSlotType(config, locale));
    expect(types.find((t) => t.name === 'ENVIRONMENT')).toEqual(environmentSlotType(config, locale));
  });

  it('gives German and French models their language\'s environment words, and English ones only English words', () => {
    // Act
    const production = (locale: string) => readModel(`${locale}.json`).interactionModel.languageModel.types
      ?.find((t) => t.name === 'ENVIRONMENT')?.values?.find((v) => v.id === 'production')?.name.synonyms ?? [];

    // Assess
    expect(production('de-DE')).toEqual(expect.arrayContaining(['produktion', 'prod', 'live']));
    expect(production('fr-FR')).toEqual(expect.arrayContaining(['la production', 'la prod', 'prod']));
    expect(production('en-GB')).toEqual(production('en-US'));
    expect(production('en-US')).not.toContain('produktion');
  });

  it.each(locales)('%s validates against the Skill Management API definition', (file) => {
    // Act
    const valid = validateInteractionModel(readModel(file));

    // Assess
    expect(validateInteractionModel.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('stays valid for a config that gives a service and an environment no synonyms', () => {
    // Prepare
    const bare = configWith([{ name: 'search', environments: { 'eu-west': { pipeline: 'p' } } }]);

    // Act
    const valid = validateInteractionModel(withGeneratedSlotTypes(enUS, bare));

    // Assess
    expect(validateInteractionModel.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});

describe.each(LOCALES)('the %s interaction model', (locale) => {
  const model = readModel(`${locale}.json`);
  const language = model.interactionModel.languageModel;

  it('has an invocation name Alexa accepts: two or more lower-case words, no launch or wake words', () => {
    // Act
    const words = language.invocationName.split(' ');

    // Assess
    expect(language.invocationName).toBe(INVOCATION_NAMES[languageOf(locale)]);
    expect(language.invocationName).toMatch(/^\p{Ll}+( \p{Ll}+)+$/u);
    const launch = [...LAUNCH_WORDS, ...(LAUNCH_WORDS_BY_LANGUAGE[languageOf(locale)] ?? [])];
    expect(words.filter((word) => launch.includes(word) || WAKE_WORDS.includes(word))).toEqual([]);
  });

  it('uses only letters, spaces, apostrophes, periods, hyphens, underscores and {slots} in samples', () => {
    // Act
    const bad = allSamples(model).filter(({ text }) => !/^(?:[\p{L}' ._-]|\{\w+\})+$/u.test(text) || /\d/.test(text) || text !== text.trim() || text.includes('  '));

    // Assess
    expect(bad).toEqual([]);
  });

  it('declares every {slot} a sample uses, and uses each slot at most once per sample', () => {
    // Act
    const bad = allSamples(model).filter(({ text, slots }) => {
      const used = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
      return used.some((name) => !slots.includes(name)) || new Set(used).size !== used.length;
    });

    // Assess
    expect(bad).toEqual([]);
  });

  it('gives no sample to two intents, nor twice to one', () => {
    // Prepare
    const owners = new Map<string, string[]>();
    for (const intent of language.intents) {
      for (const sample of intent.samples ?? []) {
        const key = sample.toLowerCase();
        owners.set(key, [...(owners.get(key) ?? []), intent.name]);
      }
    }

    // Act
    const repeated = [...owners].filter(([, intents]) => intents.length > 1);

    // Assess
    expect(repeated).toEqual([]);
  });

  it('declares the built-in intents the skill must handle', () => {
    // Act
    const names = language.intents.map((intent) => intent.name);

    // Assess
    expect(names).toEqual(expect.arrayContaining([...RELEASE_INTENTS, ...REQUIRED_BUILT_INS]));
  });

  it.each(RELEASE_INTENTS)('gives %s at least 25 samples and the service and environment slots', (name) => {
    // Act
    const intent = language.intents.find((i) => i.name === name);

    // Assess
    expect(intent?.samples?.length ?? 0).toBeGreaterThanOrEqual(25);
    expect(intent?.slots?.map((s) => [s.name, s.type])).toEqual(expect.arrayContaining([['service', 'SERVICE'], ['environment', 'ENVIRONMENT']]));
    // Deploy and Rollback also take the spoken release code that a policy may require; the reads (Status, Preview) do not.
    const extra = intent?.slots?.filter((s) => s.name !== 'service' && s.name !== 'environment').map((s) => [s.name, s.type]);
    expect(extra).toEqual(name === 'StatusIntent' || name === 'PreviewIntent' ? [] : [['pin', 'AMAZON.FOUR_DIGIT_NUMBER']]);
  });

  it('leaves eliciting and confirming to the skill: SKILL_RESPONSE, nothing required, nothing confirmed', () => {
    // Act
    const dialog = model.interactionModel.dialog;

    // Assess
    expect(dialog?.delegationStrategy).toBe('SKILL_RESPONSE');
    expect(dialog?.intents.map((i) => i.name)).toEqual([...RELEASE_INTENTS, 'LockIntent', 'UnlockIntent', 'ReportIntent']);
    for (const intent of dialog?.intents ?? []) {
      expect(intent.confirmationRequired).toBe(false);
      for (const slot of intent.slots ?? []) {
        expect([slot.name, slot.elicitationRequired, slot.confirmationRequired]).toEqual([slot.name, false, false]);
      }
      expect(intent.slots?.map((s) => s.name)).toContain('environment');
    }
  });

});

describe('the en-US interaction model', () => {
  it.each([
    ['push to prod', 'DeployIntent', { environment: 'production' }],
    ['push checkout to prod', 'DeployIntent', { service: 'checkout', environment: 'production' }],
    ['ship it', 'DeployIntent', {}],
    ['roll back checkout in production', 'RollbackIntent', { service: 'checkout', environment: 'production' }],
    ['undo the last deploy', 'RollbackIntent', {}],
    ["what's the status of prod", 'StatusIntent', { environment: 'production' }],
    ["what's the status of checkout in staging", 'StatusIntent', { service: 'checkout', environment: 'staging' }],
    ['how did we do this week', 'ReportIntent', { period: 'this_week' }],
    ['how did checkout do in production last month', 'ReportIntent', { service: 'checkout', environment: 'production', period: 'last_month' }],
    ['give me the delivery report for checkout', 'ReportIntent', { service: 'checkout' }],
  ])('reads "%s" as %s with %j and as nothing else', (phrase, intent, slots) => {
    // Act
    const readings = interpret(enUS, phrase);

    // Assess
    expect(readings.map((r) => [r.intent, r.slots])).toEqual([[intent, slots]]);
  });

  it('reads every sample, filled with configured values, as its own intent only', () => {
    // Prepare: fill each {slot} with the first value of its type.
    const firstValue = (typeName: string) => language.types?.find((t) => t.name === typeName)?.values?.[0]?.name.value ?? '';
    const filled = language.intents.flatMap((intent) => (intent.samples ?? []).map((sample) => ({
      intent: intent.name,
      phrase: sample.replace(/\{(\w+)\}/g, (_m, slot: string) => firstValue(intent.slots?.find((s) => s.name === slot)?.type ?? '')),
    })));

    // Act
    const strays = filled.filter(({ intent, phrase }) => interpret(enUS, phrase).some((reading) => reading.intent !== intent));

    // Assess
    expect(filled.length).toBeGreaterThan(75);
    expect(strays).toEqual([]);
  });
});

describe('every locale\'s interaction model', () => {
  it.each(DERIVED_ENGLISH_LOCALES)('%s is en-US with its market\'s phrasings, as `npm run model` derives it', (locale) => {
    // Act
    const derived = withGeneratedSlotTypes(deriveEnglishModel(enUS, locale), config, locale);

    // Assess
    expect(readModel(`${locale}.json`)).toEqual(derived);
    expect(derived.interactionModel.languageModel.intents.flatMap((i) => i.samples ?? []).length)
      .toBeGreaterThan(enUS.interactionModel.languageModel.intents.flatMap((i) => i.samples ?? []).length);
  });

  /** Intent → its slots as `name:type`, in order: what a handler and the intent table rely on. */
  const shape = (model: InteractionModel) => model.interactionModel.languageModel.intents.map((intent) => ({
    intent: intent.name, slots: (intent.slots ?? []).map((slot) => `${slot.name}:${slot.type}`),
  }));

  it.each(LOCALES.filter((locale) => locale !== 'en-US'))('%s has exactly the intents, slots, slot types and dialog of en-US', (locale) => {
    // Prepare
    const other = readModel(`${locale}.json`);

    // Act
    const typeNames = (model: InteractionModel) => (model.interactionModel.languageModel.types ?? []).map((t) => t.name);
    const periodIds = (model: InteractionModel) => model.interactionModel.languageModel.types?.find((t) => t.name === 'PERIOD')?.values?.map((v) => v.id);

    // Assess
    expect(shape(other)).toEqual(shape(enUS));
    expect(typeNames(other)).toEqual(typeNames(enUS));
    expect(periodIds(other)).toEqual(periodIds(enUS));
    expect(other.interactionModel.dialog).toEqual(enUS.interactionModel.dialog);
  });

  it.each(LOCALES)('%s: every sample, filled with configured values, reads as its own intent only', (locale) => {
    // Prepare
    const model = readModel(`${locale}.json`);
    const lm = model.interactionModel.languageModel;
    const firstValue = (typeName: string) => lm.types?.find((t) => t.name === typeName)?.values?.[0]?.name.value ?? '';
    const filled = lm.intents.flatMap((intent) => (intent.samples ?? []).map((sample) => ({
      intent: intent.name,
      phrase: sample.replace(/\{(\w+)\}/g, (_m, slot: string) => firstValue(intent.slots?.find((s) => s.name === slot)?.type ?? '')),
    })));

    // Act
    const strays = filled.filter(({ intent, phrase }) => interpret(model, phrase).some((reading) => reading.intent !== intent));

    // Assess
    expect(strays).toEqual([]);
  });

  it.each([
    ['de-DE', 'schiebe checkout in die produktion', 'DeployIntent', { service: 'checkout', environment: 'production' }],
    ['de-DE', 'deploye checkout auf staging', 'DeployIntent', { service: 'checkout', environment: 'staging' }],
    ['de-DE', 'rolle checkout zurück', 'RollbackIntent', { service: 'checkout' }],
    ['de-DE', 'wie ist der status von produktion', 'StatusIntent', { environment: 'production' }],
    ['de-DE', 'sperre produktion', 'LockIntent', { environment: 'production' }],
    ['de-DE', 'wie lief es diese woche', 'ReportIntent', { period: 'this_week' }],
    ['fr-FR', 'déploie checkout en production', 'DeployIntent', { service: 'checkout', environment: 'production' }],
    ['fr-FR', 'annule le déploiement', 'RollbackIntent', {}],
    ['fr-FR', "quel est l'état de la prod", 'StatusIntent', { environment: 'production' }],
    ['fr-FR', 'verrouille la préprod', 'LockIntent', { environment: 'staging' }],
    ['fr-FR', 'quel est le bilan de la semaine dernière', 'ReportIntent', { period: 'last_week' }],
    ['en-GB', "what's the state of live", 'StatusIntent', { environment: 'production' }],
    ['en-GB', 'get checkout out to live', 'DeployIntent', { service: 'checkout', environment: 'production' }],
    ['en-IN', 'kindly deploy checkout to prod', 'DeployIntent', { service: 'checkout', environment: 'production' }],
  ])('%s reads "%s" as %s with %j and as nothing else', (locale, phrase, intent, slots) => {
    // Act
    const readings = interpret(readModel(`${locale}.json`), phrase);

    // Assess
    expect(readings.map((r) => [r.intent, r.slots])).toEqual([[intent, slots]]);
  });
});
