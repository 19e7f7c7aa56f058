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

/** Built-in synonyms for an environment key, not including the key itself. */
export function builtInEnvironmentSynonyms(key: string): string[] {
  const k = key.toLowerCase();
  const group = GROUPS.find((g) => g.includes(k));
  return group ? group.filter((word) => word !== k) : [];
}

/** The usual key for a word people use for an environment: "prod", "live" and "prd" → "production"; else undefined. */
export function canonicalEnvironment(word: string): string | undefined {
  const w = word.toLowerCase();
  return GROUPS.find((g) => g.includes(w))?.[0];
}
