/**
 * Text as the speech recogniser hands it over: lower case, no punctuation except apostrophes inside words
 * ("what's"), single spaces, accents composed (an "é" typed as "e" and a combining accent is one letter, not a word
 * break). Samples and user input go through the same function so they compare word for word.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of `text` after {@link normalise}. */
export function words(text: string): string[] {
  const n = normalise(text);
  return n === '' ? [] : n.split(' ');
}

/** Whether `haystack` starts with `needle` at `from`, word for word. */
export function startsWithWords(haystack: readonly string[], needle: readonly string[], from = 0): boolean {
  if (needle.length === 0 || from + needle.length > haystack.length) return false;
  return needle.every((word, i) => haystack[from + i] === word);
}
