import { languageOf } from '../../lambda/src/domain/spoken';
import { spokenNumber } from './numbers';
import { words } from './text';

type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';

const UNITS: Readonly<Record<string, { readonly letter: string; readonly time: boolean }>> = {
  year: { letter: 'Y', time: false },
  month: { letter: 'M', time: false },
  week: { letter: 'W', time: false },
  day: { letter: 'D', time: false },
  hour: { letter: 'H', time: true },
  minute: { letter: 'M', time: true },
  second: { letter: 'S', time: true },
};
const ORDER = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];

/** How a language names the units and joins the parts of a duration. */
interface DurationWords {
  /** Every form of a unit's name: singular, plural, and German's dative plural ("in den letzten vierzehn Tagen"). */
  readonly units: Readonly<Record<string, Unit>>;
  /** Words that say "one" before a unit beyond the number words: "a week", German's articles ("einen Tag", "einem Jahr"). */
  readonly one: ReadonlySet<string>;
  /** The word between two parts: "two weeks and three days", "zwei Wochen und drei Tage", "deux semaines et trois jours". */
  readonly joiner: string;
}

const ENGLISH: DurationWords = {
  units: {
    year: 'year', years: 'year', month: 'month', months: 'month', week: 'week', weeks: 'week', day: 'day', days: 'day',
    hour: 'hour', hours: 'hour', minute: 'minute', minutes: 'minute', second: 'second', seconds: 'second',
  },
  one: new Set(['a', 'an']),
  joiner: 'and',
};

const LANGUAGES: Readonly<Record<string, DurationWords>> = {
  de: {
    units: {
      jahr: 'year', jahre: 'year', jahren: 'year', monat: 'month', monate: 'month', monaten: 'month',
      woche: 'week', wochen: 'week', tag: 'day', tage: 'day', tagen: 'day', stunde: 'hour', stunden: 'hour',
      minute: 'minute', minuten: 'minute', sekunde: 'second', sekunden: 'second',
    },
    one: new Set(['ein', 'eine', 'einen', 'einem', 'einer']),
    joiner: 'und',
  },
  fr: {
    units: {
      an: 'year', ans: 'year', année: 'year', années: 'year', mois: 'month', semaine: 'week', semaines: 'week',
      jour: 'day', jours: 'day', heure: 'hour', heures: 'hour', minute: 'minute', minutes: 'minute',
      seconde: 'second', secondes: 'second',
    },
    one: new Set(['un', 'une']),
    joiner: 'et',
  },
};

/**
 * What Alexa sends for a spoken AMAZON.DURATION: ISO-8601, "fourteen days" → "P14D", "two weeks" → "P2W",
 * "five hours ten minutes" → "PT5H10M", "a week" → "P1W" (Alexa's documented examples). German and French in their
 * own words ("zwei Wochen und drei Tage" → "P2W3D", "une semaine" → "P1W"); other languages are read as English.
 * The joiner counts only between two parts, since it is also a number word ("one hundred and five days",
 * "einundzwanzig Tage", "vingt et un jours").
 * Undefined when the words are not a duration; parts must come largest unit first, each unit once.
 */
export function spokenDuration(spoken: string, locale = 'en-US'): string | undefined {
  const parts = partsIn(LANGUAGES[languageOf(locale)] ?? ENGLISH, spoken, locale);
  if (parts === undefined) return undefined;
  const date = ORDER.filter((u) => parts.has(u) && !UNITS[u]?.time).map((u) => `${parts.get(u)}${UNITS[u]?.letter}`).join('');
  const time = ORDER.filter((u) => parts.has(u) && UNITS[u]?.time).map((u) => `${parts.get(u)}${UNITS[u]?.letter}`).join('');
  return `P${date}${time === '' ? '' : `T${time}`}`;
}

/** Unit → amount, in a language's words; undefined when the words are not a duration. */
function partsIn(language: DurationWords, spoken: string, locale: string): Map<string, number> | undefined {
  const parts = new Map<string, number>();
  let amount: string[] = [];
  let last = -1;
  for (const token of words(spoken)) {
    const unit = language.units[token];
    if (unit === undefined) {
      amount.push(token);
      continue;
    }
    if (parts.size > 0 && amount[0] === language.joiner) amount = amount.slice(1);
    const value = amount.length === 1 && language.one.has(amount[0] ?? '') ? '1' : spokenNumber(amount.join(' '), locale);
    const position = ORDER.indexOf(unit);
    if (value === undefined || amount.length === 0 || position <= last) return undefined;
    parts.set(unit, Number(value));
    last = position;
    amount = [];
  }
  if (amount.length > 0 || parts.size === 0) return undefined;
  return parts;
}
