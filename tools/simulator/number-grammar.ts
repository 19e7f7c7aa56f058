import { words } from './text';

/**
 * How one language composes number words, for {@link spokenNumberIn}. The words are first cut into atoms (German
 * writes "zweihundertfünf" as one word, French "quatre-vingt-dix" with hyphens the normaliser turns into spaces), then
 * the language's grammar reads the atoms. Written by hand: the npm libraries that read number words (words-to-numbers
 * and the like) know English only, and the German and French ones go the other way, from digits to words.
 */
export interface NumberGrammar {
  /** The atoms of one spoken word, or undefined when the word is not a number word of the language. */
  atoms(word: string): readonly string[] | undefined;
  /** The value of a whole number said as these atoms; undefined when they are not one number. */
  whole(atoms: readonly string[]): number | undefined;
  /** The value of one group of a digit run (a number below a hundred, or zero); undefined otherwise. */
  group(atoms: readonly string[]): number | undefined;
}

/** One way to read atoms from a position on: the value read and where the next atom starts. */
export interface Reading {
  readonly value: number;
  readonly next: number;
}

const DIGITS = /^\d+$/;

/**
 * The digits Alexa sends for a spoken AMAZON.NUMBER or AMAZON.FOUR_DIGIT_NUMBER in a language: one whole number
 * ("zweihundertfünf" → "205"), else a digit run or pairs said one after another, each group read alone and the digits
 * joined ("vier sieben eins eins" → "4711", "quarante-sept onze" → "4711"), as the English reader does. Digits said as
 * digits stay as they are. Undefined when the words are not a number.
 */
export function spokenNumberIn(grammar: NumberGrammar, spoken: string): string | undefined {
  const tokens = words(spoken);
  if (tokens.length === 0) return undefined;
  if (tokens.every((t) => DIGITS.test(t))) return tokens.join('');
  const perWord: (readonly string[])[] = [];
  for (const token of tokens) {
    const atoms = DIGITS.test(token) ? [token] : grammar.atoms(token);
    if (atoms === undefined) return undefined;
    perWord.push(atoms);
  }
  const whole = grammar.whole(perWord.flat());
  if (whole !== undefined) return String(whole);
  return concatenated(grammar, perWord);
}

/**
 * Words split into groups that each read as a number below a hundred (or are digits), longest group first, backing off
 * when the rest cannot be read; a group never ends inside a word.
 */
function concatenated(grammar: NumberGrammar, perWord: readonly (readonly string[])[], from = 0): string | undefined {
  if (from === perWord.length) return '';
  for (let end = perWord.length; end > from; end--) {
    const atoms = perWord.slice(from, end).flat();
    const value = atoms.length === 1 && DIGITS.test(atoms[0] ?? '') ? atoms[0] : grammar.group(atoms);
    if (value === undefined) continue;
    const rest = concatenated(grammar, perWord, end);
    if (rest !== undefined) return `${value}${rest}`;
  }
  return undefined;
}

/** The value of the first reading that takes every atom. */
export function complete(readings: readonly Reading[], length: number): number | undefined {
  return readings.find((reading) => reading.next === length)?.value;
}

/** A digits atom below `limit` read as a number, as in "2 tausend" or "3 cents". */
export function digitsBelow(atoms: readonly string[], at: number, limit: number): Reading[] {
  const atom = atoms[at];
  if (atom === undefined || !DIGITS.test(atom)) return [];
  const value = Number(atom);
  return value < limit ? [{ value, next: at + 1 }] : [];
}

/**
 * A word cut into the atoms of `lexicon`, longest atom first, backing off when the rest cannot be cut: German joins
 * number words into one ("einundzwanzig" → ein, und, zwanzig). Undefined when no cut takes the whole word.
 */
export function cutWord(word: string, lexicon: ReadonlySet<string>, longest: number): string[] | undefined {
  if (word === '') return [];
  for (let length = Math.min(longest, word.length); length > 0; length--) {
    const head = word.slice(0, length);
    if (!lexicon.has(head)) continue;
    const rest = cutWord(word.slice(length), lexicon, longest);
    if (rest !== undefined) return [head, ...rest];
  }
  return undefined;
}
