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
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
  if (!withDate) return time;
  const date = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone }).format(at);
  return `on ${date} at ${time}`;
}

function dayOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(at);
}
