/** Times said the way people say them: "3 minutes ago", "yesterday at 14:05", "on November 20 at 09:12". */
export function spokenTime(at: Date | undefined, now: Date, locale: string, timeZone: string): string | undefined {
  if (at === undefined || Number.isNaN(at.getTime())) return undefined;
  const seconds = Math.round((now.getTime() - at.getTime()) / 1000);
  if (seconds < 0) return clock(at, locale, timeZone, true);
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? 'a minute ago' : `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 6) return hours === 1 ? 'an hour ago' : `${hours} hours ago`;
  if (dayOf(at, timeZone) === dayOf(now, timeZone)) return `today at ${clock(at, locale, timeZone, false)}`;
  if (dayOf(at, timeZone) === dayOf(new Date(now.getTime() - 86_400_000), timeZone)) return `yesterday at ${clock(at, locale, timeZone, false)}`;
  return clock(at, locale, timeZone, true);
}

function clock(at: Date, locale: string, timeZone: string, withDate: boolean): string {
  const time = clockTime(at, locale, timeZone);
  if (!withDate) return time;
  return `on ${calendarDate(at, locale, timeZone)} at ${time}`;
}

/** "14:05": the time of day, 24-hour, two digits each. */
export function clockTime(at: Date, locale: string, timeZone: string): string {
  if (withoutIcu(locale, timeZone)) return `${twoDigits(at.getUTCHours())}:${twoDigits(at.getUTCMinutes())}`;
  return formatter(locale, timeZone, 'time').format(at);
}

/** "November 20". */
function calendarDate(at: Date, locale: string, timeZone: string): string {
  if (withoutIcu(locale, timeZone)) return `${EN_US_MONTHS[at.getUTCMonth()] ?? ''} ${at.getUTCDate()}`;
  return formatter(locale, timeZone, 'date').format(at);
}

/** The calendar day of `at` in `timeZone`, as a key ("2026-12-01") to compare days by. */
function dayOf(at: Date, timeZone: string): string {
  if (withoutIcu('en-US', timeZone)) return `${at.getUTCFullYear()}-${twoDigits(at.getUTCMonth() + 1)}-${twoDigits(at.getUTCDate())}`;
  // The speech's own locale, not a locale picked for its "yyyy-mm-dd" look (en-CA): a second locale costs a cold
  // start some 10 ms of ICU data, and the parts name the fields whatever their order.
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

/**
 * Builds the formatters spokenTime uses for this locale and zone. The first Intl.DateTimeFormat of a process loads
 * ICU's data (some 13 ms on a cold start); the later ones cost a fraction of a millisecond.
 */
export function prepareFormatters(locale: string, timeZone: string): void {
  if (withoutIcu(locale, timeZone)) return;
  formatter('en-US', timeZone, 'day');
  formatter(locale, timeZone, 'time');
}

const OPTIONS: Record<'time' | 'date' | 'day', Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { month: 'long', day: 'numeric' },
  day: { year: 'numeric', month: '2-digit', day: '2-digit' },
};
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat costs far more than using one: each kind is built once per locale and time zone. */
export function formatter(locale: string, timeZone: string, kind: keyof typeof OPTIONS): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let built = formatters.get(key);
  if (built === undefined) {
    built = new Intl.DateTimeFormat(locale, { ...OPTIONS[kind], timeZone });
    formatters.set(key, built);
  }
  return built;
}
