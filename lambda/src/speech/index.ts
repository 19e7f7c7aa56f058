import { enUS } from './en-US';
import type { Format, Messages } from './messages';
import { prepareFormatters, spokenClock, spokenTime, writtenTime } from './spoken-time';
import { whileWaiting } from '../runtime/while-waiting';

export type { Messages } from './messages';

const TABLES: Record<string, (f: Format) => Messages> = { 'en-US': enUS };

/** The locale table for a request, falling back to English for locales without a table of their own. */
export function messagesFor(locale: string | undefined, now: Date, timeZone: string): Messages {
  const speechLocale = speechLocaleOf(locale);
  const table = TABLES[speechLocale] ?? enUS;
  return table({
    when: (at) => spokenTime(at, now, speechLocale, timeZone),
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
