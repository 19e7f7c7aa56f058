import { enUS } from './en-US';
import type { Format, Messages } from './messages';
import { ENGLISH_TIME_WORDS, prepareFormatters, spokenClock, spokenTime, writtenTime, type TimeWords } from './spoken-time';
import { whileWaiting } from '../runtime/while-waiting';

export type { Messages } from './messages';

/** A language's table and its words for times. */
export interface LocaleSpeech {
  readonly messages: (f: Format) => Messages;
  readonly time: TimeWords;
}

const ENGLISH: LocaleSpeech = { messages: enUS, time: ENGLISH_TIME_WORDS };

/*
 * The German and French tables are required on first use in their locale: an en-US cold start never parses them. The
 * build bundles each into a file of its own beside index.js (speech-de-DE.js, speech-fr-FR.js; tools/build.ts) and
 * refuses them in index.js. The English markets share the en-US table: their words are the same, and only dates are
 * written their way (the formatter takes the request's own locale).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- on demand, see above */
const TABLES: Readonly<Record<string, () => LocaleSpeech>> = {
  'en-US': () => ENGLISH,
  'en-GB': () => ENGLISH,
  'en-CA': () => ENGLISH,
  'en-AU': () => ENGLISH,
  'en-IN': () => ENGLISH,
  'de-DE': () => (require('./de-DE') as typeof import('./de-DE')).deDESpeech,
  'fr-FR': () => (require('./fr-FR') as typeof import('./fr-FR')).frFRSpeech,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The locales with words of their own (the English markets share en-US's). */
export const SPEECH_LOCALES: readonly string[] = Object.keys(TABLES);

/** The locale table for a request, falling back to en-US for locales without a table of their own. */
export function messagesFor(locale: string | undefined, now: Date, timeZone: string): Messages {
  const speechLocale = speechLocaleOf(locale);
  const speech = (TABLES[speechLocale] ?? (() => ENGLISH))();
  return speech.messages({
    when: (at) => spokenTime(at, now, speechLocale, timeZone, speech.time),
    clock: (at) => spokenClock(at, speechLocale, timeZone),
    written: (at) => writtenTime(at, speechLocale, timeZone),
  });
}

/**
 * A turn that will say when things happened: the formatters for its locale and the team's time zone are built while
 * its reads wait for AWS (runtime/while-waiting.ts), not after them. Without an AWS call they are built when used.
 */
export function prepareSpokenTimes(locale: string | undefined, timeZone: string): void {
  const speechLocale = speechLocaleOf(locale);
  whileWaiting(`spoken-times|${speechLocale}|${timeZone}`, () => prepareFormatters(speechLocale, timeZone));
}

function speechLocaleOf(locale: string | undefined): string {
  // hasOwn, not TABLES[locale]: a locale such as "__proto__" or "constructor" must not find Object's own members.
  return locale !== undefined && Object.hasOwn(TABLES, locale) ? locale : 'en-US';
}
