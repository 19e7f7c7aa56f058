import { enUS } from './en-US';
import type { Format, Messages } from './messages';
import { spokenClock, spokenTime, writtenTime } from './spoken-time';

export type { Messages } from './messages';

const TABLES: Record<string, (f: Format) => Messages> = { 'en-US': enUS };

/** The locale table for a request, falling back to English for locales without a table of their own. */
export function messagesFor(locale: string | undefined, now: Date, timeZone: string): Messages {
  // hasOwn, not TABLES[locale]: a locale such as "__proto__" or "constructor" must not find Object's own members.
  const speechLocale = locale !== undefined && Object.hasOwn(TABLES, locale) ? locale : 'en-US';
  const table = TABLES[speechLocale] ?? enUS;
  return table({
    when: (at) => spokenTime(at, now, speechLocale, timeZone),
    clock: (at) => spokenClock(at, speechLocale, timeZone),
    written: (at) => writtenTime(at, speechLocale, timeZone),
  });
}
