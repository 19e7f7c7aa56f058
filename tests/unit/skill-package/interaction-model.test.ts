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

const locales = readdirSync(MODELS_DIR).filter((file) => file.endsWith('.json'));
const readModel = (file: string) => JSON.parse(readFileSync(join(MODELS_DIR, file), 'utf8')) as InteractionModel;
const enUS = readModel('en-US.json');
const language = enUS.interactionModel.languageModel;
const config = loadConfigFile(DEFAULT_CONFIG_PATH);

const LAUNCH_WORDS = ['ask', 'tell', 'open', 'launch', 'run', 'start', 'load', 'begin', 'enable', 'play', 'resume', 'use'];
const WAKE_WORDS = ['alexa', 'amazon', 'echo', 'computer', 'skill', 'app'];
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
  it('holds the SERVICE and ENVIRONMENT types that the bundled config makes (run `npm run model` when this fails)', () => {
    // Act
    const types = language.types ?? [];

    // Assess
    expect(types.find((t) => t.name === 'SERVICE')).toEqual(serviceSlotType(config));
    expect(types.find((t) => t.name === 'ENVIRONMENT')).toEqual(environmentSlotType(config));
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

describe('the en-US interaction model', () => {
  it('has an invocation name Alexa accepts: two or more lower-case words, no launch or wake words', () => {
    // Act
    const words = language.invocationName.split(' ');

    // Assess
    expect(language.invocationName).toBe('release captain');
    expect(language.invocationName).toMatch(/^[a-z]+( [a-z]+)+$/);
    expect(words.filter((word) => LAUNCH_WORDS.includes(word) || WAKE_WORDS.includes(word))).toEqual([]);
  });

  it('uses only letters, spaces, apostrophes, periods, hyphens, underscores and {slots} in samples', () => {
    // Act
    const bad = allSamples(enUS).filter(({ text }) => !/^(?:[\p{L}' ._-]|\{\w+\})+$/u.test(text) || /\d/.test(text) || text !== text.trim() || text.includes('  '));

    // Assess
    expect(bad).toEqual([]);
  });

  it('declares every {slot} a sample uses, and uses each slot at most once per sample', () => {
    // Act
    const bad = allSamples(enUS).filter(({ text, slots }) => {
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
    const dialog = enUS.interactionModel.dialog;

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
