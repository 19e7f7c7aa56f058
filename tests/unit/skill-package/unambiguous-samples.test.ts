import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigFile, parseConfig } from '../../../lambda/src/config/load';
import type { Config } from '../../../lambda/src/config/schema';
import { DEFAULT_CONFIG_PATH, MODELS_DIR } from '../../../tools/model/generate';
import { withGeneratedSlotTypes, type InteractionModel as AskCliModel } from '../../../tools/model/interaction-model';
import { ALWAYS_PRESENT_INTENTS, builtInPhrasings } from '../../../tools/simulator/builtins';
import { compilePattern, fitsWords, type Pattern } from '../../../tools/simulator/matcher';
import { findSlotType, parseInteractionModel, slotTypeOf, type InteractionModel } from '../../../tools/simulator/model';
import { normalise, words } from '../../../tools/simulator/text';
import { TEST_CONFIG } from '../../support/test-skill';
import { describeRequest, recordingSkill, simulatorFor, slotValuesOf, speak } from '../tools/simulator/fake-skill';

/** Words for the built-in slot types the samples use. */
const BUILT_IN_SLOT_WORDS: Readonly<Record<string, readonly string[]>> = { 'AMAZON.FOUR_DIGIT_NUMBER': ['one two three four'], 'AMAZON.DURATION': ['fourteen days'] };

const BUNDLED_CONFIG = loadConfigFile(DEFAULT_CONFIG_PATH);
const CONFIGS: readonly (readonly [string, Config])[] = [
  ['the bundled config', BUNDLED_CONFIG],
  ['the test config', parseConfig(TEST_CONFIG, 'test config')],
];

const readModel = (locale: string) => JSON.parse(readFileSync(join(MODELS_DIR, `${locale}.json`), 'utf8')) as AskCliModel;
const committed = readModel('en-US');
const LOCALES = readdirSync(MODELS_DIR).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, '')).sort();

/** Everything a slot of this type can be filled with: each value and synonym, or the words for a built-in type. */
function slotWords(model: InteractionModel, intent: string, slot: string): readonly string[] {
  const type = slotTypeOf(model, intent, slot) ?? '';
  const custom = findSlotType(model, type);
  if (custom === undefined) return BUILT_IN_SLOT_WORDS[type] ?? [];
  return (custom.values ?? []).flatMap((value) => [value.name.value, ...(value.name.synonyms ?? [])]);
}

/** The sample with its slots filled in every way the words allow (the cross product: slots are few, words tens). */
function fillings(model: InteractionModel, intent: string, sample: string): string[] {
  let phrases = [''];
  for (const piece of sample.split(/(\{[^{}]+\})/)) {
    const slot = /^\{([^{}]+)\}$/.exec(piece)?.[1];
    const options = slot === undefined ? [piece] : slotWords(model, intent, slot);
    phrases = phrases.flatMap((head) => options.map((option) => head + option));
  }
  return phrases;
}


/** An intent's samples and, for a built-in intent, the phrasings Alexa knows it by in the locale's language. */
function samplesOf(model: InteractionModel, intent: string, locale: string): string[] {
  return [...(model.languageModel.intents.find((i) => i.name === intent)?.samples ?? []), ...(builtInPhrasings(locale)[intent] ?? [])];
}

/**
 * An intent's samples as another intent's phrase meets them. Their slots take any words, as Alexa's do: it does not
 * restrict a custom slot type to its values, so "release {service}" can take "the lock on production". Except a slot
 * that opens the sample ("{service} in {environment}"): no carrier word before it marks where it starts, so only a
 * value of its type can fill it, and it is written out as each of them.
 */
function patternsMeeting(model: InteractionModel, intent: string, locale: string): Pattern[] {
  return samplesOf(model, intent, locale).flatMap((sample) => {
    const leading = /^\{([^{}]+)\}/.exec(sample);
    if (leading?.[1] === undefined) return [sample];
    return slotWords(model, intent, leading[1]).map((word) => word + sample.slice(leading[0].length));
  }).map((sample, order) => compilePattern(intent, sample, order));
}

/**
 * Every sample (and built-in phrasing) of every intent, filled in every way with the configured words, that a sample
 * of another intent matches too (see patternsMeeting).
 */
function overlaps(model: InteractionModel, locale: string): string[] {
  const declared = model.languageModel.intents.map((intent) => intent.name);
  const intents = [...new Set([...declared, ...ALWAYS_PRESENT_INTENTS])];
  const meeting = new Map(intents.map((intent) => [intent, patternsMeeting(model, intent, locale)]));
  const found: string[] = [];
  for (const intent of intents) {
    for (const sample of samplesOf(model, intent, locale)) {
      for (const said of fillings(model, intent, sample)) {
        const saidWords = words(normalise(said));
        for (const other of intents.filter((name) => name !== intent)) {
          if (fitsWords(meeting.get(other) ?? [], saidWords)) found.push(`${intent} "${sample}" as "${said}" matches ${other}`);
        }
      }
    }
  }
  return found;
}

describe.each(LOCALES)('the %s samples, filled with the configured words', (locale) => {
  it.each(CONFIGS)('match no other intent\'s sample with %s', (_name, config) => {
    // Prepare
    const model = parseInteractionModel(withGeneratedSlotTypes(readModel(locale), config, locale));

    // Act
    const found = overlaps(model, locale);

    // Assess
    expect(found).toEqual([]);
  });
});

describe('the en-US model, through the simulator, with the bundled config', () => {
  const model = parseInteractionModel(withGeneratedSlotTypes(committed, BUNDLED_CONFIG));

  it.each([
    ['release the production lock', 'UnlockIntent', { environment: 'production' }],
    ['release the lock', 'UnlockIntent', {}],
    ['free up production', 'UnlockIntent', { environment: 'production' }],
    ['unlock prod', 'UnlockIntent', { environment: 'prod' }],
    ['take the production lock', 'LockIntent', { environment: 'production' }],
    ['lock prod', 'LockIntent', { environment: 'prod' }],
    ['ask release captain to release the lock on staging', 'UnlockIntent', { environment: 'staging' }],
    ['ask release captain for the status of checkout', 'StatusIntent', { service: 'checkout' }],
    ['ask release captain about the status of prod', 'StatusIntent', { environment: 'prod' }],
    ['ask release captain about checkout in staging', 'StatusIntent', { service: 'checkout', environment: 'staging' }],
    ['tell release captain to roll back checkout', 'RollbackIntent', { service: 'checkout' }],
    ['release checkout to production', 'DeployIntent', { service: 'checkout', environment: 'production' }],
    ['deploy checkout in staging', 'DeployIntent', { service: 'checkout', environment: 'staging' }],
  ])('sends "%s" as %s with %j', async (said, intent, slots) => {
    // Prepare
    const skill = recordingSkill(() => speak('Ok.', { end: true }));
    const simulator = simulatorFor(skill.invoker, model);

    // Act
    await simulator.say(said);

    // Assess
    expect(describeRequest(skill.received[0])).toBe(intent);
    expect(slotValuesOf(skill.received[0])).toEqual(slots);
  });
});
