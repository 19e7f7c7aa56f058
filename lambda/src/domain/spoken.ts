/*
 * How the skill compares spoken words. A module of its own, importing nothing: the catalog matches what was heard with
 * it, and the config schema refuses with it two names the catalog could not tell apart.
 */

/** Any UTF-16 code unit outside ASCII. */
const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-case, punctuation other than apostrophes dropped, spaces collapsed: how two spoken forms are compared. */
export function normalise(words: string | undefined): string {
  const lower = (words ?? '').toLowerCase().replace(/\./g, '');
  // Within ASCII, \p{L} and \p{N} are exactly A-Z, a-z and 0-9. The Unicode classes cost V8 some 0.4 ms to build
  // the first time, and the config check runs this on every cold start for names that are ASCII by schema.
  const kept = NON_ASCII.test(lower) ? lower.replace(/[^\p{L}\p{N}' ]+/gu, ' ') : lower.replace(/[^A-Za-z0-9' ]+/g, ' ');
  return kept.replace(/\s+/g, ' ').trim();
}

/** The language of a locale ("de" for "de-DE"), which decides the words a name may be wrapped in; English for none. */
export function languageOf(locale: string | undefined): string {
  return (locale ?? '').split('-')[0]?.toLowerCase() || 'en';
}
