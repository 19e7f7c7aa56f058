/** How one language says a moment relative to now: the words around the numbers and clock times. */
export interface TimeWords {
  justNow: string;
  minutesAgo(minutes: number): string;
  hoursAgo(hours: number): string;
  todayAt(time: string): string;
  yesterdayAt(time: string): string;
  /** A day before yesterday or a moment to come: `date` as the locale writes it ("November 20", "20. November"). */
  onDateAt(date: string, time: string): string;
}

/** English: "3 minutes ago", "yesterday at 2:05 PM", "on November 20 at 9:12 AM". */
export const ENGLISH_TIME_WORDS: TimeWords = {
  justNow: 'just now',
  minutesAgo: (n) => (n === 1 ? 'a minute ago' : `${n} minutes ago`),
  hoursAgo: (n) => (n === 1 ? 'an hour ago' : `${n} hours ago`),
  todayAt: (time) => `today at ${time}`,
  yesterdayAt: (time) => `yesterday at ${time}`,
  onDateAt: (date, time) => `on ${date} at ${time}`,
};

/**
 * Times said the way people say them: "3 minutes ago", "yesterday at 10 AM", "on November 20 at 9:12 AM" (in English a
 * 12-hour clock without ":00"; a language that says "14:05" keeps its own clock), in `words`' language.
 */
export function spokenTime(at: Date | undefined, now: Date, locale: string, timeZone: string, words: TimeWords = ENGLISH_TIME_WORDS): string | undefined {
  if (at === undefined || Number.isNaN(at.getTime())) return undefined;
  const seconds = Math.round((now.getTime() - at.getTime()) / 1000);
  if (seconds < 0) return clock(at, locale, timeZone, words);
  if (seconds < 60) return words.justNow;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return words.minutesAgo(minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 6) return words.hoursAgo(hours);
  const time = spokenClock(at, locale, timeZone);
  if (dayOf(at, timeZone) === dayOf(now, timeZone)) return words.todayAt(time);
  if (dayOf(at, timeZone) === dayOf(new Date(now.getTime() - 86_400_000), timeZone)) return words.yesterdayAt(time);
  return clock(at, locale, timeZone, words);
}

function clock(at: Date, locale: string, timeZone: string, words: TimeWords): string {
  return words.onDateAt(calendarDate(at, locale, timeZone), spokenClock(at, locale, timeZone));
}

/** A time of day as people say it: "10 AM", "2:05 PM" in English; the locale's own clock elsewhere. */
export function spokenClock(at: Date, locale: string, timeZone: string): string {
  const time = clockTime(at, locale, timeZone);
  // en-CA writes "8 a.m.": said at the end of a sentence, the caption would read "8 a.m..". The ear hears AM either way.
  return twelveHour(locale) ? time.replace(/:00(?= )/, '').replace(/\b([ap])\.m\./i, (_all, half: string) => `${half.toUpperCase()}M`) : time;
}

/** The time of day as the locale writes it: "2:05 PM" in English, "14:05" elsewhere (":00" kept). */
export function clockTime(at: Date, locale: string, timeZone: string): string {
  if (withoutIcu(locale, timeZone)) return twelveHourClock(at.getUTCHours(), at.getUTCMinutes());
  // ICU puts a narrow no-break space before "AM"; speech and captions want a plain one.
  return formatter(locale, timeZone, 'time').format(at).replace(/[\u202f\u00a0]/g, ' ');
}

/**
 * A moment written out for the card in the Alexa app, with the zone it is in: "December 1, 2026 at 10:05 AM
 * (Europe/Berlin)". Read, not heard, so it is exact and never relative.
 */
export function writtenTime(at: Date, locale: string, timeZone: string): string {
  const written = withoutIcu(locale, timeZone)
    ? `${EN_US_MONTHS[at.getUTCMonth()] ?? ''} ${at.getUTCDate()}, ${at.getUTCFullYear()} at ${twelveHourClock(at.getUTCHours(), at.getUTCMinutes())}`
    : formatter(locale, timeZone, 'written').format(at).replace(/[\u202f\u00a0]/g, ' ');
  return `${written} (${timeZone})`;
}

/** English speakers say "2:05 PM", not "14:05". */
function twelveHour(locale: string): boolean {
  return locale.startsWith('en');
}

/** "November 20". */
function calendarDate(at: Date, locale: string, timeZone: string): string {
  if (withoutIcu(locale, timeZone)) return `${EN_US_MONTHS[at.getUTCMonth()] ?? ''} ${at.getUTCDate()}`;
  return formatter(locale, timeZone, 'date').format(at);
}

/** The calendar day of `at` in `timeZone`, as a key ("2026-12-01") to compare days by. */
function dayOf(at: Date, timeZone: string): string {
  if (withoutIcu('en-US', timeZone)) return `${at.getUTCFullYear()}-${twoDigits(at.getUTCMonth() + 1)}-${twoDigits(at.getUTCDate())}`;
  // A fixed locale, not one picked for its "yyyy-mm-dd" look (en-CA): a second locale costs a cold start some 10 ms
  // of ICU data, and the parts name the fields whatever their order. This computes a key; it is never spoken.
  const parts = formatter('en-US', timeZone, 'day').formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * In UTC (the config's default zone) and in en-US, the formats above are plain arithmetic on the UTC fields, and
 * building the first Intl.DateTimeFormat of a process (ICU loading its data, some 13 ms of a cold start) buys
 * nothing. tests/unit/speech/spoken-time.test.ts holds these paths to what ICU says. Any other zone or locale goes
 * to ICU: no arithmetic here could replace its time zone rules or its month names.
 */
const UTC_ZONES: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);
const EN_US_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Whether this locale and zone are said by the arithmetic above; exported for the test that holds it to ICU. */
export function withoutIcu(locale: string, timeZone: string): boolean {
  return locale === 'en-US' && UTC_ZONES.has(timeZone);
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** "2:05 PM", "12:23 AM": en-US's own clock, as ICU writes it with hourCycle h12. */
function twelveHourClock(hours: number, minutes: number): string {
  return `${hours % 12 === 0 ? 12 : hours % 12}:${twoDigits(minutes)} ${hours < 12 ? 'AM' : 'PM'}`;
}

/**
 * Builds the formatters spokenTime uses for this locale and zone. The first Intl.DateTimeFormat of a process loads
 * ICU's data (some 13 ms on a cold start); the later ones cost a fraction of a millisecond.
 */
export function prepareFormatters(locale: string, timeZone: string): void {
  if (withoutIcu(locale, timeZone)) return;
  formatter('en-US', timeZone, 'day');
  formatter(locale, timeZone, 'time');
  // Every answer that says a time also leaves a card, which writes it out.
  formatter(locale, timeZone, 'written');
}

const OPTIONS: Record<'time' | 'date' | 'day' | 'written', Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { month: 'long', day: 'numeric' },
  day: { year: 'numeric', month: '2-digit', day: '2-digit' },
  written: { dateStyle: 'long', timeStyle: 'short' },
};
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat costs far more than using one: each kind is built once per locale and time zone. */
export function formatter(locale: string, timeZone: string, kind: keyof typeof OPTIONS): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let built = formatters.get(key);
  if (built === undefined) {
    const options = kind === 'time' && twelveHour(locale) ? { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' } as const : OPTIONS[kind];
    built = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, built);
  }
  return built;
}
