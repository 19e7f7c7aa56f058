// ask-smapi-model comes with ask-cli (a dev dependency): Amazon's own types for an interaction model.
import type { v1 } from 'ask-smapi-model';
import { builtInEnvironmentSynonyms } from '../../lambda/src/config/environment-synonyms';
import { languageOf } from '../../lambda/src/domain/spoken';
import type { Config } from '../../lambda/src/config/schema';

export type SlotType = v1.skill.interactionModel.SlotType;
export type SlotTypeValue = v1.skill.interactionModel.TypeValue;

/** Slot type names the interaction model declares for the `service` and `environment` slots. */
export const SERVICE_SLOT_TYPE = 'SERVICE';
export const ENVIRONMENT_SLOT_TYPE = 'ENVIRONMENT';

/** One slot value before the synonyms are settled: its id (the config's own name) and what people may say. */
interface Candidate {
  readonly id: string;
  readonly synonyms: readonly string[];
  /** What the value is ("service", "environment"): words for a synonym when it would otherwise have none. */
  readonly kind: string;
}

/** The SERVICE slot type of a locale's model: one value per configured service, id and value the service name. */
export function serviceSlotType(config: Config, locale = 'en-US'): SlotType {
  return {
    name: SERVICE_SLOT_TYPE,
    values: settle(config.services.map((service) => ({ id: service.name, synonyms: service.synonyms, kind: 'service' })), languageOf(locale)),
  };
}

/**
 * The ENVIRONMENT slot type of a locale's model: one value per environment key used by any service, with the built-in
 * synonyms for that key in the locale's language ("prod" and "live" for "production", and "Produktion" in German).
 */
export function environmentSlotType(config: Config, locale = 'en-US'): SlotType {
  const keys = [...new Set(config.services.flatMap((service) => Object.keys(service.environments)))];
  const language = languageOf(locale);
  return {
    name: ENVIRONMENT_SLOT_TYPE,
    values: settle(keys.map((key) => ({ id: key, synonyms: builtInEnvironmentSynonyms(key, language), kind: 'environment' })), language),
  };
}

/**
 * Turns candidates into slot values. A phrase that two values could claim (a synonym of one that is another's
 * name, or a synonym of two) is dropped from all of them: for a skill that ships to production, Alexa resolving
 * "prod" to the wrong environment is worse than not resolving it and asking.
 */
function settle(candidates: readonly Candidate[], language: string): SlotTypeValue[] {
  const claims = new Map<string, Set<string>>();
  const claim = (phrase: string, id: string) => {
    const key = normalise(phrase);
    claims.set(key, (claims.get(key) ?? new Set<string>()).add(id));
  };
  for (const candidate of candidates) {
    claim(candidate.id, candidate.id);
    for (const synonym of candidate.synonyms) claim(synonym, candidate.id);
  }

  const values = candidates.map((candidate) => {
    const own = normalise(candidate.id);
    const seen = new Set<string>();
    const synonyms: string[] = [];
    for (const synonym of candidate.synonyms) {
      const key = normalise(synonym);
      if (key === own || seen.has(key) || (claims.get(key)?.size ?? 0) > 1) continue;
      seen.add(key);
      synonyms.push(tidy(synonym));
    }
    return { id: candidate.id, name: { value: candidate.id, synonyms } };
  });
  // The Skill Management API's schema wants at least one synonym on every value. A value left without any gets the
  // first phrase of its own that nothing else claims: "search service", "the search", …
  values.forEach((value, i) => {
    if (value.name.synonyms.length > 0) return;
    const generated = fallbackSynonyms(tidy(value.id), (candidates[i] as Candidate).kind, language).find((phrase) => !claims.has(normalise(phrase)));
    if (generated === undefined) return;
    claims.set(normalise(generated), new Set([value.id]));
    value.name.synonyms.push(generated);
  });
  return values;
}

/** What a kind of value is called, and the article before it, in a language other than English. */
const KIND_WORDS: Readonly<Record<string, Readonly<Record<string, { readonly word: string; readonly the: string }>>>> = {
  de: { service: { word: 'dienst', the: 'den' }, environment: { word: 'umgebung', the: 'die' } },
  fr: { service: { word: 'service', the: 'le' }, environment: { word: 'environnement', the: "l'" } },
};

/** Phrases people could say for a value, in the order they are tried; distinct for distinct names. */
function fallbackSynonyms(name: string, kind: string, language: string): string[] {
  const words = Object.hasOwn(KIND_WORDS, language) ? KIND_WORDS[language]?.[kind] : undefined;
  if (words !== undefined) {
    // German names the kind after the name ("checkout dienst"), French before it ("service checkout").
    return language === 'fr'
      ? [`${words.word} ${name}`, `${words.the === "l'" ? "l'" : `${words.the} `}${words.word} ${name}`]
      : [`${name} ${words.word}`, `${words.the} ${name} ${words.word}`];
  }
  const endsWithKind = name.toLowerCase().endsWith(` ${kind}`) || name.toLowerCase() === kind;
  return [endsWithKind ? `the ${name}` : `${name} ${kind}`, `the ${name}`, `the ${name} ${kind}`, `that ${name} ${kind}`];
}

function tidy(phrase: string): string {
  return phrase.trim().replace(/\s+/g, ' ');
}

/** Alexa matches slot values without regard to case or extra spaces, so neither may tell two phrases apart. */
function normalise(phrase: string): string {
  return tidy(phrase).toLowerCase();
}
