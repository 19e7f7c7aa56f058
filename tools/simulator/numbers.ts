import { languageOf } from '../../lambda/src/domain/spoken';
import { spokenNumberIn, type NumberGrammar } from './number-grammar';
import { GERMAN } from './numbers-de';
import { FRENCH } from './numbers-fr';
import { words } from './text';

/** The languages whose number words the simulator reads besides English; any other language is read as English. */
const GRAMMARS: Readonly<Record<string, NumberGrammar>> = { de: GERMAN, fr: FRENCH };

const SMALL: Readonly<Record<string, number>> = {
  zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { thousand: 1_000, million: 1_000_000 };

/**
 * The digits Alexa sends for a spoken AMAZON.NUMBER or AMAZON.FOUR_DIGIT_NUMBER: "five" → "5", "twenty three" → "23",
 * "one hundred and five" → "105", and spoken digit runs or year-style pairs concatenated ("one two three four" →
 * "1234", "twenty twenty four" → "2024"). In the locale's language: German and French have their own grammar
 * (numbers-de.ts, numbers-fr.ts), other languages are read as English. Undefined when the words are not a number.
 */
export function spokenNumber(spoken: string, locale = 'en-US'): string | undefined {
  const grammar = GRAMMARS[languageOf(locale)];
  if (grammar !== undefined) return spokenNumberIn(grammar, spoken);
  const tokens = words(spoken);
  if (tokens.length === 0) return undefined;
  if (tokens.every((t) => /^\d+$/.test(t))) return tokens.join('');
  const whole = compose(tokens);
  if (whole !== undefined) return String(whole);
  return concatenated(tokens);
}

/** "two thousand and twenty four" → 2024; undefined when the words do not form one number. */
function compose(tokens: readonly string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const [i, token] of tokens.entries()) {
    const small = SMALL[token];
    const tens = TENS[token];
    const scale = SCALES[token];
    const below100 = current % 100;
    if (token === 'and') {
      // Only "hundred and five" / "thousand and five": a joiner after a scale word.
      if (i === 0 || !['hundred', 'thousand', 'million'].includes(tokens[i - 1] ?? '')) return undefined;
    } else if (/^\d+$/.test(token)) {
      const n = Number(token);
      if (below100 !== 0 && !(n < 10 && below100 >= 20 && below100 % 10 === 0)) return undefined;
      current += n;
      seen = true;
    } else if (small !== undefined) {
      const afterTens = below100 >= 20 && below100 % 10 === 0 && small < 10;
      if (below100 !== 0 && !afterTens) return undefined;
      if (seen && small === 0) return undefined;
      current += small;
      seen = true;
    } else if (tens !== undefined) {
      if (below100 !== 0) return undefined;
      current += tens;
      seen = true;
    } else if (token === 'hundred') {
      if (current === 0 && !seen) current = 1; // "hundred" alone, as in "a hundred"
      if (current >= 100) return undefined;
      current *= 100;
      seen = true;
    } else if (scale !== undefined) {
      if (!seen) return undefined;
      total += (current === 0 ? 1 : current) * scale;
      current = 0;
    } else if (token === 'a' && i === 0) {
      continue;
    } else {
      return undefined;
    }
  }
  return seen || total > 0 ? total + current : undefined;
}

/** Digit runs and pairs said one after another: each group composed alone, the digits joined. */
function concatenated(tokens: readonly string[]): string | undefined {
  let digits = '';
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] ?? '';
    const small = SMALL[token];
    const tens = TENS[token];
    if (/^\d+$/.test(token)) {
      digits += token;
      i += 1;
    } else if (small !== undefined) {
      digits += String(small);
      i += 1;
    } else if (tens !== undefined) {
      const unit = SMALL[tokens[i + 1] ?? ''];
      if (unit !== undefined && unit > 0 && unit < 10) {
        digits += String(tens + unit);
        i += 2;
      } else {
        digits += String(tens);
        i += 1;
      }
    } else {
      return undefined;
    }
  }
  return digits;
}
