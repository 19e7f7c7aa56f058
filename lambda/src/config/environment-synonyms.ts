/**
 * What people say for common environment keys. A config's environment key is matched against these,
 * so "prod", "live" and "production" all reach the environment keyed "production" (or "prod").
 */
const GROUPS: readonly (readonly string[])[] = [
  ['production', 'prod', 'live', 'prd', 'production environment', 'prod environment'],
  ['staging', 'stage', 'stg', 'pre-production', 'preprod', 'pre prod', 'staging environment'],
  ['development', 'dev', 'develop', 'development environment', 'dev environment'],
  ['test', 'testing', 'qa', 'q.a.', 'test environment'],
  ['sandbox', 'sand box'],
  ['demo', 'demonstration'],
  ['canary', 'canary environment'],
  ['uat', 'u.a.t.', 'user acceptance', 'acceptance'],
];

/**
 * The words of other languages for the same groups, keyed by the group's first English word. A German or French
 * speaker says "Produktion" or "préproduction" for the environment keyed "production" or "staging"; the English
 * words stay valid in those languages too ("prod", "staging" and "live" are what German and French teams say as well).
 */
const LANGUAGE_WORDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  de: {
    production: ['produktion', 'produktivsystem', 'produktionsumgebung', 'prod umgebung', 'live system', 'livesystem'],
    staging: ['vorproduktion', 'staging umgebung', 'stage umgebung'],
    development: ['entwicklung', 'entwicklungsumgebung', 'dev umgebung'],
    test: ['testumgebung', 'testsystem'],
    sandbox: ['spielwiese'],
    demo: ['demoumgebung', 'vorführung'],
    canary: ['canary umgebung'],
    uat: ['abnahme', 'abnahmeumgebung', 'abnahmetest'],
  },
  fr: {
    production: ['la production', 'la prod', 'environnement de production', 'production réelle'],
    staging: ['préproduction', 'préprod', 'pré production', 'recette', 'la préprod', 'environnement de préproduction'],
    development: ['développement', 'dév', 'environnement de développement'],
    test: ['tests', 'environnement de test'],
    sandbox: ['bac à sable'],
    demo: ['démo', 'démonstration'],
    canary: ['environnement canari', 'canari'],
    uat: ['recette utilisateur', 'validation utilisateur'],
  },
};

/**
 * Built-in synonyms for an environment key, not including the key itself: the English words, then, for a language
 * other than English, that language's words for the same group. English (the default) gets exactly the English words.
 */
export function builtInEnvironmentSynonyms(key: string, language = 'en'): string[] {
  const k = key.toLowerCase();
  const group = GROUPS.find((g) => g.includes(k));
  if (!group) return [];
  const own = Object.hasOwn(LANGUAGE_WORDS, language) ? LANGUAGE_WORDS[language]?.[group[0] ?? ''] ?? [] : [];
  return [...group, ...own].filter((word) => word !== k);
}

/** The usual key for a word people use for an environment: "prod", "live" and "prd" → "production"; else undefined. */
export function canonicalEnvironment(word: string): string | undefined {
  const w = word.toLowerCase();
  return GROUPS.find((g) => g.includes(w))?.[0];
}
